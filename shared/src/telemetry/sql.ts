import { SpanKind, SpanStatusCode, context, trace, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import pg from 'pg';

/** Longer statements are cut in spans: the compliance aggregation alone is several kilobytes. */
export const MAX_STATEMENT_IN_SPAN = 2000;

/**
 * A node-postgres client class (the pool's `Client` option) that gives each statement a client span
 * with its text, never its parameters (they hold personal data). Only statements sent while a span
 * is active are traced: migrations, demo data and pool housekeeping would otherwise each start a
 * trace of their own. Explicit, per pool: no patching of `pg` for the whole process. `schema` is the
 * service's PostgreSQL schema (`db.namespace`).
 */
export function tracedPgClient(tracer: Tracer, schema: string): typeof pg.Client {
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  class TracedClient extends pg.Client {}
  TracedClient.prototype.query = function tracedQuery(this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
    // Callback and stream forms (TypeORM uses neither for its queries) go through untraced.
    const traceable =
      typeof text === 'string' &&
      typeof args.at(-1) !== 'function' &&
      typeof (config as { submit?: unknown }).submit !== 'function';
    if (!traceable || !trace.getSpan(context.active())) return Reflect.apply(query, this, args);
    const operation = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
        [ATTR_DB_NAMESPACE]: schema,
        [ATTR_DB_OPERATION_NAME]: operation,
        [ATTR_DB_QUERY_TEXT]: text.length > MAX_STATEMENT_IN_SPAN ? `${text.slice(0, MAX_STATEMENT_IN_SPAN)}…` : text,
      },
    });
    return (Reflect.apply(query, this, args) as Promise<unknown>).then(
      (result) => {
        span.end();
        return result;
      },
      (error: unknown) => {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        span.end();
        throw error;
      },
    );
  } as typeof pg.Client.prototype.query;
  return TracedClient;
}
