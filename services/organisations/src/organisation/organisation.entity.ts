import type { CalendarDate } from '@giaoviec/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from './organisation-kind';

/** A row of `organisations.organisation`. */
@Entity({ schema: 'organisations', name: 'organisation' })
export class OrganisationRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganisationKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Where the daily digest of its notifications goes; null: none. */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  /** First day of existence; null: before the records begin. */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: CalendarDate | null;

  /** Last day of existence; null: still exists. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: CalendarDate | null;

  /** Since when `name` is the unit's name; null: since the unit began. */
  @Column({ name: 'name_since', type: 'date', nullable: true })
  nameSince: CalendarDate | null;
}
