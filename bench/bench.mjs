// `npm run bench -- --scale province|large|national`: loads a named scale into its own database
// (embedded PostgreSQL, or DATABASE_URL) with COPY, starts the subgraphs, our gateway and Hive Gateway
// (the peer) as processes, and measures, in one run: the compliance SQL alone (the floor), the
// compliance query straight to the assignments subgraph, LeadershipCompliance through our gateway
// and through the peer, and task lists through our gateway; the r rows repeat rows 3 and 5 through a
// second gateway with the response cache on (RESPONSE_CACHE_MB, default 32; the other rows run with 0). Latency at 1 connection, throughput at
// 16, SQL statements per request of each subgraph (from its /metrics), peak memory of each process;
// then webhook delivery, task events to a local receiver (bench/webhooks.mjs).
// Prints a table, writes bench/results/<scale>.json and redraws bench/results/latency.svg.
// BENCH_SECONDS (default 10) is each measurement's length. `--load-only` stops after the load;
// `--keep` leaves the database (on DATABASE_URL's server) for `BENCH_DATABASE=<name>` to measure
// again without loading; `BENCH_ROWS=8,9` measures only those rows (by number), prints them and
// leaves the results file and the chart as they are;
// `npm run bench -- --chart` only redraws the chart from the results already there.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print } from 'graphql';
import pg from 'pg';
import { SignJWT } from 'jose';
import assignments from '@giaoviec/assignments';
import organisations from '@giaoviec/organisations';
import shared from '@giaoviec/shared';
import { writeLatencyChart } from './chart.mjs';
import { poolOf, startCopyLoad } from './copy-loader.mjs';
import { postgresServer } from './server.mjs';
import { measureWebhookDelivery } from './webhooks.mjs';

/**
 * @typedef {import('./chart.mjs').ResultRow} ResultRow
 * @typedef {Omit<ResultRow, 'name'> & { requestsSent?: number }} Measured
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** @type {Record<string, { units: number; years: number; tasksPerUnitYear: [number, number] } | undefined>} */
const SCALES = {
  province: { units: 40, years: 5, tasksPerUnitYear: [100, 150] },
  large: { units: 300, years: 5, tasksPerUnitYear: [110, 157] },
  national: { units: 1000, years: 5, tasksPerUnitYear: [170, 230] },
};
const resultsFolder = join(root, 'bench/results');
if (process.argv.includes('--chart')) {
  console.log(`wrote ${writeLatencyChart(resultsFolder)}`);
  process.exit(0);
}
const scaleName = process.argv[process.argv.indexOf('--scale') + 1] ?? 'province';
const chosen = SCALES[scaleName];
if (!chosen || !process.argv.includes('--scale')) {
  console.error(`usage: npm run bench -- --scale ${Object.keys(SCALES).join('|')} [--load-only] [--keep] | --chart`);
  process.exit(2);
}
const scale = chosen;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const onlyRows = process.env.BENCH_ROWS?.split(',').map((row) => row.trim());
/** @param {string} row a row's name or number, e.g. `8a. subgraph: ...` or `7` */
const wanted = (row) => !onlyRows || onlyRows.includes(/^\d+/.exec(row)?.[0] ?? '');
const FIRST_YEAR = 2020;
// The subgraphs trust the user token signed with this secret: our gateway mints it per request, and
// the benchmark signs it itself for the rows that bypass our gateway (the subgraph, the peer).
process.env.INTERNAL_TOKEN_SECRET ??= randomBytes(24).toString('hex');
const log = shared.createLogger('bench');
log.level = process.env.LOG_LEVEL ?? 'warn';

// --- the database -------------------------------------------------------------------------------
const server = await postgresServer(log, 'bench');
const { serverUrl } = server;
const keep = process.argv.includes('--keep');
const reused = process.env.BENCH_DATABASE;
if ((keep || reused) && server.embedded) {
  console.error('--keep and BENCH_DATABASE need DATABASE_URL: an embedded server goes with its run');
  process.exit(2);
}
const database = reused ?? `bench_${scaleName}_${Date.now()}`;
if (!reused) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
}
const databaseUrl = shared.withDatabase(serverUrl, database);

