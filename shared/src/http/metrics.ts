import type { ApolloServerPlugin } from '@apollo/server';
import type { Express } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { CountingQueryLogger } from '../db/query-counter';

/**
 * Prometheus metrics of one process (`GET /metrics`): GraphQL requests and their latency, errors by
 * code, the database pool, and (on the gateway) the latency of each subgraph call. One registry per
 * service, so that tests can run several services in one process.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Histogram<'operation' | 'outcome'>;
  readonly errors: Counter<'code'>;
  readonly subgraphFetches: Histogram<'subgraph' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'giaoviec_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation type and outcome, and how long they took.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'giaoviec_graphql_errors_total',
      help: 'Errors sent to clients, by extensions.code.',
      labelNames: ['code'],
      registers: [this.registry],
    });
    this.subgraphFetches = new Histogram({
      name: 'giaoviec_subgraph_fetch_duration_seconds',
      help: 'Calls from the gateway to each subgraph, by outcome, and the time until the response headers.',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Gauges of the service's connection pool, read when scraped. */
  observePool(db: DataSource): void {
    const pool = () =>
      (db.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    const gauge = (name: string, help: string, read: (p: NonNullable<ReturnType<typeof pool>>) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    gauge('giaoviec_db_pool_connections', 'Connections open in the database pool.', (p) => p.totalCount);
    gauge('giaoviec_db_pool_idle_connections', 'Idle connections in the database pool.', (p) => p.idleCount);
    gauge('giaoviec_db_pool_waiting_requests', 'Queries waiting for a connection.', (p) => p.waitingCount);
  }

  /**
   * SQL statements the service has sent, read from its counting logger when scraped: the benchmark
   * divides the increase over a run by the requests of the run.
   */
  observeStatements(db: DataSource): void {
    const { logger } = db;
    if (!(logger instanceof CountingQueryLogger)) return;
    let counted = 0;
    new Counter({
      name: 'giaoviec_db_statements_total',
      help: 'SQL statements sent to the database.',
      registers: [this.registry],
      collect() {
        this.inc(logger.statements - counted);
        counted = logger.statements;
      },
    });
  }

  /** Times every GraphQL request and counts its errors by code. */
  plugin<Context extends object>(): ApolloServerPlugin<Context> {
    const { requests, errors: errorCount } = this;
    return {
      async requestDidStart() {
        const stop = requests.startTimer();
        return {
          async willSendResponse({ response, operation }) {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const error of errors) errorCount.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
            stop({ operation: operation?.operation ?? 'unknown', outcome: errors.length ? 'error' : 'ok' });
          },
        };
      },
    };
  }

  /** `GET /metrics` in the Prometheus text format. */
  route(app: Express): void {
    app.get('/metrics', async (_req, res) => {
      res.setHeader('content-type', this.registry.contentType);
      res.send(await this.registry.metrics());
    });
  }
}
