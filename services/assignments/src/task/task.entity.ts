import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AssignerKind, DocumentKind, TaskPriority } from './task-history';

/** Where a task stands in its workflow (trạng thái). */
export type TaskStatus = 'IN_PROGRESS' | 'COMPLETION_SUBMITTED' | 'COMPLETED' | 'WITHDRAWN';

const dateArray = { type: 'date', array: true } as const;

/** A row of `assignments.task`. */
@Entity({ schema: 'assignments', name: 'task' })
export class TaskRow {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar') title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'document_number', type: 'varchar', nullable: true }) documentNumber: string | null;
  @Column({ name: 'document_kind', type: 'varchar', nullable: true }) documentKind: DocumentKind | null;
  @Column({ name: 'document_issued_on', type: 'date', nullable: true }) documentIssuedOn: CalendarDate | null;
  @Column({ name: 'document_signer', type: 'varchar', nullable: true }) documentSigner: string | null;
  @Column({ name: 'assigned_on', type: 'date' }) assignedOn: CalendarDate;
  @Column({ name: 'assigner_kind', type: 'varchar' }) assignerKind: AssignerKind;
  @Column({ name: 'assigner_name', type: 'varchar', nullable: true }) assignerName: string | null;
  @Column({ name: 'lead_organisation_id', type: 'uuid' }) leadOrganisationId: string;
  @Column({ name: 'coordinating_organisation_ids', type: 'uuid', array: true }) coordinatingOrganisationIds: string[];
  @Column({ name: 'original_due_on', type: 'date', nullable: true }) originalDueOn: CalendarDate | null;
  /** The coordinating units' own deadline (RULES.md, Coordination); null: the task's deadline in force. */
  @Column({ name: 'coordination_due_on', type: 'date', nullable: true }) coordinationDueOn: CalendarDate | null;
  @Column('varchar') priority: TaskPriority;
  @Column({ name: 'origin_conclusion_id', type: 'uuid', nullable: true }) originConclusionId: string | null;
  @Column('varchar') status: TaskStatus;
  /** The task this one was delegated from (giao việc nội bộ); null for a task assigned to a unit. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  /** A sub-task's assigning side: its parent's lead unit; null for the People's Committee. */
  @Column({ name: 'assigning_organisation_id', type: 'uuid', nullable: true }) assigningOrganisationId: string | null;
  /** The deadline in force after every approved extension (the decisions are never in the future). */
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: CalendarDate | null;
  @Column({ name: 'extension_decided_on', ...dateArray }) extensionDecidedOn: CalendarDate[];
  @Column({ name: 'extension_due_on', ...dateArray }) extensionDueOn: CalendarDate[];
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn: CalendarDate | null;
  @Column({ name: 'withdrawn_on', type: 'date', nullable: true }) withdrawnOn: CalendarDate | null;
  /** The quality (1 to 5) given when its completion was confirmed; null: none given. */
  @Column({ type: 'smallint', nullable: true }) quality: number | null;
  /** Transfers of the lead unit (after a restructuring), oldest first: when, and from which unit. */
  @Column({ name: 'lead_transferred_on', ...dateArray }) leadTransferredOn: CalendarDate[];
  @Column({ name: 'lead_transferred_from', type: 'uuid', array: true }) leadTransferredFrom: string[];
  /** The leader who assigned it (an `Official` of the organisations subgraph). */
  @Column({ name: 'assigned_by_official_id', type: 'uuid', nullable: true }) assignedByOfficialId: string | null;
  /** The deadline as given, in working days; the due date is computed and stored. */
  @Column({ name: 'deadline_working_days', type: 'smallint', nullable: true }) deadlineWorkingDays: number | null;
  @Column({ name: 'search_text', type: 'text' }) searchText: string;
  @Column('integer') version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
