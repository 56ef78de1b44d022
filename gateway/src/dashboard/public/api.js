// The dashboard's only way to the data: the contract's queries, sent to the public /graphql
// endpoint with the user's bearer token. The gateway serves the operations' text from the contract
// folder (operations.json), so this page cannot drift from what clients are promised.

const ENDPOINT = new URL('../graphql', document.baseURI);

/** A failed request: each GraphQL error with its code, as the API gave them. */
export class RequestFailed extends Error {
  constructor(errors) {
    super(errors.map((error) => error.message).join('; '));
    this.errors = errors;
  }
}

let contract;

/** The contract's queries by name: `{ file, text }`. */
export function contractQueries() {
  contract ??= fetch(new URL('operations.json', document.baseURI)).then(async (response) => {
    if (!response.ok)
      throw new RequestFailed([
        {
          message: `Không tải được các thao tác (HTTP ${response.status})`,
          extensions: { code: 'CONTRACT_UNAVAILABLE' },
        },
      ]);
    return response.json();
  });
  return contract;
}

/**
 * Runs one contract query. Resolves to `{ data, errors }`: a partial answer (one subgraph down)
 * keeps its data and its errors. Rejects with RequestFailed when there is no data at all.
 */
export async function query(name, variables, token) {
  const operation = (await contractQueries())[name];
  if (!operation)
    throw new RequestFailed([
      { message: `Hợp đồng không có thao tác ${name}`, extensions: { code: 'CONTRACT_MISSING' } },
    ]);
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: operation.text, operationName: name, variables }),
    });
  } catch (error) {
    throw new RequestFailed([
      { message: `Không kết nối được máy chủ: ${error.message}`, extensions: { code: 'NETWORK_ERROR' } },
    ]);
  }
  const body = await response.json().catch(() => null);
  if (!body)
    throw new RequestFailed([
      { message: `Máy chủ trả lời HTTP ${response.status}`, extensions: { code: `HTTP_${response.status}` } },
    ]);
  const errors = body.errors ?? [];
  if (!body.data)
    throw new RequestFailed(errors.length ? errors : [{ message: `HTTP ${response.status}`, extensions: {} }]);
  return { data: body.data, errors };
}
