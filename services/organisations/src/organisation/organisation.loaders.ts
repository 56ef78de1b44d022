import { loaderById, loaderGroupedBy } from '@giaoviec/shared';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { OrganisationRow } from './organisation.entity';

/** The DataLoaders of one request: one SQL statement per batch, whatever the number of keys. */
export interface OrganisationLoaders {
  organisationById: DataLoader<string, OrganisationRow | null>;
  childrenByParentId: DataLoader<string, OrganisationRow[]>;
}

export function createOrganisationLoaders(db: DataSource): OrganisationLoaders {
  const rows = db.getRepository(OrganisationRow);
  return {
    organisationById: loaderById(rows),
    childrenByParentId: loaderGroupedBy(rows, 'parentId', { code: 'ASC' }),
  };
}
