import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExtensionStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** A row of `assignments.extension`: a request to move a task's deadline (gia hạn). */
@Entity({ schema: 'assignments', name: 'extension' })
export class ExtensionRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'requested_on', type: 'date' }) requestedOn: CalendarDate;
  @Column({ name: 'proposed_due_on', type: 'date' }) proposedDueOn: CalendarDate;
  @Column('text') reason: string;
  @Column('varchar') status: ExtensionStatus;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: CalendarDate | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
}
