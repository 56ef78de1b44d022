import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Position } from './position';

/** A row of `organisations.official`. */
@Entity({ schema: 'organisations', name: 'official' })
export class OfficialRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'full_name', type: 'varchar' }) fullName: string;
}

/** A row of `organisations.term_of_office`. */
@Entity({ schema: 'organisations', name: 'term_of_office' })
export class TermOfOfficeRow {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'official_id', type: 'uuid' }) officialId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('varchar') position: Position;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: CalendarDate;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: CalendarDate | null;
  @Column({ name: 'legal_basis', type: 'varchar', nullable: true }) legalBasis: string | null;
}
