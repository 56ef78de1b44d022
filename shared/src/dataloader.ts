import DataLoader from 'dataloader';
import { In, type ObjectLiteral, type Repository } from 'typeorm';
import { isUuid } from './ids';

/**
 * A DataLoader for a field with arguments (`compliance(from, to, asOf)` on many units): keys are
 * (id, arguments); each distinct set of arguments costs one batch call for all its ids.
 */
export function loaderByArguments<Args, Result>(
  loadMany: (args: Args, ids: readonly string[]) => Promise<Map<string, Result>>,
  fallback: (id: string, args: Args) => Result,
): DataLoader<{ id: string; args: Args }, Result, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: Args; ids: Set<string> }>();
      for (const { id, args } of keys) {
        const group = groups.get(JSON.stringify(args)) ?? { args, ids: new Set<string>() };
        group.ids.add(id);
        groups.set(JSON.stringify(args), group);
      }
      const results = new Map<string, Map<string, Result>>();
      await Promise.all(
        [...groups].map(async ([argsKey, group]) => results.set(argsKey, await loadMany(group.args, [...group.ids]))),
      );
      return keys.map(({ id, args }) => results.get(JSON.stringify(args))?.get(id) ?? fallback(id, args));
    },
    { cacheKeyFn: ({ id, args }) => `${id}|${JSON.stringify(args)}` },
  );
}

/** Rows by id, one `WHERE id IN (...)` per batch; ids that are no UUID name nothing. */
export function loaderById<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await repository.findBy({ id: In(valid) } as never) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** The rows whose `key` column holds each of the keys (e.g. a task's extensions), in `order`. */
export function loaderGroupedBy<T extends ObjectLiteral>(
  repository: Repository<T>,
  key: keyof T & string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const valid = [...new Set(keys.filter(isUuid))];
    const rows = valid.length
      ? await repository.find({ where: { [key]: In(valid) } as never, order: order as never })
      : [];
    return keys.map((value) => rows.filter((row) => row[key] === value));
  });
}
