import { USER_TOKEN_HEADER } from '../auth/internal-token';
import { REQUEST_ID_HEADER, type RequestContext } from '../context';
import { traceHeaders } from '../telemetry/http';

/** Who asks: the request being served, whose user the peer checks again. */
export type Caller = Pick<RequestContext, 'requestId' | 'userToken'>;
import { defaultSubgraphPort, subgraphVariable, type SubgraphName } from '../subgraphs';

/** Where another subgraph answers: `<NAME>_URL`, else its port on this machine. */
export function peerSubgraphUrl(name: SubgraphName): string {
  return process.env[subgraphVariable(name, 'URL')] ?? `http://127.0.0.1:${defaultSubgraphPort(name)}/graphql`;
}

/**
 * Resolves entities through the subgraph that owns (or extends) them, in one `_entities` call: a
 * service reads another's data through its API, never its tables. `selection` is what to read of each.
 */
export async function fetchEntities<Entity>(
  owner: SubgraphName,
  typename: string,
  ids: readonly string[],
  selection: string,
  caller: Caller,
): Promise<Array<Entity | null>> {
  if (ids.length === 0) return [];
  const response = await fetch(peerSubgraphUrl(owner), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [REQUEST_ID_HEADER]: caller.requestId,
      [USER_TOKEN_HEADER]: caller.userToken,
      ...traceHeaders(),
    },
    body: JSON.stringify({
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
      variables: { r: ids.map((id) => ({ __typename: typename, id })) },
    }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { data?: { _entities: Array<Entity | null> }; errors?: unknown[] };
  if (!response.ok || !body.data || body.errors?.length) {
    throw new Error(
      `${owner} did not answer the ${typename} lookup (${response.status}): ${JSON.stringify(body.errors)}`,
    );
  }
  return body.data._entities;
}

/** Which of some ids the owning subgraph knows. */
export async function existingEntityIds(
  owner: SubgraphName,
  typename: string,
  ids: readonly string[],
  caller: Caller,
): Promise<Set<string>> {
  const entities = await fetchEntities<{ id: string }>(owner, typename, [...new Set(ids)], 'id', caller);
  return new Set(entities.flatMap((entity) => (entity ? [entity.id] : [])));
}
