import DataLoader from 'dataloader';
import { isUuid } from '@giaoviec/shared';
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
    organisationById: new DataLoader(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      const found = valid.length
        ? await rows.createQueryBuilder('o').where('o.id = ANY(:ids::uuid[])', { ids: valid }).getMany()
        : [];
      const byId = new Map(found.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    childrenByParentId: new DataLoader(async (parentIds) => {
      const found = await rows
        .createQueryBuilder('o')
        .where('o.parent_id = ANY(:ids::uuid[])', { ids: [...new Set(parentIds)] })
        .orderBy('o.code')
        .getMany();
      return parentIds.map((id) => found.filter((row) => row.parentId === id));
    }),
  };
}
