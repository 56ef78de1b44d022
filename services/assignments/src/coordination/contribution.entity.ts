import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `assignments.contribution`: what a coordinating unit contributed to a task (ý kiến phối hợp), once. */
@Entity({ schema: 'assignments', name: 'contribution' })
export class ContributionRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'submitted_on', type: 'date' }) submittedOn: CalendarDate;
  @Column('text') note: string;
}