// --- the data: units, then five years of tasks, with progress -----------------------------------
/** @type {import('@giaoviec/shared').DemoUnit[]} */
const units = Array.from({ length: scale.units }, (_, index) => ({
  code: `U${String(index + 1).padStart(4, '0')}`,
  name: `Đơn vị ${index + 1}`,
  kind: index % 3 === 0 ? 'DISTRICT' : 'DEPARTMENT',
  parentCode: null,
}));
// Opening each service's database runs its migrations, on a kept database too.
const orgDb = await shared.openServiceDatabase({
  ...organisations.organisationsService.database,
  url: databaseUrl,
  log,
});
if (!reused) {
  await orgDb.dataSource.query(
    `INSERT INTO organisations.organisation (id, code, name, kind) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [
      units.map((unit) => shared.demoUnitId(unit.code)),
      units.map((u) => u.code),
      units.map((u) => u.name),
      units.map((u) => u.kind),
    ],
  );
}
await orgDb.dataSource.destroy();

const taskDb = await shared.openServiceDatabase({ ...assignments.assignmentsService.database, url: databaseUrl, log });
const load = reused ? await measureKept() : await loadScale();
const { loaded } = load;

async function loadScale() {
  const [min, max] = scale.tasksPerUnitYear;
  const expected = scale.units * scale.years * ((min + max) / 2);
  const loadStarted = Date.now();
  let loaded = 0;
  const loader = await startCopyLoad(taskDb.dataSource, 'benchmark');
  // One batch with PostgreSQL while the next is generated.
  let copying = Promise.resolve();
  /** @param {import('@giaoviec/assignments').TaskRecord[]} batch */
  const flush = async (batch) => {
    await copying;
    copying = loader.add(batch).then(() => {
      loaded += batch.length;
      const rate = loaded / ((Date.now() - loadStarted) / 1000);
      const left = Math.max(0, (expected - loaded) / rate);
      process.stdout.write(
        `\rloading ${scaleName}: ${loaded.toLocaleString()} tasks, ${Math.round(rate).toLocaleString()}/s, about ${Math.round(left)} s left   `,
      );
    });
  };
  for (let year = FIRST_YEAR; year < FIRST_YEAR + scale.years; year++) {
    /** @type {import('@giaoviec/assignments').TaskRecord[]} */
    let batch = [];
    for (const { tasks } of assignments.generateProvinceYearByUnit({
      seed: year,
      year,
      units,
      tasksPerUnit: [min, max],
    })) {
      // With the coordinating units' contributions, as the demo loads them (coordination figures).
      batch.push(
        ...assignments.withDemoContributions(
          tasks.map(({ leadCode, coordinatingCodes, ...task }) => ({
            ...task,
            leadOrganisationId: shared.demoUnitId(leadCode),
            coordinatingOrganisationIds: coordinatingCodes.map(shared.demoUnitId),
          })),
        ),
      );
      if (batch.length >= 10000) {
        await flush(batch);
        batch = [];
      }
      // Lets the socket take the batch being copied.
      await new Promise((wake) => setImmediate(wake));
    }
    if (batch.length) await flush(batch);
  }
  await copying;
  const copySeconds = (Date.now() - loadStarted) / 1000;
  process.stdout.write(
    `\nbuilding the ${loader.indexes.length} indexes and ${loader.foreignKeys.length} foreign keys dropped for the load... `,
  );
  const indexSeconds = await loader.finish();
  // VACUUM too, as autovacuum would soon after a load: until the visibility map is set, the figures'
  // index-only scan still visits the table for every row (measured at national: 215 ms, not 60).
  const vacuum = await poolOf(taskDb.dataSource).connect();
  try {
    await vacuum.query('SET statement_timeout = 0');
    await vacuum.query('VACUUM (ANALYZE)');
  } finally {
    vacuum.release();
  }
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  console.log(
    `done\nloaded ${loaded.toLocaleString()} tasks in ${loadSeconds.toFixed(1)} s (COPY ${copySeconds.toFixed(1)} s at ${Math.round(loaded / copySeconds).toLocaleString()} tasks/s, indexes ${indexSeconds.toFixed(1)} s, VACUUM and ANALYZE ${(loadSeconds - copySeconds - indexSeconds).toFixed(1)} s)`,
  );
  return { loaded, loadSeconds, copySeconds, indexSeconds };
}

async function measureKept() {
  /** @type {unknown} */
  const rows = await taskDb.dataSource.query('SELECT count(*)::int AS count FROM assignments.task');
  const [{ count }] = /** @type {[{ count: number }]} */ (rows);
  console.log(`measuring the kept database ${database}: ${count.toLocaleString()} tasks`);
  return { loaded: count, loadSeconds: null, copySeconds: null, indexSeconds: null };
}
if (process.argv.includes('--load-only')) {
  await taskDb.dataSource.destroy();
  await dropDatabase();
  process.exit(0);
}

// --- the stack, each service a process of its own (npm start's runner) --------------------------
const ports = await shared.freeStackPorts();
const peerPort = await shared.freePort();
const peerWithoutSharingPort = await shared.freePort();
const { DATABASE_URL: _ignored, ...env } = process.env;
// Run as in production (graphql-js skips its development checks then), with secrets of this run.
const jwtSecret = randomBytes(24).toString('hex');
const common = {
  ...env,
  DATABASE_URL: databaseUrl,
  DEMO_DATA: 'none',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  JWT_SECRET: jwtSecret,
  // The heap limits the image sets (Dockerfile); BENCH_NODE_OPTIONS='' measures V8's defaults.
  NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=192 --max-semi-space-size=32',
  // A production gateway serves /metrics on a port of its own (9464 unless told): a free one here.
  METRICS_PORT: String(await shared.freePort()),
  // The daily reminders run once, measured on their own below, not during the other measurements.
  SCHEDULED_JOBS: 'off',
  // Following the task feed from its start would replay the whole load; row 10 follows it from its end.
  NOTIFICATIONS_FEEDS: 'off',
  // Every row but the r rows measures the gateway without its response cache: each request executed.
  RESPONSE_CACHE_MB: '0',
};
// The r rows: a second gateway with the response cache on (decision record 0042), RESPONSE_CACHE_MB
// of this run (its default, 32, unless set; 0 leaves the rows out).
const responseCacheMb = Number(process.env.RESPONSE_CACHE_MB ?? 32);
const stack = new shared.ServiceGroup(log);
// A failed or interrupted run leaves no process behind (each runs in its own process group).
process.on('exit', () => stack.killAll());
process.on('SIGINT', () => process.exit(130));
const { gatewayUrl, subgraphUrls, subgraphEnvironment } = await stack.startStack(common, ports);
const cachingPort = await shared.freePort();
const cachingMetricsUrl = `http://127.0.0.1:${await shared.freePort()}/metrics`;
const cachingGatewayUrl = `http://127.0.0.1:${cachingPort}/graphql`;
if (responseCacheMb > 0)
  await shared.waitUntilReady(
    stack.start({
      name: 'gatewayResponseCache',
      script: 'gateway/dist/index.js',
      env: {
        ...common,
        ...subgraphEnvironment,
        PORT: String(cachingPort),
        METRICS_PORT: new URL(cachingMetricsUrl).port,
        RESPONSE_CACHE_MB: String(responseCacheMb),
      },
      readyUrl: `http://127.0.0.1:${cachingPort}/ready`,
    }),
  );
// The peer: Hive Gateway's own command line, our committed supergraph, the same subgraphs; twice,
// as it comes (identical subgraph queries in flight share one call) and with that sharing off, as
// our gateway does.
const hiveBin = join(
  dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json')),
  'dist/bin.js',
);
/** @param {string} name @param {number} port @param {boolean} deduplicate */
const startPeer = (name, port, deduplicate) =>
  stack.start({
    name,
    script: hiveBin,
    args: [
      'supergraph',
      join(root, 'supergraph.graphql'),
      '--config-path',
      join(root, 'bench/peer/gateway.config.mjs'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    env: {
      ...common,
      ...subgraphEnvironment,
      // The peer runs with V8's defaults: our heap limits are tuned for our processes, not its.
      NODE_OPTIONS: '',
      SUPERGRAPH_PATH: join(root, 'supergraph.graphql'),
      PEER_DEDUPLICATE: String(deduplicate),
      NODE_ENV: 'production',
    },
    readyUrl: `http://127.0.0.1:${port}/healthcheck`,
    ipc: false,
  });
await Promise.all(
  [startPeer('peer', peerPort, true), startPeer('peerWithoutSharing', peerWithoutSharingPort, false)].map(
    shared.waitUntilReady,
  ),
);

// --- the measurements ---------------------------------------------------------------------------
const token = await new SignJWT({ roles: ['LEADER'] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('bench')
  .setExpirationTime('2h')
  .sign(new TextEncoder().encode(jwtSecret));
// The user token lives 60 s: signed afresh before each run, and re-signed during runs that last
// longer (then autocannon builds each request anew, which costs the load generator a little).
const benchUser = { id: 'bench', roles: ['LEADER'] };
let userToken = await shared.signUserToken(benchUser);
const resign = setInterval(
  () =>
    void shared.signUserToken(benchUser).then((token) => {
      userToken = token;
    }),
  20_000,
);
resign.unref();
const withUserToken = async () => {
  userToken = await shared.signUserToken(benchUser);
  return { [shared.USER_TOKEN_HEADER]: userToken };
};
const unitIds = units.map((unit) => shared.demoUnitId(unit.code));
/** @param {string} text */
const date = (text) => /** @type {import('@giaoviec/shared').CalendarDate} */ (text);
const period = {
  from: date(`${FIRST_YEAR + scale.years - 1}-01-01`),
  to: date(`${FIRST_YEAR + scale.years - 1}-12-31`),
  asOf: date(`${FIRST_YEAR + scale.years - 1}-12-31`),
};
const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
const peerWithoutSharingUrl = `http://127.0.0.1:${peerWithoutSharingPort}/graphql`;
/** @param {string} query @param {Record<string, unknown>} variables */
const post = (query, variables) => JSON.stringify({ query, variables });
const LEADERSHIP = readOperation('compliance.graphql', 'LeadershipCompliance');
const OVERDUE = readOperation('tasks.graphql', 'OverdueTasks');
const TASK = readOperation('tasks.graphql', 'Task');
const EVENTS = readOperation('events.graphql', 'TaskEvents');
const [{ id: firstTask }] = /** @type {[{ id: string }]} */ (
  await taskDb.dataSource.query(`SELECT id FROM assignments.task WHERE lead_organisation_id = $1 LIMIT 1`, [unitIds[0]])
);

/** @param {string} file @param {string} name */
function readOperation(file, name) {
  // The contract's own operation, with the fragments it uses.
  const document = parse(readFileSync(join(root, 'test/contract/operations', file), 'utf8'));
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`${file} has no operation ${name}`);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
}

/**
 * Latency at one connection, then throughput at sixteen. `headers()` gives each run's headers (a
 * user token signed just before it); runs longer than the token's life re-read it per request.
 * @param {string} url
 * @param {() => Promise<Record<string, string>>} headers
 * @param {string} body
 * @returns {Promise<Measured>}
 */
async function http(url, headers, body) {
  const long = seconds > 45;
  // A GraphQL error comes with HTTP 200: count the answers that carry one (a pool that times out).
  let failedAnswers = 0;
  /** @param {number} connections */
  const run = async (connections) => {
    /** @type {Record<string, string>} */
    const base = { 'content-type': 'application/json', ...(await headers()) };
    return autocannon({
      url,
      connections,
      duration: seconds,
      method: 'POST',
      headers: base,
      body,
      requests: [
        {
          ...(long && base[shared.USER_TOKEN_HEADER]
            ? {
                setupRequest: (request) => ({
                  ...request,
                  headers: { ...request.headers, [shared.USER_TOKEN_HEADER]: userToken },
                }),
              }
            : {}),
          onResponse: (_status, answer) => {
            if (answer.includes('"errors":')) failedAnswers++;
          },
        },
      ],
    });
  };
  const latency = await run(1);
  const throughput = await run(16);
  if (latency.non2xx || throughput.non2xx || latency.errors || throughput.errors)
    throw new Error(`errors measuring ${url}`);
  return {
    ...(failedAnswers ? { failedAnswers } : {}),
    p50: latency.latency.p50,
    p95: latency.latency.p97_5,
    p99: latency.latency.p99,
    rps: throughput.requests.average,
    // Every request sent reached the server, even one cut short when the run ended.
    requestsSent: latency.requests.sent + throughput.requests.sent,
  };
}

/**
 * One answer, checked: a row that measures errors would measure nothing.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {string} body
 */
async function answer(url, headers, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  /** @type {unknown} */
  const json = await response.json();
  const result = /** @type {{ data?: { organisations?: unknown[] }; errors?: unknown[] }} */ (json);
  if (!response.ok || result.errors || !result.data)
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(result).slice(0, 500)}`);
  return result.data;
}

/** SQL statements each subgraph has sent so far, from its /metrics. @returns {Promise<Record<string, number>>} */
async function statementsSoFar() {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([service, url]) => {
      const text = await (await fetch(new URL('/metrics', url))).text();
      const line = text.split('\n').find((row) => row.startsWith('giaoviec_db_statements_total{'));
      if (!line) throw new Error(`${url}: no giaoviec_db_statements_total on /metrics`);
      return /** @type {[string, number]} */ ([service, Number(line.split(' ').at(-1))]);
    }),
  );
  return Object.fromEntries(entries);
}

/** @returns {Promise<Measured>} */
async function floor() {
  const { sql, parameters } = assignments.complianceFiguresStatement({ ...period, groupBy: 'unit', unitIds });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 16 });
  const timeOne = async () => {
    const started = process.hrtime.bigint();
    await pool.query(sql, parameters);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  /** @type {number[]} */
  const samples = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) samples.push(await timeOne());
  samples.sort((a, b) => a - b);
  /** @param {number} q */
  const pick = (q) =>
    Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN) * 100) / 100;
  let done = 0;
  const stop = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < stop) {
        await pool.query(sql, parameters);
        done++;
      }
    }),
  );
  await pool.end();
  return { p50: pick(0.5), p95: pick(0.95), p99: pick(0.99), rps: Math.round(done / seconds) };
}

/** @type {ResultRow[]} */
const results = [];
/** @param {string} name @param {() => Promise<Measured>} run */
const measure = async (name, run) => {
  if (!wanted(name)) return;
  process.stdout.write(`measuring ${name}... `);
  const before = await statementsSoFar();
  const { requestsSent, ...figures } = await run();
  if (requestsSent) {
    // Let a request cut short at the end of the run finish its statements.
    await new Promise((wake) => setTimeout(wake, 1000));
    const after = await statementsSoFar();
    figures.statementsPerRequest = Object.fromEntries(
      Object.keys(after).map((service) => [
        service,
        +(((after[service] ?? 0) - (before[service] ?? 0)) / requestsSent).toFixed(2),
      ]),
    );
  }
  // The figures at once: a run cut short (a process out of memory) still shows the rows before.
  console.log(`done: p50 ${figures.p50} ms, ${figures.rps} req/s`);
  results.push({ name, ...figures });
};
const leader = { authorization: `Bearer ${token}` };
const asLeader = () => Promise.resolve(leader);
const leadership = post(LEADERSHIP, period);
// The peer must give our gateway's answer before its speed means anything.
const ours = await answer(gatewayUrl, leader, leadership);
for (const url of [peerUrl, peerWithoutSharingUrl]) {
  const peers = await answer(url, await withUserToken(), leadership);
  if (JSON.stringify(ours) !== JSON.stringify(peers))
    throw new Error('Hive Gateway and our gateway give different LeadershipCompliance answers');
}
if (!Array.isArray(ours.organisations) || ours.organisations.length !== units.length)
  throw new Error(`LeadershipCompliance gave ${ours.organisations?.length} units, expected ${units.length}`);

await measure('1. floor: compliance SQL alone', floor);
await measure('2. subgraph: _entities compliance, all units', () =>
  http(
    subgraphUrls.assignments,
    withUserToken,
    post(
      `query ($r: [_Any!]!, $from: Date!, $to: Date!, $asOf: Date) { _entities(representations: $r) { ... on Organisation { compliance(from: $from, to: $to, asOf: $asOf) { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline due completionRate onTimeRate } } } }`,
      { r: unitIds.map((id) => ({ __typename: 'Organisation', id })), ...period },
    ),
  ),
);
await measure('3. gateway: LeadershipCompliance', () => http(gatewayUrl, asLeader, leadership));
await measure('4. peer: Hive Gateway, LeadershipCompliance', () =>
  http(peerUrl, async () => ({ ...(await withUserToken()), 'x-request-id': 'bench-peer' }), leadership),
);
await measure('4b. peer, in-flight sharing off', () =>
  http(peerWithoutSharingUrl, async () => ({ ...(await withUserToken()), 'x-request-id': 'bench-peer' }), leadership),
);
await measure('5a. gateway: OverdueTasks (50)', () =>
  http(gatewayUrl, asLeader, post(OVERDUE, { organisationId: unitIds[0], asOf: period.asOf, first: 50 })),
);
await measure('5b. gateway: Task(id)', () => http(gatewayUrl, asLeader, post(TASK, { id: firstTask })));
// r. The same through the gateway with the response cache on: LeadershipCompliance repeated is
// answered from it once both subgraphs confirm their versions (hits); task lists have no validator,
// so every one is executed (misses), and the row shows what the cache costs them.
/** @type {Record<string, Record<string, number>>} */
const responseCacheLookups = {};
/** @returns {Promise<Record<string, number>>} */
const lookupsSoFar = async () => {
  const text = await (await fetch(cachingMetricsUrl)).text();
  /** @type {Record<string, number>} */
  const counts = {};
  for (const [, outcome, value] of text.matchAll(
    /^giaoviec_response_cache_lookups_total\{[^}]*outcome="(\w+)"[^}]*\} (\S+)$/gm,
  ))
    counts[outcome ?? ''] = Number(value);
  return counts;
};
/** @param {string} name @param {string} body */
const measureCached = async (name, body) => {
  await answer(cachingGatewayUrl, leader, body);
  const before = await lookupsSoFar();
  await measure(name, () => http(cachingGatewayUrl, asLeader, body));
  const after = await lookupsSoFar();
  responseCacheLookups[name] = Object.fromEntries(
    Object.keys(after).map((outcome) => [outcome, (after[outcome] ?? 0) - (before[outcome] ?? 0)]),
  );
};
if (responseCacheMb > 0) {
  await measureCached('3r. gateway, response cache: LeadershipCompliance', leadership);
  await measureCached(
    '5ar. gateway, response cache: OverdueTasks (50)',
    post(OVERDUE, { organisationId: unitIds[0], asOf: period.asOf, first: 50 }),
  );
  await measureCached('5br. gateway, response cache: Task(id)', post(TASK, { id: firstTask }));
}

// The task feed: a page from the start, the middle and the end of every event stored (the loaded
// histories), straight to the subgraph at the largest page (500), and the contract's TaskEvents
// (each task's title and lead unit too) through our gateway at 500.
// A cursor is signed for one user: the benchmark signs positions for its own user as the feed does.
const FEED_PAGE = `query ($after: String) { taskEvents(first: 500, after: $after) { edges { cursor node { id type occurredAt on actor { id name } task { id title version } } } pageInfo { hasNextPage endCursor } } }`;
const [{ events }] = /** @type {[{ events: number }]} */ (
  await taskDb.dataSource.query(`SELECT count(*)::int AS events FROM assignments.task_history`)
);
/** @param {number} fraction the share of the feed before the cursor */
const feedCursorAt = async (fraction) => {
  const [row] = /** @type {Array<{ tx: string; id: string; at: Date }>} */ (
    await taskDb.dataSource.query(
      `SELECT tx_id::text AS tx, id::text AS id, at FROM assignments.task_history
        WHERE id >= (SELECT min(id) + ((max(id) - min(id)) * $1::float8)::bigint FROM assignments.task_history)
        ORDER BY id LIMIT 1`,
      [fraction],
    )
  );
  if (!row) throw new Error('no task history to follow');
  return shared.signFeedCursor('task', benchUser.id, { tx: row.tx, id: row.id, at: row.at.toISOString() });
};
const feedPositions = { start: null, middle: await feedCursorAt(0.5), end: await feedCursorAt(0.9999) };
for (const [where, after] of Object.entries(feedPositions)) {
  const page = /** @type {{ taskEvents?: { edges: unknown[] } }} */ (
    await answer(subgraphUrls.assignments, await withUserToken(), post(FEED_PAGE, { after }))
  );
  if (where !== 'end' && page.taskEvents?.edges.length !== 500)
    throw new Error(`the task feed's page from the ${where} has ${page.taskEvents?.edges.length} events, not 500`);
  await measure(`6${where[0]}. subgraph: taskEvents 500 (${where})`, () =>
    http(subgraphUrls.assignments, withUserToken, post(FEED_PAGE, { after })),
  );
}
const eventsThroughGateway = post(EVENTS, { after: feedPositions.middle, first: 500 });
await answer(gatewayUrl, leader, eventsThroughGateway);
await measure('6g. gateway: TaskEvents 500 (middle)', () => http(gatewayUrl, asLeader, eventsThroughGateway));
// 8, 9. The figures of #18 and #19 for every unit: how each did as a coordinating unit, and how
// often it was chased; straight to the subgraph as row 2, then the contract's operations (#21).
const unitFigures = [
  {
    row: '8',
    field: 'coordinationCompliance',
    selection: 'requested contributedOnTime contributedLate pendingWithinDeadline pendingOverdue',
    operation: 'CoordinationFigures',
    file: 'coordination.graphql',
  },
  {
    row: '9',
    field: 'followUp',
    selection:
      'reminders explanationsRequested explanationsAnsweredOnTime explanationsAnsweredLate explanationsOverdue',
    operation: 'FollowUpFigures',
    file: 'follow-up.graphql',
  },
];
/** @type {Record<string, number>} */
const oneAnswerMs = {};
for (const { row, field, selection, operation, file } of unitFigures.filter(({ row }) => wanted(row))) {
  const body = post(readOperation(file, operation), period);
  // One answer timed alone: at national a request can outlast a short run, which then has no sample.
  const started = process.hrtime.bigint();
  const figures = await answer(gatewayUrl, leader, body);
  oneAnswerMs[operation] = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  if (!Array.isArray(figures.organisations) || figures.organisations.length !== units.length)
    throw new Error(`${operation} gave ${figures.organisations?.length} units, expected ${units.length}`);
  await measure(`${row}a. subgraph: _entities ${field}, all units`, () =>
    http(
      subgraphUrls.assignments,
      withUserToken,
      post(
        `query ($r: [_Any!]!, $from: Date!, $to: Date!, $asOf: Date) { _entities(representations: $r) { ... on Organisation { ${field}(from: $from, to: $to, asOf: $asOf) { ${selection} } } } }`,
        { r: unitIds.map((id) => ({ __typename: 'Organisation', id })), ...period },
      ),
    ),
  );
  await measure(`${row}b. gateway: ${operation}`, () => http(gatewayUrl, asLeader, body));
}
if (onlyRows) {
  // Only some rows: their figures, and nothing written.
  printMeasured();
  await stop();
}
// 7. The automatic reminders of one day over every task (decision 31): two statements whatever the
// number of tasks; the first run creates the day's reminders, a second one creates nothing.
/** @param {() => Promise<{ created: number }>} run */
const timed = async (run) => {
  const started = process.hrtime.bigint();
  const { created } = await run();
  return { created, ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100 };
};
// Without the services' statement timeout (15 s): at national the run takes longer, and the time is
// what this row is for.
const runReminders = () =>
  taskDb.dataSource.transaction(async (tx) => {
    await tx.query('SET LOCAL statement_timeout = 0');
    return assignments.runRemindersOf(tx, period.to, assignments.reminderSettings({}));
  });
const firstRun = await timed(runReminders);
const secondRun = await timed(runReminders);
const dailyReminders = { on: period.to, created: firstRun.created, firstMs: firstRun.ms, againMs: secondRun.ms };
// 10. Webhook delivery: task events written through the gateway, delivered to a local receiver.
process.stdout.write('measuring 10. webhooks... ');
const webhookDelivery = await measureWebhookDelivery({
  stack,
  env: common,
  subgraphEnvironment,
  port: ports.subgraphs.notifications,
  gatewayUrl,
  officeToken: await new SignJWT({ roles: ['OFFICE'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-office')
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(jwtSecret)),
  taskDb: taskDb.dataSource,
  unitIds,
  events: Number(process.env.BENCH_WEBHOOK_EVENTS ?? 500),
});
console.log('done');

const memory = Object.fromEntries(
  stack.services.map(({ name, process: child }) => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return [name, Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024)];
  }),
);

// --- report -------------------------------------------------------------------------------------
/** @param {string} prefix */
const byName = (prefix) => {
  const row = results.find((candidate) => candidate.name.startsWith(prefix));
  if (!row) throw new Error(`no measurement ${prefix}`);
  return row;
};
/** @param {number} a @param {number} b */
const ratio = (a, b) => +(a / b).toFixed(2);
const ratios = {
  gatewayOverFloor: ratio(byName('3.').p50, byName('1.').p50),
  gatewayOverSubgraph: ratio(byName('3.').p50, byName('2.').p50),
  // Ours over the peer: below 1 for latency and above 1 for throughput means ours is ahead.
  oursOverPeerP50: ratio(byName('3.').p50, byName('4.').p50),
  oursOverPeerThroughput: ratio(byName('3.').rps, byName('4.').rps),
  oursOverPeerWithoutSharingP50: ratio(byName('3.').p50, byName('4b.').p50),
  oursOverPeerWithoutSharingThroughput: ratio(byName('3.').rps, byName('4b.').rps),
  // With the response cache on (r rows): its hits over the subgraph's answer.
  ...(responseCacheMb > 0 ? { responseCacheOverSubgraph: ratio(byName('3r.').p50, byName('2.').p50) } : {}),
};
console.log(
  `\nBenchmark ${scaleName}: ${scale.units} units, ${loaded.toLocaleString()} tasks (${scale.years} years), figures for ${period.from}..${period.to}`,
);
printMeasured();
console.log(
  responseCacheMb > 0
    ? `response cache: off (RESPONSE_CACHE_MB=0) in every row but the r rows; on (${responseCacheMb} MB) in ${Object.entries(
        responseCacheLookups,
      )
        .map(
          ([name, counts]) =>
            `${name.split('.')[0]} (${
              Object.entries(counts)
                .map(([outcome, count]) => `${count} ${outcome}`)
                .join(', ') || 'no lookups'
            })`,
        )
        .join(', ')}`
    : 'response cache: off (RESPONSE_CACHE_MB=0) in every row',
);
console.log(
  `runDailyReminders(${dailyReminders.on}): ${dailyReminders.created} reminders in ${dailyReminders.firstMs} ms; again (nothing to create) ${dailyReminders.againMs} ms`,
);
console.log(
  `10. webhooks: ${webhookDelivery.events} task events by ${webhookDelivery.writers} writers (${webhookDelivery.writesPerSecond}/s written), delivered at ${webhookDelivery.deliveredPerSecond} events/s (a backlog of as many at ${webhookDelivery.backlogPerSecond}/s), lag p50 ${webhookDelivery.lagMs.p50} ms, p95 ${webhookDelivery.lagMs.p95}, p99 ${webhookDelivery.lagMs.p99}, max ${webhookDelivery.lagMs.max} (after the writer's answer: p50 ${webhookDelivery.lagAfterAnswerMs.p50}, p99 ${webhookDelivery.lagAfterAnswerMs.p99}; until read from the feed: p50 ${webhookDelivery.untilReadMs.p50}, p99 ${webhookDelivery.untilReadMs.p99}; from there to the receiver: p50 ${webhookDelivery.readToArrivalMs.p50}, p99 ${webhookDelivery.readToArrivalMs.p99}); last delivery ${webhookDelivery.drainMs} ms after the last write; each event once`,
);
console.log(
  `peak memory (MB): ${Object.entries(memory)
    .map(([name, mb]) => `${name} ${mb}`)
    .join(', ')}`,
);
console.log(
  `ratios: p50 gateway/floor ${ratios.gatewayOverFloor}, gateway/subgraph ${ratios.gatewayOverSubgraph}${responseCacheMb > 0 ? ` (response cache ${ratios.responseCacheOverSubgraph})` : ''}, ours/peer ${ratios.oursOverPeerP50} (sharing off ${ratios.oursOverPeerWithoutSharingP50}); throughput ours/peer ${ratios.oursOverPeerThroughput} (sharing off ${ratios.oursOverPeerWithoutSharingThroughput})`,
);
// The services' figures cache size (their default unless set); 0: every request computes its figures.
const figuresCacheEntries = Number(process.env.FIGURES_CACHE_ENTRIES ?? 100_000);
// Runs that compute their figures go beside the chart; runs served by the figures cache to warm/.
const folder = figuresCacheEntries <= 0 ? resultsFolder : join(resultsFolder, 'warm');
mkdirSync(folder, { recursive: true });
const file = join(folder, `${scaleName}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      scale: scaleName,
      units: scale.units,
      tasks: loaded,
      loader: 'COPY, indexes built after the load',
      loadSeconds: load.loadSeconds,
      copySeconds: load.copySeconds,
      indexSeconds: load.indexSeconds,
      seconds,
      // Whether the figures were computed (0) or mostly served from the cache, and the heap limits.
      figuresCacheEntries,
      // The r rows' gateway (0: no r rows), and its cache lookups by outcome during each r row.
      responseCacheMb,
      responseCacheLookups,
      nodeOptions: common.NODE_OPTIONS,
      period,
      results,
      memoryMb: memory,
      ratios,
      events,
      dailyReminders,
      webhookDelivery,
      oneAnswerMs,
      measuredAt: new Date().toISOString(),
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${file}`);
console.log(`wrote ${writeLatencyChart(resultsFolder)}`);

await stop();

/** The measured rows as a table, and the answers timed alone. */
function printMeasured() {
  const services = Object.keys(subgraphUrls);
  console.log(
    `${'measurement'.padEnd(48)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s @16'.padStart(10)}  SQL statements per request (${services.join(', ')})`,
  );
  for (const row of results) {
    const perRequest = row.statementsPerRequest;
    const statements = perRequest ? services.map((service) => perRequest[service]).join(' / ') : 'the statement itself';
    const failed = row.failedAnswers ? ` (${row.failedAnswers} answers with errors)` : '';
    console.log(
      `${row.name.padEnd(48)} ${String(row.p50).padStart(8)} ${String(row.p95).padStart(8)} ${String(row.p99).padStart(8)} ${String(row.rps).padStart(10)}  ${statements}${failed}`,
    );
  }
  console.log(
    `(p95 column: autocannon reports p97.5 for HTTP rows; rows 6: ${events.toLocaleString()} task events stored)`,
  );
  console.log(
    `one answer alone (ms): ${Object.entries(oneAnswerMs)
      .map(([operation, ms]) => `${operation} ${ms}`)
      .join(', ')}`,
  );
}

async function stop() {
  await stack.stop();
  await taskDb.dataSource.destroy();
  await dropDatabase();
  process.exit(0);
}

async function dropDatabase() {
  if (server.embedded) return server.stop();
  if (keep || reused) return console.log(`kept the database ${database}: BENCH_DATABASE=${database} measures it again`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
  await admin.end();
}
