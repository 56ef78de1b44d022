import { BadUserInputError, isUuid, runIdempotently, type CalendarDate, type MutationRequest } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { OrganisationKind } from '../organisation/organisation-kind';
import { OrganisationRow } from '../organisation/organisation.entity';
import { lockStructure } from '../organisation/organisation.store';
import { FormerNameRow, RestructuringEventRow, RestructuringLinkRow } from './restructuring.entity';
import {
  lastDayBefore,
  requireChangeable,
  requireCodeFree,
  requireDistinct,
  requireExistingSuccessor,
  type RestructuringKind,
} from './rules';

/** A unit a restructuring creates: it begins on the effective date. */
export interface NewUnit {
  code: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  /** A fixed id (the demo data's); a new one when absent. */
  id?: string;
}

export interface RestructuringRecord {
  effectiveOn: CalendarDate;
  legalBasis: string;
  note: string | null;
  recordedBy: string;
}

/** A change that ends units and passes their work to successors (merge, split, abolish). */
export interface Succession extends RestructuringRecord {
  kind: Exclude<RestructuringKind, 'RENAME'>;
  /** The units that end the day before the change. */
  endingIds: string[];
  /** Existing units that take over their work. */
  successorIds: string[];
  /** Units the change creates; they also take over the work. */
  newUnits: NewUnit[];
}

/** The only place that changes the structure through time; one change at a time, all or nothing. */
export class RestructuringStore {
  constructor(
    private readonly db: DataSource,
    private readonly request: MutationRequest | null,
  ) {}

  private transaction<T>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    return runIdempotently(this.db, 'organisations', this.request, async (tx) => {
      await lockStructure(tx);
      return run(tx);
    });
  }

  succeed(change: Succession): Promise<RestructuringEventRow> {
    return this.transaction(async (tx) => {
      requireDistinct(change.endingIds, change.successorIds, change.kind === 'MERGE' ? 'intoId' : 'successorIds');
      const units = tx.getRepository(OrganisationRow);
      const ending = await requireUnits(tx, change.endingIds, 'sourceIds');
      for (const unit of ending) requireChangeable(unit, change.effectiveOn, 'effectiveOn');
      const successors = await requireUnits(tx, change.successorIds, 'successorIds');
      for (const unit of successors) requireExistingSuccessor(unit, change.effectiveOn, 'successorIds');

      const created: OrganisationRow[] = [];
      for (const unit of change.newUnits) {
        if (unit.parentId) await requireUnits(tx, [unit.parentId], 'parentId');
        const sameCode = await units.findBy({ code: unit.code });
        requireCodeFree(unit.code, { validFrom: change.effectiveOn, validTo: null }, [...sameCode, ...created]);
        created.push(
          units.create({
            ...unit,
            id: unit.id ?? randomUUID(),
            validFrom: change.effectiveOn,
            validTo: null,
            nameSince: null,
          }),
        );
      }
      if (created.length) await units.insert(created);
      if (ending.length) {
        await units.update({ id: In(change.endingIds) }, { validTo: lastDayBefore(change.effectiveOn) });
      }
      const event = await insertEvent(tx, change.kind, change);
      const links = ending.flatMap((predecessor) =>
        [...successors, ...created].map((successor) => ({
          eventId: event.id,
          predecessorId: predecessor.id,
          successorId: successor.id,
        })),
      );
      if (links.length) await tx.getRepository(RestructuringLinkRow).insert(links);
      return event;
    });
  }

  rename(unitId: string, name: string, record: RestructuringRecord): Promise<RestructuringEventRow> {
    return this.transaction(async (tx) => {
      const unit = (await requireUnits(tx, [unitId], 'id'))[0]!;
      requireChangeable(unit, record.effectiveOn, 'effectiveOn');
      if (unit.nameSince !== null && unit.nameSince >= record.effectiveOn) {
        throw new BadUserInputError(`${unit.code} was last renamed on ${unit.nameSince}`, 'effectiveOn');
      }
      if (unit.name === name) throw new BadUserInputError(`${unit.code} already bears that name`, 'name');
      await tx.getRepository(FormerNameRow).insert({
        organisationId: unit.id,
        name: unit.name,
        usedFrom: unit.nameSince ?? unit.validFrom,
        usedTo: lastDayBefore(record.effectiveOn),
      });
      await tx.getRepository(OrganisationRow).update({ id: unit.id }, { name, nameSince: record.effectiveOn });
      const event = await insertEvent(tx, 'RENAME', record);
      await tx
        .getRepository(RestructuringLinkRow)
        .insert({ eventId: event.id, predecessorId: unit.id, successorId: unit.id });
      return event;
    });
  }
}

/** The units, locked for the change; an unknown id is bad input. */
async function requireUnits(tx: EntityManager, ids: readonly string[], field: string): Promise<OrganisationRow[]> {
  const unknown = ids.find((id) => !isUuid(id));
  if (unknown !== undefined) throw new BadUserInputError(`No organisation has id ${unknown}`, field);
  if (!ids.length) return [];
  const rows = await tx
    .getRepository(OrganisationRow)
    .find({ where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' } });
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) throw new BadUserInputError(`No organisation has id ${missing}`, field);
  return ids.map((id) => rows.find((row) => row.id === id)!);
}

async function insertEvent(
  tx: EntityManager,
  kind: RestructuringKind,
  record: RestructuringRecord,
): Promise<RestructuringEventRow> {
  const event: RestructuringEventRow = {
    id: randomUUID(),
    kind,
    effectiveOn: record.effectiveOn,
    legalBasis: record.legalBasis,
    note: record.note,
    recordedBy: record.recordedBy,
  };
  await tx.getRepository(RestructuringEventRow).insert(event);
  return event;
}
