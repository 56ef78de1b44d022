import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RestructuringKind } from './rules';

/** A row of `organisations.restructuring_event`. */
@Entity({ schema: 'organisations', name: 'restructuring_event' })
export class RestructuringEventRow {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar') kind: RestructuringKind;
  @Column({ name: 'effective_on', type: 'date' }) effectiveOn: CalendarDate;
  @Column({ name: 'legal_basis', type: 'varchar' }) legalBasis: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'varchar' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false }) recordedAt?: Date;
}

/** A row of `organisations.restructuring_link`: the predecessor's work passed to the successor. */
@Entity({ schema: 'organisations', name: 'restructuring_link' })
export class RestructuringLinkRow {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @PrimaryColumn({ name: 'predecessor_id', type: 'uuid' }) predecessorId: string;
  @PrimaryColumn({ name: 'successor_id', type: 'uuid' }) successorId: string;
}

/** A row of `organisations.former_name`: a name the unit bore until `usedTo`. */
@Entity({ schema: 'organisations', name: 'former_name' })
export class FormerNameRow {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('varchar') name: string;
  @Column({ name: 'used_from', type: 'date', nullable: true }) usedFrom: CalendarDate | null;
  @PrimaryColumn({ name: 'used_to', type: 'date' }) usedTo: CalendarDate;
}
