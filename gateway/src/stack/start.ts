import {
  SUBGRAPHS,
  createLogger,
  demoUnitId,
  startEmbeddedPostgres,
  subgraphVariable,
  withDatabase,
  type Logger,
  type RunningPostgres,
} from '@giaoviec/shared';
import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEVELOPMENT_JWT_SECRET } from '../auth/authenticate';
import { signDevelopmentToken } from '../auth/development-token';
import { IDE_PATH, ideFromEnvironment } from '../ide/ide';

/**
 * `npm start`: the whole platform on one machine. PostgreSQL (DATABASE_URL, else embedded in
 * ./.data/ or GIAOVIEC_DATA_DIR), then each subgraph and the gateway as processes of their own, as in production.
 * Ctrl-C stops the gateway, then the subgraphs, then PostgreSQL.
 */
const ROOT = resolve(__dirname, '../../..');
const DEMO_DATABASE = 'giaoviec';
const READY_TIMEOUT_MS = 60_000;

interface Child {
  name: string;
  process: ChildProcess;
  readyUrl: string;
}

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

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, readyUrl: string, log: Logger): Child {
  // Its own process group, so that Ctrl-C reaches only this runner, which stops everything in order;
  // the IPC channel makes the child stop by itself if this runner dies.
  const child = fork(join(ROOT, script), [], { env, detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('exit', (code, signal) => {
    if (!stopping) log.error({ service: name, code, signal }, 'a service stopped on its own; the others keep running');
  });
  return { name, process: child, readyUrl };
}

async function waitUntilReady(child: Child): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with code ${child.process.exitCode}`);
    try {
      const response = await fetch(child.readyUrl, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`${child.name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: Child, log: Logger): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.process.once('exit', () => done()));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    log.warn({ service: child.name }, 'did not stop within 10 s: killing it');
    child.process.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

let stopping = false;

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
  const children: Child[] = [];
  let postgres: RunningPostgres | null = null;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping: gateway, subgraphs, then PostgreSQL');
    for (const child of [...children].reverse()) await stopChild(child, log);
    await postgres?.stop();
    log.info('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = resolve(process.env.GIAOVIEC_DATA_DIR ?? join(ROOT, '.data'), 'postgres');
      postgres = await startEmbeddedPostgres({ dataDir, log });
      databaseUrl = await ensureDatabase(postgres.url);
    }
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', ...process.env, DATABASE_URL: databaseUrl };
    // Every process learns where every subgraph is: services check references through their owners.
    const ports = Object.fromEntries(
      SUBGRAPHS.map(({ name, defaultPort }) => [
        name,
        Number(process.env[subgraphVariable(name, 'PORT')] ?? defaultPort),
      ]),
    );
    const subgraphUrls = Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [subgraphVariable(name, 'URL'), `http://127.0.0.1:${ports[name]}/graphql`]),
    );
    const subgraphs = SUBGRAPHS.map(({ name }) =>
      startChild(
        name,
        `services/${name}/dist/index.js`,
        { ...env, ...subgraphUrls, [subgraphVariable(name, 'PORT')]: String(ports[name]) },
        `http://127.0.0.1:${ports[name]}/ready`,
        log,
      ),
    );
    children.push(...subgraphs);
    await Promise.all(subgraphs.map(waitUntilReady));

    const port = Number(process.env.PORT ?? 4000);
    const gateway = startChild(
      'gateway',
      'gateway/dist/index.js',
      { ...env, ...subgraphUrls, PORT: String(port) },
      `http://127.0.0.1:${port}/ready`,
      log,
    );
    children.push(gateway);
    await waitUntilReady(gateway);
    log.info({ url: `http://localhost:${port}/graphql` }, 'Giao Việc is ready');
    console.log(`\nGiao Việc is ready: http://localhost:${port}/graphql  (Ctrl-C stops it)\n`);
    if (ideFromEnvironment(env)) console.log(`GraphiQL (development): http://localhost:${port}${IDE_PATH}\n`);
    if (!process.env.JWT_SECRET && !process.env.JWT_PUBLIC_KEY && !process.env.JWT_JWKS_URL)
      await printDevelopmentTokens();
  } catch (error) {
    log.fatal({ err: error }, 'could not start the stack');
    await stopAll(1);
  }
}

void main();
