import type { CalendarDate } from '@giaoviec/shared';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { complianceFiguresByGroup, type DatedFigures } from './figures.sql';
import type { Period } from './rules';

type FiguresArgs = Period & { asOf: CalendarDate };

/** A unit's figures for one (period, date), and the unit's task version they were computed at. */
interface Entry {
  version: string;
  figures: DatedFigures | null;
}

const SIZE = Number(process.env.FIGURES_CACHE_ENTRIES ?? 100_000);
/** One cache per database: a process may serve several (the tests do). */
const caches = new WeakMap<DataSource, LRUCache<string, Entry>>();

/**
 * The figures of many units: their task versions in one statement, then only the units whose
 * cached figures are missing or older than their version in a second one. A write to a unit's
 * tasks bumps its version in the same transaction (migration 1765000000000), so nothing stale is
 * ever served, on any replica; figures as of any date stay keyed by that date.
 */
export async function cachedFiguresByUnit(
  db: DataSource,
  args: FiguresArgs,
  ids: readonly string[],
  versionsRead?: Map<string, string>,
): Promise<Map<string, DatedFigures>> {
  if (SIZE <= 0) return complianceFiguresByGroup(db, { ...args, groupBy: 'unit', unitIds: ids });
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LRUCache<string, Entry>({ max: SIZE })));
  const versions = await readUnitTaskVersions(db, ids);
  // The request's validator (data-version.ts) keeps the first version read of each unit: the
  // oldest, so never newer than any figures of the answer.
  for (const id of ids) if (!versionsRead?.has(id)) versionsRead?.set(id, versions.get(id) ?? '0');
  const key = (id: string) => `${id}|${args.from}|${args.to}|${args.asOf}`;
  const result = new Map<string, DatedFigures>();
  const stale: string[] = [];
  for (const id of ids) {
    const entry = cache.get(key(id));
    if (entry && entry.version === (versions.get(id) ?? '0')) {
      if (entry.figures) result.set(id, entry.figures);
    } else stale.push(id);
  }
  if (stale.length) {
    const fresh = await complianceFiguresByGroup(db, { ...args, groupBy: 'unit', unitIds: stale });
    for (const id of stale) {
      // Stored under the version read before computing: a write in between bumps it, and the next
      // request recomputes.
      const figures = fresh.get(id) ?? null;
      cache.set(key(id), { version: versions.get(id) ?? '0', figures });
      if (figures) result.set(id, figures);
    }
  }
  return result;
}

/** The task versions of units, in one statement; a unit missing has never had a task written (version 0). */
export async function readUnitTaskVersions(db: DataSource, ids: readonly string[]): Promise<Map<string, string>> {
  const rows: Array<{ unit_id: string; version: string }> = await db.query(
    `SELECT unit_id::text, version::text FROM assignments.unit_task_version WHERE unit_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.unit_id, row.version]));
}
