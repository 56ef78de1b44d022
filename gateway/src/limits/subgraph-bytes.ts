import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@giaoviec/shared';
import { GraphQLError } from 'graphql';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one client request may receive from the subgraphs, in bytes of their JSON answers, all
 * calls together (GRAPHQL_MAX_SUBGRAPH_BYTES). The gateway's answer is built from them, so this
 * bounds the memory one request can take, whatever the cost estimate said (docs/decisions/0021).
 */
export class SubgraphBytes {
  private received = 0;
  /** Set once the limit is passed: the request then answers RESPONSE_TOO_LARGE alone. */
  exceeded = false;

  constructor(readonly limit: number) {}

  /** Counts bytes received; throws RESPONSE_TOO_LARGE when they pass the limit. */
  take(bytes: number): void {
    this.received += bytes;
    if (this.received > this.limit) this.exceeded = true;
    if (this.exceeded) throw responseTooLarge(this.limit);
  }
}

export function responseTooLarge(limit: number): GraphQLError {
  return new GraphQLError(
    `The answer is too large: its subgraph data passed ${limit} bytes (GRAPHQL_MAX_SUBGRAPH_BYTES). Ask for fewer items or fewer aliases, or page through them.`,
    { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, limit } },
  );
}

/** The budget of the client request a subgraph call is made for, set around each call by the data source. */
export const currentSubgraphBytes = new AsyncLocalStorage<SubgraphBytes>();

/**
 * A response body as text, read chunk by chunk and charged to `budget` as it arrives: a body
 * over the budget is dropped before it is whole (the call is cancelled), never held in memory.
 */
export async function readCharged(response: Response, budget: SubgraphBytes | undefined): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget?.take(value.byteLength);
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return text + decoder.decode();
}

/**
 * A request past its bound answers RESPONSE_TOO_LARGE and nothing else: no partial data of
 * several megabytes. Listed before the plugins that count and log errors, so that they see it.
 */
export function subgraphBytesPlugin<Context extends { subgraphBytes?: SubgraphBytes }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const budget = contextValue.subgraphBytes;
          if (!budget?.exceeded || response.body.kind !== 'single') return;
          const { message, extensions } = responseTooLarge(budget.limit);
          response.body = { kind: 'single', singleResult: { data: null, errors: [{ message, extensions }] } };
        },
      };
    },
  };
}
