import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { ErrorCode, USER_TOKEN_HEADER, traceHeaders, type Logger, type ServiceMetrics } from '@giaoviec/shared';
import { GraphQLError } from 'graphql';

import { currentSubgraphBytes, readCharged, type SubgraphBytes } from './limits/subgraph-bytes';

/**
 * The gateway's calls to one subgraph: Node's fetch (keep-alive), cut off after `timeoutMs`. A
 * subgraph that is down, hangs or answers 502/503/504 becomes one masked error on the fields it
 * serves, with the data of the others kept; the log has the detail. With tracing on, the call
 * carries the `traceparent` of @apollo/gateway's gateway.fetch span, the subgraph's request joins it.
 * Every answer is read against the bytes its client request may still receive (SubgraphBytes).
 */
export function subgraphFetcher(name: string, timeoutMs: number, log: Logger, metrics: ServiceMetrics): Fetcher {
  const unavailable = () =>
    new GraphQLError(`The ${name} service is unavailable; the fields it serves are missing`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: name },
    });
  // Identical reads in flight at once (same subgraph, same query and variables, same user token)
  // share one call and its answer, as Hive Gateway does by default. Never mutations.
  const inFlight = new Map<string, Promise<BufferedResponse>>();
  const send = async (url: string, init: FetcherRequestInit | undefined, budget?: SubgraphBytes) => {
    // A request past its bound calls no more subgraphs.
    budget?.take(0);
    const stop = metrics.subgraphFetches.startTimer({ subgraph: name });
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...init?.headers, ...traceHeaders() },
        signal: AbortSignal.timeout(timeoutMs),
      } as RequestInit);
    } catch (error) {
      stop({ outcome: 'unavailable' });
      log.warn({ subgraph: name, err: error }, 'subgraph did not answer');
      throw unavailable();
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      stop({ outcome: 'unavailable' });
      log.warn({ subgraph: name, status: response.status }, 'subgraph unavailable');
      throw unavailable();
    }
    stop({ outcome: response.ok ? 'ok' : 'error' });
    return buffer(response, budget);
  };
  return async (url, init) => {
    const budget = currentSubgraphBytes.getStore();
    const body = typeof init?.body === 'string' ? init.body : null;
    let answer: BufferedResponse;
    if (body === null || !isRead(body)) answer = await send(url, init, budget);
    else {
      // The request id and trace headers differ per request; the user token and the body decide the answer.
      const token = (init?.headers as Record<string, string> | undefined)?.[USER_TOKEN_HEADER] ?? '';
      const key = `${url}\n${token}\n${body}`;
      const shared = inFlight.get(key);
      if (shared) {
        answer = await shared;
        // Read once for the first request, it counts against each request that shares it.
        budget?.take(Buffer.byteLength(answer.text));
      } else {
        const sent = send(url, init, budget).finally(() => inFlight.delete(key));
        inFlight.set(key, sent);
        answer = await sent;
      }
    }
    const { status, statusText, headers, text } = answer;
    return new Response(text, { status, statusText, headers }) as unknown as Awaited<ReturnType<Fetcher>>;
  };
}

interface BufferedResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  text: string;
}

async function buffer(response: Response, budget: SubgraphBytes | undefined): Promise<BufferedResponse> {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  const text = await readCharged(response, budget);
  return { status: response.status, statusText: response.statusText, headers, text };
}

/** A subgraph request that only reads: the query plan's fetches of a query (never of a mutation). */
function isRead(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === 'string' && /^\s*(query\b|\{)/.test(query);
  } catch {
    return false;
  }
}
