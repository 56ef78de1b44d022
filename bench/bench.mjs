// `npm run bench -- --scale province|large|national`: loads a named scale into its own database
// (embedded PostgreSQL, or DATABASE_URL), starts the subgraphs and the gateway as processes, and
// measures, in one run: the compliance SQL alone (the floor), the compliance query straight to the
// assignments subgraph, LeadershipCompliance through the gateway, and task lists through the
// gateway. Latency at 1 connection, throughput at 16, peak memory of each process. Prints a table
// and writes bench/results/<scale>.json. BENCH_SECONDS (default 10) is each measurement's length.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print } from 'graphql';
import pg from 'pg';
import { SignJWT } from 'jose';
import assignments from '@giaoviec/assignments';
import gatewayPackage from '@giaoviec/gateway';
import organisations from '@giaoviec/organisations';
import shared from '@giaoviec/shared';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCALES = {
  province: { units: 40, years: 5, tasksPerUnitYear: [100, 150] },
  large: { units: 300, years: 5, tasksPerUnitYear: [110, 157] },
  national: { units: 1000, years: 5, tasksPerUnitYear: [170, 230] },
};
const scaleName = process.argv[process.argv.indexOf('--scale') + 1] ?? 'province';
const scale = SCALES[scaleName];
if (!scale || !process.argv.includes('--scale')) {
  console.error(`usage: npm run bench -- --scale ${Object.keys(SCALES).join('|')}`);
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const FIRST_YEAR = 2020;
const log = shared.createLogger('bench');
log.level = process.env.LOG_LEVEL ?? 'warn';

// --- the database -------------------------------------------------------------------------------
let postgres = null;
let folder = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  folder = mkdtempSync(join(tmpdir(), 'giaoviec-bench-'));
  chmodSync(folder, 0o755);
  postgres = await shared.startEmbeddedPostgres({ dataDir: join(folder, 'pg'), log, persistent: false });
  serverUrl = postgres.url;
}
const database = `bench_${scaleName}_${Date.now()}`;
{
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
}
const databaseUrl = shared.withDatabase(serverUrl, database);

