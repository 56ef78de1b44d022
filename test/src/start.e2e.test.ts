import { LANG_SON_DEMO_UNITS, freePort } from '@giaoviec/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@giaoviec/gateway';
import { GraphQLClient, contractOperation } from './harness/graphql-client';
import { testToken } from './harness/tokens';

/**
 * `npm start` as a user runs it: the built stack runner, each service a process of its own, the
 * embedded PostgreSQL in a data folder, stopped by Ctrl-C (SIGINT to the whole process group).
 */
const RUNNER = resolve(__dirname, '../../gateway/dist/stack/start.js');
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const CREATE = contractOperation('organisations.graphql', 'CreateOrganisation');

let dataRoot: string;

beforeAll(() => {
  dataRoot = mkdtempSync(join(tmpdir(), 'giaoviec-start-'));
  chmodSync(dataRoot, 0o755);
});

afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

interface Started {
  runner: ChildProcess;
  client: GraphQLClient;
  ports: number[];
  output: () => string;
}

async function start(env: Record<string, string> = {}): Promise<Started> {
  const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const runner = spawn(process.execPath, [RUNNER], {
    env: {
      ...inherited,
      GIAOVIEC_DATA_DIR: dataRoot,
      PORT: String(ports[0]),
      ORGANISATIONS_PORT: String(ports[1]),
      ASSIGNMENTS_PORT: String(ports[2]),
      INSPECTIONS_PORT: String(ports[3]),
      LOG_LEVEL: 'warn',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  runner.stdout!.on('data', (chunk) => (output += chunk));
  runner.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://localhost:${ports[0]}/graphql`;
  const deadline = Date.now() + 45_000;
  while (!output.includes(`Giao Việc is ready: ${url}`)) {
    if (runner.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready:\n${output}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
  const token = testToken({ roles: ['OFFICE'] }, { secret: DEVELOPMENT_JWT_SECRET });
  return { runner, client: new GraphQLClient(url, token), ports, output: () => output };
}

/** Ctrl-C in a terminal: SIGINT to every process of the foreground group. */
async function pressCtrlC({ runner }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((done) => runner.once('exit', (code) => done(code)));
  process.kill(-runner.pid!, 'SIGINT');
  return exited;
}

async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('serves the demo units, stops cleanly on Ctrl-C, and reuses its data on the next start', async () => {
    const first = await start();
    const { organisations } = await first.client.data<{ organisations: unknown[] }>(ORGANISATIONS);
    expect(organisations).toHaveLength(LANG_SON_DEMO_UNITS.length);
    for (const port of first.ports) {
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    }
    await first.client.data(CREATE, { input: { code: 'KEPT', name: 'Đơn vị còn lại', kind: 'OTHER' } });
    const pidFile = join(dataRoot, 'postgres', 'postmaster.pid');
    const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);

    expect(await pressCtrlC(first)).toBe(0);
    for (const port of first.ports) expect(await listening(port)).toBe(false);
    // A clean shutdown of PostgreSQL removes its pid file; the server process is gone.
    expect(existsSync(pidFile)).toBe(false);
    expect(pidAlive(postgresPid)).toBe(false);

    const second = await start();
    const again = await second.client.data<{ organisations: Array<{ code: string }> }>(ORGANISATIONS);
    expect(again.organisations).toHaveLength(LANG_SON_DEMO_UNITS.length + 1);
    expect(again.organisations.map((unit) => unit.code)).toContain('KEPT');
    expect(await pressCtrlC(second)).toBe(0);
  });

  it('DEMO_DATA=none starts on an empty database', async () => {
    rmSync(join(dataRoot, 'postgres'), { recursive: true, force: true });
    // NODE_ENV as in a shell (jest sets it to `test`): `npm start` then runs in development.
    const started = await start({ DEMO_DATA: 'none', NODE_ENV: 'development' });
    expect(await started.client.data(ORGANISATIONS)).toEqual({ organisations: [] });
    // GraphiQL, bundled by the build, served in development with a development token in its headers.
    const ide = await fetch(`http://127.0.0.1:${started.ports[0]}/graphiql`);
    expect(await ide.text()).toContain('Bearer ey');
    expect((await fetch(`http://127.0.0.1:${started.ports[0]}/graphiql/assets/graphiql.js`)).status).toBe(200);
    expect(started.output()).not.toContain('"level":50');
    expect(await pressCtrlC(started)).toBe(0);
  });
});
