import type { Fetcher } from '@apollo/utils.fetcher';
import { ErrorCode, traceHeaders, type Logger, type ServiceMetrics } from '@giaoviec/shared';
import { GraphQLError } from 'graphql';

/**
 * The gateway's calls to one subgraph: Node's fetch (keep-alive), cut off after `timeoutMs`. A
 * subgraph that is down, hangs or answers 502/503/504 becomes one masked error on the fields it
 * serves, with the data of the others kept; the log has the detail. With tracing on, the call
 * carries the `traceparent` of @apollo/gateway's gateway.fetch span, the subgraph's request joins it.
 */
export function subgraphFetcher(name: string, timeoutMs: number, log: Logger, metrics: ServiceMetrics): Fetcher {
  const unavailable = () =>
    new GraphQLError(`The ${name} service is unavailable; the fields it serves are missing`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: name },
    });
  return async (url, init) => {
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
    return response as unknown as Awaited<ReturnType<Fetcher>>;
  };
}
