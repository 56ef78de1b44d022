import type { GraphQLSchema } from 'graphql';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { openServiceDatabase, type ServiceDatabaseOptions, type ServiceDatabase } from './db/service-data-source';
import { startSubgraphServer, type RunningServer } from './http/subgraph-server';
import { stopOnSignals } from './http/shutdown';
import { checkInternalTokenConfiguration } from './auth/internal-token';
import { createLogger, type Logger } from './logger';
import { defaultSubgraphPort, subgraphVariable, type SubgraphName } from './subgraphs';
import type { RequestContext } from './context';
import type { DataVersionSource } from './data-version/protocol';
import { startTracing, tracingFromEnvironment, type TracingOptions } from './telemetry/tracing';

/** How a subgraph is started, in its own process or inside a test. */
export interface ServiceOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Load the demo data when the service's tables are empty. */
  demoData?: boolean;
  log?: Logger;
  /** OpenTelemetry traces, off when absent. */
  tracing?: TracingOptions;
  /** Start the service's scheduled jobs (its own process does; in-process test stacks do not). */
  jobs?: boolean;
}

/** A subgraph serving requests, with its database (tests read `database.queries`). */
export interface StartedService extends RunningServer {
  database: ServiceDatabase;
  /** GraphQL requests this subgraph has received. */
  graphqlRequests(): number;
}

export interface ServiceDefinition<Loaders> {
  name: SubgraphName;
  schema: () => Promise<GraphQLSchema>;
  database: Pick<ServiceDatabaseOptions, 'schema' | 'entities' | 'migrations'>;
  createLoaders: (db: DataSource) => Loaders;
  /** Loads the demo rows if the service's tables are empty. */
  loadDemoData?: (db: DataSource, log: Logger) => Promise<void>;
  /**
   * Starts its scheduled jobs (in its own process only: SCHEDULED_JOBS, not in a test's in-process
   * stack); `stop` waits for a run under way.
   */
  startJobs?: (db: DataSource, log: Logger) => { stop(): Promise<void> };
  /** Work the service does besides answering requests (a job queue), started before the server. */
  background?: (context: { db: DataSource; databaseUrl: string; log: Logger }) => Promise<BackgroundWork>;
  /** Validators of its answers, for the gateway's response cache (decision record 0042). */
  dataVersions?: DataVersionSource<RequestContext<Loaders>>;
}

/** A service's background work: part of its readiness, stopped before its database closes. */
export interface BackgroundWork {
  /** Throws when the work cannot go on (its queue does not answer). */
  checkReady(): Promise<void>;
  /** Adds its metrics to the service's `/metrics`. */
  registerMetrics?(registry: Registry): void;
  stop(): Promise<void>;
}

/** Opens the service's database (migrated), loads demo data if asked, and serves its subgraph. */
export async function startService<Loaders>(
  definition: ServiceDefinition<Loaders>,
  options: ServiceOptions,
): Promise<StartedService> {
  const log = options.log ?? createLogger(definition.name);
  const tracing = startTracing(definition.name, options.tracing);
  const database = await openServiceDatabase({ ...definition.database, url: options.databaseUrl, log, tracing }).catch(
    async (error: unknown) => {
      await tracing.shutdown();
      throw error;
    },
  );
  const { dataSource } = database;
  try {
    if (options.demoData && definition.loadDemoData) await definition.loadDemoData(dataSource, log);
    const background = await definition.background?.({ db: dataSource, databaseUrl: options.databaseUrl, log });
    const server = await startSubgraphServer({
      name: definition.name,
      schema: await definition.schema(),
      log,
      db: dataSource,
      tracing,
      createLoaders: definition.createLoaders,
      checkReady: async () => {
        await dataSource.query('SELECT 1');
        await background?.checkReady();
      },
      port: options.port,
      host: options.host,
      registerMetrics: (registry) => background?.registerMetrics?.(registry),
      dataVersions: definition.dataVersions,
    }).catch(async (error: unknown) => {
      await background?.stop();
      throw error;
    });
    const jobs = options.jobs ? definition.startJobs?.(dataSource, log) : undefined;
    let stopped: Promise<void> | undefined;
    return {
      ...server,
      database,
      stop: () =>
        (stopped ??= (async () => {
          await jobs?.stop();
          await server.stop();
          await background?.stop();
          await dataSource.destroy();
          await tracing.shutdown();
        })()),
    };
  } catch (error) {
    await dataSource.destroy();
    await tracing.shutdown();
    throw error;
  }
}

/**
 * The entry of a subgraph's own process: configuration from the environment only
 * (`DATABASE_URL`, `<NAME>_PORT`, `HOST`, `DEMO_DATA`, `SCHEDULED_JOBS`, `OTEL_*`), stopped cleanly by SIGINT or SIGTERM.
 */
export async function runServiceProcess<Loaders>(definition: ServiceDefinition<Loaders>): Promise<void> {
  const log = createLogger(definition.name);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log.fatal('DATABASE_URL is not set: run the whole stack with `npm start`, or point the service at a PostgreSQL');
    process.exit(2);
  }
  try {
    checkInternalTokenConfiguration();
    const service = await startService(definition, {
      databaseUrl,
      port: Number(process.env[subgraphVariable(definition.name, 'PORT')] ?? defaultSubgraphPort(definition.name)),
      host: process.env.HOST,
      demoData: process.env.DEMO_DATA !== 'none',
      log,
      tracing: tracingFromEnvironment(),
      jobs: process.env.SCHEDULED_JOBS !== 'off',
    });
    stopOnSignals(log, service.stop);
  } catch (error) {
    log.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