// --- the data: units, then five years of tasks, with progress -----------------------------------
const units = Array.from({ length: scale.units }, (_, index) => ({
  code: `U${String(index + 1).padStart(4, '0')}`,
  name: `Đơn vị ${index + 1}`,
  kind: index % 3 === 0 ? 'DISTRICT' : 'DEPARTMENT',
  parentCode: null,
}));
const orgDb = await shared.openServiceDatabase({
  ...organisations.organisationsService.database,
  url: databaseUrl,
  log,
});
await orgDb.dataSource.query(
  `INSERT INTO organisations.organisation (id, code, name, kind) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
  [
    units.map((unit) => shared.demoUnitId(unit.code)),
    units.map((u) => u.code),
    units.map((u) => u.name),
    units.map((u) => u.kind),
  ],
);
await orgDb.dataSource.destroy();

const taskDb = await shared.openServiceDatabase({ ...assignments.assignmentsService.database, url: databaseUrl, log });
const [min, max] = scale.tasksPerUnitYear;
const expected = scale.units * scale.years * ((min + max) / 2);
const loadStarted = Date.now();
let loaded = 0;
for (let year = FIRST_YEAR; year < FIRST_YEAR + scale.years; year++) {
  let batch = [];
  const flush = async () => {
    await assignments.insertTaskRecords(taskDb.dataSource, batch, 'benchmark');
    loaded += batch.length;
    batch = [];
    const rate = loaded / ((Date.now() - loadStarted) / 1000);
    const left = Math.max(0, (expected - loaded) / rate);
    process.stdout.write(
      `\rloading ${scaleName}: ${loaded.toLocaleString()} tasks, ${Math.round(rate).toLocaleString()}/s, about ${Math.round(left)} s left   `,
    );
  };
  for (const { tasks } of assignments.generateProvinceYearByUnit({
    seed: year,
    year,
    units,
    tasksPerUnit: [min, max],
  })) {
    for (const { leadCode, coordinatingCodes, ...task } of tasks) {
      batch.push({
        ...task,
        leadOrganisationId: shared.demoUnitId(leadCode),
        coordinatingOrganisationIds: coordinatingCodes.map(shared.demoUnitId),
      });
    }
    if (batch.length >= 5000) await flush();
  }
  if (batch.length) await flush();
}
await taskDb.dataSource.query('ANALYZE');
const loadSeconds = (Date.now() - loadStarted) / 1000;
console.log(`\nloaded ${loaded.toLocaleString()} tasks in ${loadSeconds.toFixed(1)} s`);

// --- the stack, each service a process of its own ----------------------------------------------
const ports = await Promise.all([0, 1, 2, 3].map(() => shared.freePort()));
const urls = {
  ORGANISATIONS_URL: `http://127.0.0.1:${ports[1]}/graphql`,
  ASSIGNMENTS_URL: `http://127.0.0.1:${ports[2]}/graphql`,
  INSPECTIONS_URL: `http://127.0.0.1:${ports[3]}/graphql`,
};
const { DATABASE_URL: _ignored, ...env } = process.env;
const common = { ...env, ...urls, DATABASE_URL: databaseUrl, DEMO_DATA: 'none', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
const processes = {
  organisations: spawn(process.execPath, [join(root, 'services/organisations/dist/index.js')], {
    env: { ...common, ORGANISATIONS_PORT: String(ports[1]) },
    stdio: 'inherit',
  }),
  assignments: spawn(process.execPath, [join(root, 'services/assignments/dist/index.js')], {
    env: { ...common, ASSIGNMENTS_PORT: String(ports[2]) },
    stdio: 'inherit',
  }),
  inspections: spawn(process.execPath, [join(root, 'services/inspections/dist/index.js')], {
    env: { ...common, INSPECTIONS_PORT: String(ports[3]) },
    stdio: 'inherit',
  }),
};
const waitReady = async (url) => {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`${url} not ready`);
};
for (const port of ports.slice(1)) await waitReady(`http://127.0.0.1:${port}/ready`);
processes.gateway = spawn(process.execPath, [join(root, 'gateway/dist/index.js')], {
  env: { ...common, PORT: String(ports[0]) },
  stdio: 'inherit',
});
await waitReady(`http://127.0.0.1:${ports[0]}/ready`);

