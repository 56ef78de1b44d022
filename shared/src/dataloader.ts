import DataLoader from 'dataloader';

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
