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
}
