import './date-parsers';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { CountingQueryLogger } from './query-counter';
import { connectionOptions, readUrlsFromEnvironment } from './replication';
import { tracedPgClient } from '../telemetry/sql';
import type { Tracing } from '../telemetry/tracing';

export interface ServiceDatabaseOptions {
  url: string;
  /** Read replicas (default `DATABASE_READ_URLS`), used only through `readFromReplica`. */
  readUrls?: readonly string[];
  /** The PostgreSQL schema the service owns; no service reads another's. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  log: Logger;
  /** Connections in the pool (default 10, `DB_POOL_MAX`). */
  poolSize?: number;
  /** When on, each statement sent during a traced request is a span. */
  tracing?: Tracing;
}

export interface ServiceDatabase {
  dataSource: DataSource;
  queries: CountingQueryLogger;
}

/**
 * Opens the service's own schema and applies its pending migrations (each in a transaction).
 * Never `synchronize`: the schema changes only through migrations.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
  const queries = new CountingQueryLogger(options.log);
  const dataSource = new DataSource({
    type: 'postgres',
    ...connectionOptions(options.url, options.readUrls ?? readUrlsFromEnvironment()),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: queries,
    maxQueryExecutionTime: 1000,
    applicationName: `giaoviec-${options.schema}`,
    poolSize: options.poolSize ?? Number(process.env.DB_POOL_MAX ?? 10),
    connectTimeoutMS: 5000,
    extra: {
      statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 15000),
      idle_in_transaction_session_timeout: 30000,
      // PostgreSQL's JIT compiles a costly statement anew each time (no plan is kept across the
      // pool's unnamed statements): at national it spent 0.1 to 1.4 s compiling figures that run in
      // 0.2 s without it (decision record 0041).
      options: '-c jit=off',
      ...(options.tracing?.enabled ? { Client: tracedPgClient(options.tracing.tracer, options.schema) } : {}),
    },
  });
  await dataSource.initialize();
  // Replicas of a service may start together: one applies the pending migrations while the others
  // wait on a lock of the schema's name (held by this session), then find nothing left to do.
  const lock = dataSource.createQueryRunner('master');
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`giaoviec-migrations:${options.schema}`]);
    // The migrations table lives in the service's schema, which must exist before they run.
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`giaoviec-migrations:${options.schema}`])
      .catch(() => undefined);
    await lock.release();
  }
  return { dataSource, queries };
}
