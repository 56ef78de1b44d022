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
  const data = await queryPeer<{ _entities: Array<Entity | null> }>(
    owner,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
    { r: ids.map((id) => ({ __typename: typename, id })) },
    caller,
    `the ${typename} lookup`,
  );
  return data._entities;
}

/** A peer subgraph's answer that is not data: what it said, for the caller to act on. */
export class PeerError extends Error {
  constructor(
    message: string,
    /** The `extensions.code` of each error the peer sent. */
    readonly codes: string[],
  ) {
    super(message);
  }
}

/** Sends one GraphQL operation to another subgraph as the caller; PeerError on any error or no data. */
export async function queryPeer<Data>(
  owner: SubgraphName,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
  what = 'a query',
): Promise<Data> {
  const response = await fetch(peerSubgraphUrl(owner), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [REQUEST_ID_HEADER]: caller.requestId,
      [USER_TOKEN_HEADER]: caller.userToken,
      ...traceHeaders(),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as {
    data?: Data | null;
    errors?: Array<{ extensions?: { code?: unknown } }>;
  };
  if (!response.ok || !body.data || body.errors?.length) {
    throw new PeerError(
      `${owner} did not answer ${what} (${response.status}): ${JSON.stringify(body.errors)}`,
      (body.errors ?? []).map((error) => String(error.extensions?.code ?? '')),
    );
  }
  return body.data;
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
