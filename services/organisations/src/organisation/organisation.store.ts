import { BadUserInputError, isUuid, runIdempotently, type CalendarDate, type MutationRequest } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { requireCodeFree } from '../restructuring/rules';
import { KIND_ORDER, type OrganisationKind } from './organisation-kind';
import { OrganisationRow } from './organisation.entity';
import { placementProblem } from '../division/rules';
import { wouldCreateCycle } from './rules';

function requirePlacement(kind: string, parentKind: string | null): void {
  const problem = placementProblem(kind, parentKind);
  if (problem) throw new BadUserInputError(problem, 'parentId');
}

/**
 * Changes checked against the whole structure (hierarchy, codes, validity) go one at a time: two
 * concurrent ones could each pass the checks.
 */
export async function lockStructure(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('organisations.hierarchy'))`);
}

/** The only place that reads and writes `organisations.organisation`. */
export class OrganisationStore {
  constructor(
    private readonly db: DataSource,
    /** The mutation being served, for its idempotency key. */
    private readonly request: MutationRequest | null = null,
  ) {}

  private transaction<T>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    return runIdempotently(this.db, 'organisations', this.request, run);
  }

  /**
   * Units of the given kinds (all when none), the province first, then by code; with `asOf`, only
   * those that existed on that day.
   */
  async list(kinds?: readonly OrganisationKind[] | null, asOf?: CalendarDate | null): Promise<OrganisationRow[]> {
    const query = this.db
      .getRepository(OrganisationRow)
      .createQueryBuilder('o')
      .orderBy('array_position(:order::text[], o.kind::text)')
      .addOrderBy('o.code')
      .setParameter('order', KIND_ORDER);
    if (kinds?.length) query.andWhere('o.kind IN (:...kinds)', { kinds });
    if (asOf) {
      query.andWhere(
        '(o.valid_from IS NULL OR o.valid_from <= :asOf) AND (o.valid_to IS NULL OR o.valid_to >= :asOf)',
        {
          asOf,
        },
      );
    }
    return query.getMany();
  }

  async create(unit: Omit<OrganisationRow, 'id' | 'validTo' | 'nameSince' | 'contactEmail'>): Promise<OrganisationRow> {
    return this.transaction(async (tx) => {
      // Codes are checked against every unit's validity: structure changes go one at a time.
      await lockStructure(tx);
      const parent = unit.parentId ? await this.requireParent(tx, unit.parentId) : null;
      requirePlacement(unit.kind, parent?.kind ?? null);
      const sameCode = await tx.getRepository(OrganisationRow).findBy({ code: unit.code });
      requireCodeFree(unit.code, { validFrom: unit.validFrom, validTo: null }, sameCode);
      const row = tx
        .getRepository(OrganisationRow)
        .create({ ...unit, validTo: null, nameSince: null, contactEmail: null, id: randomUUID() });
      await tx.getRepository(OrganisationRow).insert(row);
      return row;
    });
  }

  async update(
    id: string,
    change: Partial<Pick<OrganisationRow, 'name' | 'kind' | 'parentId' | 'contactEmail'>>,
  ): Promise<OrganisationRow> {
    return this.transaction(async (tx) => {
      // Two concurrent moves could each pass the cycle check: hierarchy changes go one at a time.
      await lockStructure(tx);
      const repository = tx.getRepository(OrganisationRow);
      const current = isUuid(id) ? await repository.findOneBy({ id }) : null;
      if (!current) throw new BadUserInputError(`No organisation has id ${id}`, 'id');
      const parentId = change.parentId === undefined ? current.parentId : change.parentId;
      const parent = parentId ? await this.requireParent(tx, parentId) : null;
      requirePlacement(change.kind ?? current.kind, parent?.kind ?? null);
      if ((change.kind ?? current.kind) === 'DIVISION' && current.kind !== 'DIVISION') {
        // A unit with units under it cannot become a division: nothing stands under a division.
        if (await repository.existsBy({ parentId: id })) requirePlacement('OTHER', 'DIVISION');
      }
      if (change.parentId) {
        if (wouldCreateCycle(id, await this.parentChain(tx, change.parentId))) {
          throw new BadUserInputError(
            'An organisation cannot be placed under itself or one of its descendants',
            'parentId',
          );
        }
      }
      const updated = repository.merge(current, change);
      await repository.update({ id }, change);
      return updated;
    });
  }

  private async requireParent(tx: EntityManager, parentId: string): Promise<OrganisationRow> {
    const parent = isUuid(parentId) ? await tx.getRepository(OrganisationRow).findOneBy({ id: parentId }) : null;
    if (!parent) throw new BadUserInputError(`No organisation has id ${parentId}`, 'parentId');
    return parent;
  }

  /** The unit and its ancestors up to the top, in one statement. */
  private async parentChain(tx: EntityManager, unitId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `WITH RECURSIVE chain(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM organisations.organisation WHERE id = $1
         UNION ALL
         SELECT o.id, o.parent_id, c.depth + 1 FROM organisations.organisation o JOIN chain c ON o.id = c.parent_id
       ) CYCLE id SET looped USING path
       SELECT id FROM chain ORDER BY depth`,
      [unitId],
    );
    return rows.map((row) => row.id);
  }
}
