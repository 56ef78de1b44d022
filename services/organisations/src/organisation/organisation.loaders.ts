import { isUuid, loaderById, loaderGroupedBy } from '@giaoviec/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { OfficialRow, TermOfOfficeRow } from '../official/official.entity';
import { FormerNameRow, RestructuringEventRow, RestructuringLinkRow } from '../restructuring/restructuring.entity';
import { OrganisationRow } from './organisation.entity';

/** The DataLoaders of one request: one SQL statement per batch, whatever the number of keys. */
export interface OrganisationLoaders {
  organisationById: DataLoader<string, OrganisationRow | null>;
  childrenByParentId: DataLoader<string, OrganisationRow[]>;
  formerNamesByUnit: DataLoader<string, FormerNameRow[]>;
  linksByEvent: DataLoader<string, RestructuringLinkRow[]>;
  linksBySuccessor: DataLoader<string, RestructuringLinkRow[]>;
  linksByPredecessor: DataLoader<string, RestructuringLinkRow[]>;
  eventById: DataLoader<string, RestructuringEventRow | null>;
  /** Every unit whose work reached this one, directly or through earlier changes. */
  allPredecessorIds: DataLoader<string, string[]>;
  officialById: DataLoader<string, OfficialRow | null>;
  termsByOfficial: DataLoader<string, TermOfOfficeRow[]>;
  termsByUnit: DataLoader<string, TermOfOfficeRow[]>;
  /** Units by id, in order, those that exist. */
  organisationsByIds(ids: readonly string[]): Promise<OrganisationRow[]>;
}

export function createOrganisationLoaders(db: DataSource): OrganisationLoaders {
  const rows = db.getRepository(OrganisationRow);
  const links = db.getRepository(RestructuringLinkRow);
  const organisationById = loaderById(rows);
  return {
    organisationById,
    childrenByParentId: loaderGroupedBy(rows, 'parentId', { code: 'ASC' }),
    formerNamesByUnit: loaderGroupedBy(db.getRepository(FormerNameRow), 'organisationId', { usedTo: 'ASC' }),
    linksByEvent: loaderGroupedBy(links, 'eventId', { predecessorId: 'ASC' }),
    linksBySuccessor: loaderGroupedBy(links, 'successorId', { eventId: 'ASC' }),
    linksByPredecessor: loaderGroupedBy(links, 'predecessorId', { eventId: 'ASC' }),
    eventById: loaderById(db.getRepository(RestructuringEventRow)),
    allPredecessorIds: new DataLoader(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      // UNION (not UNION ALL) stops at units already reached.
      const found: Array<{ root: string; id: string }> = valid.length
        ? await db.query(
            `WITH RECURSIVE lineage(root, id) AS (
               SELECT successor_id, predecessor_id FROM organisations.restructuring_link
                WHERE successor_id = ANY($1::uuid[]) AND predecessor_id <> successor_id
               UNION
               SELECT lineage.root, link.predecessor_id
                 FROM lineage JOIN organisations.restructuring_link link
                   ON link.successor_id = lineage.id AND link.predecessor_id <> link.successor_id
             )
             SELECT root, id FROM lineage WHERE id <> root`,
            [valid],
          )
        : [];
      return ids.map((id) => found.filter((row) => row.root === id).map((row) => row.id));
    }),
    officialById: loaderById(db.getRepository(OfficialRow)),
    termsByOfficial: loaderGroupedBy(db.getRepository(TermOfOfficeRow), 'officialId', { startsOn: 'ASC' }),
    termsByUnit: loaderGroupedBy(db.getRepository(TermOfOfficeRow), 'organisationId', { startsOn: 'ASC' }),
    async organisationsByIds(ids) {
      const found = await organisationById.loadMany([...ids]);
      return found.filter((row): row is OrganisationRow => row !== null && !(row instanceof Error));
    },
  };
}
