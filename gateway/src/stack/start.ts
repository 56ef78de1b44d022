import {
  ServiceGroup,
  createLogger,
  demoUnitId,
  stackPortsFromEnvironment,
  startEmbeddedPostgres,
  stopOnSignals,
  withDatabase,
  type RunningPostgres,
} from '@giaoviec/shared';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEVELOPMENT_JWT_SECRET } from '../auth/authenticate';
import { signDevelopmentToken } from '../auth/development-token';
import { IDE_PATH, ideFromEnvironment } from '../ide/ide';

/**
 * `npm start`: the whole platform on one machine. PostgreSQL (DATABASE_URL, else embedded in
 * ./.data/ or GIAOVIEC_DATA_DIR), then each subgraph and the gateway as processes of their own, as in production
 * (shared/src/stack/processes.ts). Ctrl-C stops the gateway, then the subgraphs, then PostgreSQL.
 */
const ROOT = resolve(__dirname, '../../..');
const DEMO_DATABASE = 'giaoviec';

/** On the embedded server, the platform's own database, created on first start. */
async function ensureDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DEMO_DATABASE}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, DEMO_DATABASE);
}

/** With no identity provider configured, tokens signed with the development secret, to try the API. */
async function printDevelopmentTokens(): Promise<void> {
  const sign = signDevelopmentToken;
  console.log(
    `Development only: bearer tokens signed with the development secret "${DEVELOPMENT_JWT_SECRET}" (12 hours):`,
  );
  console.log(`  OFFICE (manages units and tasks): ${await sign('dev-office', 'Văn phòng UBND tỉnh', ['OFFICE'])}`);
  console.log(`  LEADER (reads everything):        ${await sign('dev-leader', 'Lãnh đạo UBND tỉnh', ['LEADER'])}`);
  console.log(
    `  UNIT of Sở Xây dựng:              ${await sign('dev-sxd', 'Sở Xây dựng', ['UNIT'], demoUnitId('SXD'))}`,
  );
  console.log(`Send one as: Authorization: Bearer <token>\n`);
}

async function main(): Promise<void> {
  const log = createLogger('stack');
  const services = new ServiceGroup(log);
  let postgres: RunningPostgres | null = null;
  // Once, whether a signal or a failed start asks first.
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      log.info('stopping: gateway, subgraphs, then PostgreSQL');
      await services.stop();
      await postgres?.stop();
      log.info('stopped');
    })());
  stopOnSignals(log, stop);

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = resolve(process.env.GIAOVIEC_DATA_DIR ?? join(ROOT, '.data'), 'postgres');
      postgres = await startEmbeddedPostgres({ dataDir, log });
      databaseUrl = await ensureDatabase(postgres.url);
    }
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', ...process.env, DATABASE_URL: databaseUrl };
    const ports = stackPortsFromEnvironment(process.env);
    await services.startStack(env, ports);
    log.info({ url: `http://localhost:${ports.gateway}/graphql` }, 'Giao Việc is ready');
    console.log(`\nGiao Việc is ready: http://localhost:${ports.gateway}/graphql  (Ctrl-C stops it)\n`);
    if (ideFromEnvironment(env)) console.log(`GraphiQL (development): http://localhost:${ports.gateway}${IDE_PATH}\n`);
    if (!process.env.JWT_SECRET && !process.env.JWT_PUBLIC_KEY && !process.env.JWT_JWKS_URL)
      await printDevelopmentTokens();
  } catch (error) {
    log.fatal({ err: error }, 'could not start the stack');
    await stop();
    process.exit(1);
  }
}

void main();