// --- the measurements ---------------------------------------------------------------------------
const token = await new SignJWT({ roles: ['LEADER'] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('bench')
  .setExpirationTime('2h')
  .sign(new TextEncoder().encode(gatewayPackage.DEVELOPMENT_JWT_SECRET));
const userToken = await shared.signUserToken({ id: 'bench', roles: ['LEADER'] });
const unitIds = units.map((unit) => shared.demoUnitId(unit.code));
const period = {
  from: `${FIRST_YEAR + scale.years - 1}-01-01`,
  to: `${FIRST_YEAR + scale.years - 1}-12-31`,
  asOf: `${FIRST_YEAR + scale.years - 1}-12-31`,
};
const gatewayUrl = `http://127.0.0.1:${ports[0]}/graphql`;
const post = (query, variables) => JSON.stringify({ query, variables });
const LEADERSHIP = readOperation('compliance.graphql', 'LeadershipCompliance');
const OVERDUE = readOperation('tasks.graphql', 'OverdueTasks');
const TASK = readOperation('tasks.graphql', 'Task');
const firstTask = (
  await taskDb.dataSource.query(`SELECT id FROM assignments.task WHERE lead_organisation_id = $1 LIMIT 1`, [unitIds[0]])
)[0].id;

function readOperation(file, name) {
  // The contract's own operation, with the fragments it uses.
  const document = parse(readFileSync(join(root, 'test/contract/operations', file), 'utf8'));
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
}

async function http(url, headers, body) {
  const run = (connections) =>
    autocannon({
      url,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const latency = await run(1);
  const throughput = await run(16);
  if (latency.non2xx || throughput.non2xx || latency.errors || throughput.errors)
    throw new Error(`errors measuring ${url}`);
  return {
    p50: latency.latency.p50,
    p95: latency.latency.p97_5,
    p99: latency.latency.p99,
    rps: throughput.requests.average,
  };
}

async function floor() {
  const { sql, parameters } = assignments.complianceFiguresStatement({ ...period, groupBy: 'unit', unitIds });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 16 });
  const timeOne = async () => {
    const started = process.hrtime.bigint();
    await pool.query(sql, parameters);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const samples = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) samples.push(await timeOne());
  samples.sort((a, b) => a - b);
  const pick = (q) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 100) / 100;
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

const results = [];
const measure = async (name, run) => {
  process.stdout.write(`measuring ${name}... `);
  const figures = await run();
  console.log('done');
  results.push({ name, ...figures });
};
await measure('1. floor: compliance SQL alone', floor);
await measure('2. subgraph: _entities compliance, all units', () =>
  http(
    urls.ASSIGNMENTS_URL,
    { 'x-giaoviec-user-token': userToken },
    post(
      `query ($r: [_Any!]!, $from: Date!, $to: Date!, $asOf: Date) { _entities(representations: $r) { ... on Organisation { compliance(from: $from, to: $to, asOf: $asOf) { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline due completionRate onTimeRate } } } }`,
      { r: unitIds.map((id) => ({ __typename: 'Organisation', id })), ...period },
    ),
  ),
);
await measure('3. gateway: LeadershipCompliance', () =>
  http(gatewayUrl, { authorization: `Bearer ${token}` }, post(LEADERSHIP, period)),
);
await measure('5a. gateway: OverdueTasks (50)', () =>
  http(
    gatewayUrl,
    { authorization: `Bearer ${token}` },
    post(OVERDUE, { organisationId: unitIds[0], asOf: period.asOf, first: 50 }),
  ),
);
await measure('5b. gateway: Task(id)', () =>
  http(gatewayUrl, { authorization: `Bearer ${token}` }, post(TASK, { id: firstTask })),
);

const memory = Object.fromEntries(
  Object.entries(processes).map(([name, child]) => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return [name, Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024)];
  }),
);

// --- report -------------------------------------------------------------------------------------
const byName = (prefix) => results.find((row) => row.name.startsWith(prefix));
const ratios = {
  gatewayOverFloor: +(byName('3.').p50 / byName('1.').p50).toFixed(2),
  gatewayOverSubgraph: +(byName('3.').p50 / byName('2.').p50).toFixed(2),
};
console.log(
  `\nBenchmark ${scaleName}: ${scale.units} units, ${loaded.toLocaleString()} tasks (${scale.years} years), figures for ${period.from}..${period.to}`,
);
console.log(
  `${'measurement'.padEnd(48)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s @16'.padStart(10)}`,
);
for (const row of results) {
  console.log(
    `${row.name.padEnd(48)} ${String(row.p50).padStart(8)} ${String(row.p95).padStart(8)} ${String(row.p99).padStart(8)} ${String(row.rps).padStart(10)}`,
  );
}
console.log(`(p95 column: autocannon reports p97.5 for HTTP rows)`);
console.log(
  `peak memory (MB): ${Object.entries(memory)
    .map(([name, mb]) => `${name} ${mb}`)
    .join(', ')}`,
);
console.log(`ratios of p50: gateway/floor ${ratios.gatewayOverFloor}, gateway/subgraph ${ratios.gatewayOverSubgraph}`);
console.log('Not measured yet: the Hive Gateway peer (row 4), SQL statements per request from the running processes.');
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', `${scaleName}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      scale: scaleName,
      units: scale.units,
      tasks: loaded,
      loadSeconds,
      seconds,
      period,
      results,
      memoryMb: memory,
      ratios,
      measuredAt: new Date().toISOString(),
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${file}`);

for (const child of Object.values(processes)) child.kill('SIGTERM');
await Promise.all(
  Object.values(processes).map(
    (child) => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done))),
  ),
);
await taskDb.dataSource.destroy();
if (postgres) {
  await postgres.stop();
  rmSync(folder, { recursive: true, force: true });
} else {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
  await admin.end();
}
process.exit(0);
