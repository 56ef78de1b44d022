import { DATA_VERSIONS_PATH, USER_TOKEN_HEADER, type DataVersionsResponse, type Logger } from '@giaoviec/shared';
import type { FreshReads } from './fresh-reads';
import type { StoredValidator } from './validators';

/** One subgraph's validation of a cached answer: the request body, made once, and the versions it must answer. */
export interface VersionCheck {
  subgraph: string;
  body: string;
  versions: string[];
}

/** The validators of an answer as one check per subgraph, ready to send at every lookup. */
export function versionChecks(validators: readonly StoredValidator[]): VersionCheck[] {
  const bySubgraph = new Map<string, StoredValidator[]>();
  for (const validator of validators)
    bySubgraph.set(validator.subgraph, [...(bySubgraph.get(validator.subgraph) ?? []), validator]);
  return [...bySubgraph].map(([subgraph, stored]) => ({
    subgraph,
    body: JSON.stringify({ scopes: stored.map((each) => each.scope) }),
    versions: stored.map((each) => each.version),
  }));
}

/**
 * Whether every check still holds: one `POST /data-versions` per subgraph, all in parallel, each
 * shared with the identical checks of requests that arrived before it was sent (`reads`: never
 * one sent before this request arrived). `changed` when a version differs; `unavailable` when a
 * route fails or answers what it should not (never serve unvalidated).
 */
export async function validatorsHold(
  checks: readonly VersionCheck[],
  options: {
    endpoint: (subgraph: string) => string | undefined;
    userToken: string;
    timeoutMs: number;
    log: Logger;
    reads: FreshReads<unknown>;
  },
): Promise<'hold' | 'changed' | 'unavailable'> {
  const outcomes = await Promise.all(
    checks.map(async ({ subgraph, body, versions: expected }) => {
      const endpoint = options.endpoint(subgraph);
      if (!endpoint) return 'unavailable';
      try {
        // The answer is the data's versions, whoever asks: the token only proves the gateway.
        const versions = await options.reads.read(`${endpoint}\n${body}`, async () => {
          const response = await fetch(new URL(DATA_VERSIONS_PATH, endpoint), {
            method: 'POST',
            headers: { 'content-type': 'application/json', [USER_TOKEN_HEADER]: options.userToken },
            body,
            signal: AbortSignal.timeout(options.timeoutMs),
          });
          if (!response.ok) throw new Error(`status ${response.status}`);
          return ((await response.json()) as Partial<DataVersionsResponse>).versions;
        });
        if (!Array.isArray(versions) || versions.length !== expected.length)
          throw new Error('not one version per scope');
        return expected.every((each, index) => versions[index] === each) ? 'hold' : 'changed';
      } catch (error) {
        options.log.warn({ subgraph, err: error }, 'data versions unavailable: the cached answer is not used');
        return 'unavailable';
      }
    }),
  );
  if (outcomes.includes('unavailable')) return 'unavailable';
  return outcomes.includes('changed') ? 'changed' : 'hold';
}
