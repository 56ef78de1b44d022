import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `assignments.explanation`: a request for explanation (yêu cầu giải trình) and its answer. */
@Entity({ schema: 'assignments', name: 'explanation' })
export class ExplanationRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'requested_on', type: 'date' }) requestedOn: CalendarDate;
  @Column({ name: 'answer_by', type: 'date' }) answerBy: CalendarDate;
  @Column('text') question: string;
  @Column({ name: 'requested_by', type: 'varchar' }) requestedBy: string;
  @Column({ name: 'requested_by_id', type: 'varchar' }) requestedById: string;
  @Column({ name: 'answered_on', type: 'date', nullable: true }) answeredOn: CalendarDate | null;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_by', type: 'varchar', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_by_id', type: 'varchar', nullable: true }) answeredById: string | null;
  /** When it was recorded (the database's clock): the order of two on the same day. */
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt?: Date;
}
