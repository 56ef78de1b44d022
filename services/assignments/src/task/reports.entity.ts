import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type CompletionReportStatus = 'SUBMITTED' | 'CONFIRMED' | 'RETURNED';

/** A row of `assignments.completion_report`: the lead unit's report that the work is done (báo cáo hoàn thành). */
@Entity({ schema: 'assignments', name: 'completion_report' })
export class CompletionReportRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'submitted_on', type: 'date' }) submittedOn: CalendarDate;
  @Column({ name: 'completed_on', type: 'date' }) completedOn: CalendarDate;
  @Column('text') note: string;
  @Column('varchar') status: CompletionReportStatus;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: CalendarDate | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  /** The quality given on confirmation (chất lượng), 1 to 5; null: none given. */
  @Column({ type: 'smallint', nullable: true }) quality: number | null;
}

/** A row of `assignments.progress_report` (báo cáo tiến độ). */
@Entity({ schema: 'assignments', name: 'progress_report' })
export class ProgressReportRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn: CalendarDate;
  @Column({ name: 'percent_complete', type: 'smallint', nullable: true }) percentComplete: number | null;
  @Column('text') note: string;
}

/** A row of `assignments.task_history`: append-only, one per change of a task. */
@Entity({ schema: 'assignments', name: 'task_history' })
export class TaskHistoryRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'on_date', type: 'date' }) onDate: CalendarDate;
  @Column('varchar') action: string;
  @Column('varchar') actor: string;
  /** The acting user's id (the token's `sub`); null for the platform's own steps. */
  @Column({ name: 'actor_id', type: 'varchar', nullable: true }) actorId?: string | null;
  @Column('jsonb') details: object;
}
