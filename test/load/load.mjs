// `npm run load`: a bounded load test of the running platform on loopback. Starts the stack (npm
// start's runner, embedded PostgreSQL in a throw-away folder, demo data), mixes the leadership
// query, task lists and mutations over autocannon, prints throughput, latency percentiles and
// errors, then checks that every acknowledged write is in the database exactly once.
// LOAD_SECONDS (default 15) and LOAD_CONNECTIONS (default 8) bound it.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import gateway from '@giaoviec/gateway';
import shared from '@giaoviec/shared';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const seconds = Number(process.env.LOAD_SECONDS ?? 15);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 8);
const run = randomUUID().slice(0, 8);

const folder = mkdtempSync(join(tmpdir(), 'giaoviec-load-'));
chmodSync(folder, 0o755);
const ports = await Promise.all([0, 1, 2, 3].map(() => shared.freePort()));
const { DATABASE_URL: _ignored, ...env } = process.env;
const stack = spawn(process.execPath, [join(root, 'gateway/dist/stack/start.js')], {
  env: {
    ...env,
    GIAOVIEC_DATA_DIR: folder,
    PORT: String(ports[0]),
    ORGANISATIONS_PORT: String(ports[1]),
    ASSIGNMENTS_PORT: String(ports[2]),
    INSPECTIONS_PORT: String(ports[3]),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = `http://localhost:${ports[0]}/graphql`;
await /** @type {Promise<void>} */ (
  new Promise((ready, fail) => {
    let output = '';
    stack.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Giao Việc is ready')) ready();
    });
    stack.once('exit', (code) => fail(new Error(`the stack exited with ${code}`)));
  })
);

/** @param {string} sub @param {string[]} roles @param {string} [org] */
const sign = (sub, roles, org) =>
  new SignJWT({ roles, org })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(gateway.DEVELOPMENT_JWT_SECRET));
const office = await sign('load-office', ['OFFICE', 'LEADER']);
const sxd = shared.demoUnitId('SXD');
const headers = { 'content-type': 'application/json', authorization: `Bearer ${office}` };

const LEADERSHIP = `query { organisations(kinds: [DEPARTMENT, DISTRICT]) { code compliance(from: "2017-01-01", to: "2017-10-15", asOf: "2017-10-15") { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue } } }`;
const OVERDUE = `query { tasks(filter: { leadOrganisationId: "${sxd}", asOf: "2017-10-15", compliance: [IN_PROGRESS_OVERDUE] }, first: 50) { totalCount edges { node { id title dueOn } } } }`;
const ASSIGN = `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`;

/** @type {Set<string>} */
const acknowledged = new Set();
/** @type {unknown[]} */
const graphqlErrors = [];
let sent = 0;
/** @typedef {{ data?: { assignTask?: { id: string } }; errors?: unknown[] }} Answer */
/** @param {number} status @param {string} body */
const check = (status, body) => {
  /** @type {unknown} */
  const json = JSON.parse(body);
  const parsed = /** @type {Answer} */ (json);
  if (status !== 200 || parsed.errors) graphqlErrors.push(parsed.errors ?? status);
  return parsed;
};
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  requests: [
    { method: 'POST', headers, body: JSON.stringify({ query: LEADERSHIP }), onResponse: check },
    { method: 'POST', headers, body: JSON.stringify({ query: OVERDUE }), onResponse: check },
    {
      method: 'POST',
      headers,
      setupRequest: (request) => {
        const n = sent++;
        // Every write is sent twice with the same key, as a client retrying after a timeout would.
        const input = {
          title: `Tải ${run} ${Math.floor(n / 2)}`,
          assignedOn: '2017-11-01',
          leadOrganisationId: sxd,
          idempotencyKey: `load-${run}-${Math.floor(n / 2)}`,
        };
        return { ...request, body: JSON.stringify({ query: ASSIGN, variables: { input } }) };
      },
      onResponse: (status, body) => {
        const parsed = check(status, body);
        if (parsed.data?.assignTask) acknowledged.add(parsed.data.assignTask.id);
      },
    },
  ],
});

// Every acknowledged write stored, and none twice: the tasks of this run, read through the API. (A
// write in flight when the load stopped may be stored without its answer having been counted.)
/** @typedef {{ edges: { node: { id: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }} TaskPage */
/** @type {{ id: string; title: string }[]} */
const stored = [];
for (let /** @type {string | null} */ after = null; ;) {
  const page = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: `query ($s: String, $after: String) { tasks(filter: { search: $s }, first: 100, after: $after) { edges { node { id title } } pageInfo { hasNextPage endCursor } } }`,
      variables: { s: `Tải ${run}`, after },
    }),
  });
  const { tasks } = /** @type {{ data: { tasks: TaskPage } }} */ (await page.json()).data;
  stored.push(...tasks.edges.map((edge) => edge.node));
  if (!tasks.pageInfo.hasNextPage) break;
  after = tasks.pageInfo.endCursor;
}
const storedIds = new Set(stored.map((task) => task.id));
const missing = [...acknowledged].filter((id) => !storedIds.has(id)).length;
const doubled = stored.length - new Set(stored.map((task) => task.title)).size;

stack.kill('SIGTERM');
await new Promise((done) => stack.once('exit', done));
rmSync(folder, { recursive: true, force: true });

/** @param {string} name @param {unknown} value */
const row = (name, value) => console.log(`${name.padEnd(34)} ${String(value)}`);
console.log(
  `\nLoad test: ${seconds} s, ${connections} connections, leadership query + overdue list + assignTask (retried by key)`,
);
row('requests', result.requests.total);
row('throughput (requests/s)', result.requests.average);
row('latency p50 / p97.5 / p99 (ms)', `${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99}`);
row('latency max (ms)', result.latency.max);
row('HTTP errors / timeouts / non-2xx', `${result.errors} / ${result.timeouts} / ${result.non2xx}`);
row('GraphQL errors', graphqlErrors.length);
row('writes acknowledged (distinct)', acknowledged.size);
row('writes stored', stored.length);
row('acknowledged but missing', missing);
row('stored twice', doubled);
const ok =
  result.errors === 0 &&
  result.timeouts === 0 &&
  result.non2xx === 0 &&
  graphqlErrors.length === 0 &&
  missing === 0 &&
  doubled === 0;
console.log(ok ? '\nOK: no errors, every acknowledged write stored, none twice' : '\nFAILED');
if (graphqlErrors.length) console.log(JSON.stringify(graphqlErrors.slice(0, 3)));
process.exit(ok ? 0 : 1);
