import { freePort } from '@giaoviec/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * PostgreSQL restarts under running services: requests fail cleanly during the outage and succeed
 * after it, with no service restarted, and no task written without its history row.
 */
const CLUSTER = resolve(__dirname, '../postgres/cluster.mjs');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');

let folder: string;
let port: number;
let cluster: ChildProcess;
let stack: TestStack;

function startCluster(): Promise<string> {
  cluster = spawn(process.execPath, [CLUSTER, join(folder, 'pg'), String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ready, fail) => {
    let output = '';
    cluster.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /READY (\S+)/.exec(output);
      if (match) ready(match[1]!);
    });
    cluster.once('exit', (code) => fail(new Error(`cluster exited with ${code}`)));
  });
}

async function stopCluster(): Promise<void> {
  const exited = new Promise((done) => cluster.once('exit', done));
  cluster.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'giaoviec-restart-'));
  chmodSync(folder, 0o755);
  port = await freePort();
  const serverUrl = await startCluster();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE restart_test');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/restart_test';
  stack = await startTestStack({ databaseUrl: url.toString() });
  await stack.gateway.client.data(contractOperation('organisations.graphql', 'CreateOrganisation'), {
    input: { code: 'SXD', name: 'Sở Xây dựng', kind: 'DEPARTMENT' },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (cluster && cluster.exitCode === null) await stopCluster();
  rmSync(folder, { recursive: true, force: true });
});

describe('PostgreSQL restarting during requests', () => {
  it('errors during the outage, full service after, no half-written task', async () => {
    const sxd = (await stack.gateway.client.data<any>(`{ organisations { id code } }`)).organisations.find(
      (o: any) => o.code === 'SXD',
    ).id;
    const unit = stack.as({ roles: ['UNIT'], org: sxd });
    const acknowledged: string[] = [];
    let failures = 0;
    let running = true;
    // A steady stream of writes (each a task and its history row) while the database goes away.
    const traffic = (async () => {
      for (let index = 0; running; index++) {
        const result = await stack.gateway.client.request<any>(ASSIGN, {
          input: {
            title: `Ghi khi khởi động lại ${index}`,
            assignedOn: '2017-11-01',
            dueOn: '2017-12-01',
            leadOrganisationId: sxd,
          },
        });
        if (result.errors) {
          failures++;
          expect(JSON.stringify(result.errors)).not.toMatch(
            /ECONNREFUSED|127\.0\.0\.1|terminating connection|postgres/i,
          );
          await new Promise((wake) => setTimeout(wake, 50));
        } else {
          acknowledged.push(result.data.assignTask.id);
          await unit.request(PROGRESS, {
            input: { taskId: result.data.assignTask.id, reportedOn: '2017-11-02', note: 'Tiến độ' },
          });
        }
      }
    })();

    await new Promise((wake) => setTimeout(wake, 500));
    const before = acknowledged.length;
    await stopCluster();
    const readyDuringOutage = await fetch(new URL('/ready', stack.services.assignments.url));
    expect(readyDuringOutage.status).toBe(503);
    await new Promise((wake) => setTimeout(wake, 1000));
    await startCluster();
    // Give the pools a moment to replace their dead connections, then watch the traffic succeed.
    const recoveredBy = Date.now() + 15_000;
    const atRestart = acknowledged.length;
    while (acknowledged.length < atRestart + 10 && Date.now() < recoveredBy)
      await new Promise((wake) => setTimeout(wake, 100));
    running = false;
    await traffic;

    expect(before).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(atRestart + 10);
    expect((await fetch(new URL('/ready', stack.services.assignments.url))).status).toBe(200);

    // Every acknowledged task is there once, and no task lacks the history of its version.
    const db = stack.services.assignments.database.dataSource;
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM assignments.task WHERE id = ANY($1::uuid[])`,
      [acknowledged],
    );
    expect(count).toBe(acknowledged.length);
    const torn = await db.query(
      `SELECT t.id FROM assignments.task t
        WHERE t.version <> (SELECT count(*) FROM assignments.task_history h WHERE h.task_id = t.id)`,
    );
    expect(torn).toEqual([]);
    // The same services answer: none was restarted.
    expect(
      (await stack.gateway.client.data<any>(`{ tasks(first: 1) { totalCount } }`)).tasks.totalCount,
    ).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
