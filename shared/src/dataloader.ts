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
  // A request may load a thousand units with the same arguments: each key's arguments are
  // serialised once, when it is loaded, and the batch groups by that text.
  const argsKeys = new WeakMap<{ id: string; args: Args }, string>();
  const argsKeyOf = (key: { id: string; args: Args }) => argsKeys.get(key) ?? JSON.stringify(key.args);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: Args; ids: Set<string> }>();
      for (const key of keys) {
        const argsKey = argsKeyOf(key);
        let group = groups.get(argsKey);
        if (!group) groups.set(argsKey, (group = { args: key.args, ids: new Set<string>() }));
        group.ids.add(key.id);
      }
      const results = new Map<string, Map<string, Result>>();
      await Promise.all(
        [...groups].map(async ([argsKey, group]) => results.set(argsKey, await loadMany(group.args, [...group.ids]))),
      );
      return keys.map((key) => results.get(argsKeyOf(key))?.get(key.id) ?? fallback(key.id, key.args));
    },
    {
      cacheKeyFn: (key) => {
        const argsKey = JSON.stringify(key.args);
        argsKeys.set(key, argsKey);
        return `${key.id}|${argsKey}`;
      },
    },
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
