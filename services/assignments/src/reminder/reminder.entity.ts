import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReminderKind } from './rules';

/** A row of `assignments.reminder`: a reminder sent about a task (đôn đốc). */
@Entity({ schema: 'assignments', name: 'reminder' })
export class ReminderRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column('varchar') kind: ReminderKind;
  @Column({ name: 'sent_on', type: 'date' }) sentOn: CalendarDate;
  @Column({ type: 'smallint', nullable: true }) threshold: number | null;
  /** The deadline in force a DUE_SOON or OVERDUE reminder is about. */
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: CalendarDate | null;
  @Column({ name: 'completion_report_id', type: 'uuid', nullable: true }) completionReportId: string | null;
  @Column({ name: 'extension_id', type: 'uuid', nullable: true }) extensionId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column('varchar') actor: string;
  /** The acting user's id; null for the platform's automatic reminders. */
  @Column({ name: 'actor_id', type: 'varchar', nullable: true }) actorId: string | null;
  /** When it was recorded (the database's clock): the order of two on the same day. */
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt?: Date;
}
