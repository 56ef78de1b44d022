import { REQUEST_ID_HEADER } from '../context';
import { defaultSubgraphPort, subgraphVariable, type SubgraphName } from '../subgraphs';

/** Where another subgraph answers: `<NAME>_URL`, else its port on this machine. */
export function peerSubgraphUrl(name: SubgraphName): string {
  return process.env[subgraphVariable(name, 'URL')] ?? `http://127.0.0.1:${defaultSubgraphPort(name)}/graphql`;
}

/**
 * Asks the subgraph that owns an entity which of some ids exist, in one `_entities` call: a service
 * checks a reference to another's data without reading its tables.
 */
export async function existingEntityIds(
  owner: SubgraphName,
  typename: string,
  ids: readonly string[],
  requestId: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const response = await fetch(peerSubgraphUrl(owner), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
      variables: { r: [...new Set(ids)].map((id) => ({ __typename: typename, id })) },
    }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { data?: { _entities: Array<{ id: string } | null> }; errors?: unknown[] };
  if (!response.ok || !body.data || body.errors?.length) {
    throw new Error(
      `${owner} did not answer the ${typename} lookup (${response.status}): ${JSON.stringify(body.errors)}`,
    );
  }
  return new Set(body.data._entities.flatMap((entity) => (entity ? [entity.id] : [])));
}
