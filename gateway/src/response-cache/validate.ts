import { DATA_VERSIONS_PATH, USER_TOKEN_HEADER, type DataVersionsResponse, type Logger } from '@giaoviec/shared';
import type { StoredValidator } from './validators';

/**
 * Whether every stored validator still holds: one `POST /data-versions` per subgraph, all in
 * parallel. `changed` when a version differs; `unavailable` when a route fails or answers what it
 * should not (never serve unvalidated).
 */
export async function validatorsHold(
  validators: readonly StoredValidator[],
  options: { endpoint: (subgraph: string) => string | undefined; userToken: string; timeoutMs: number; log: Logger },
): Promise<'hold' | 'changed' | 'unavailable'> {
  const bySubgraph = new Map<string, StoredValidator[]>();
  for (const validator of validators) {
    const list = bySubgraph.get(validator.subgraph) ?? [];
    bySubgraph.set(validator.subgraph, [...list, validator]);
  }
  const checks = [...bySubgraph].map(async ([subgraph, stored]) => {
    const endpoint = options.endpoint(subgraph);
    if (!endpoint) return 'unavailable';
    try {
      const response = await fetch(new URL(DATA_VERSIONS_PATH, endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [USER_TOKEN_HEADER]: options.userToken },
        body: JSON.stringify({ scopes: stored.map((each) => each.scope) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const { versions } = (await response.json()) as Partial<DataVersionsResponse>;
      if (!Array.isArray(versions) || versions.length !== stored.length) throw new Error('not one version per scope');
      return stored.every((each, index) => versions[index] === each.version) ? 'hold' : 'changed';
    } catch (error) {
      options.log.warn({ subgraph, err: error }, 'data versions unavailable: the cached answer is not used');
      return 'unavailable';
    }
  });
  const outcomes = await Promise.all(checks);
  if (outcomes.includes('unavailable')) return 'unavailable';
  return outcomes.includes('changed') ? 'changed' : 'hold';
}
