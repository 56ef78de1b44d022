// CPU per request of each process (user + system, from /proc), which the machine's load disturbs
// far less than latency: LeadershipCompliance through the gateway, then the assignments subgraph's
// `_entities` alone, each `requests` times one after the other after ten to warm up, on a database
// the benchmark kept (`--keep`):
//   DATABASE_URL=postgres://... BENCH_DATABASE=<name> node bench/cpu.mjs [requests]
// (RESPONSE_CACHE_MB=32 measures the gateway with its response cache on: every request after the first a hit.)
// With CPU_PROFILE=<folder>, every process also writes a .cpuprofile there when it stops.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print } from 'graphql';
import { SignJWT } from 'jose';
import pg from 'pg';
import shared from '@giaoviec/shared';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requests = Number(process.argv[2] ?? 100);
const { DATABASE_URL: serverUrl, BENCH_DATABASE: database, CPU_PROFILE: profile } = process.env;
if (!serverUrl || !database) {
  console.error('DATABASE_URL and BENCH_DATABASE (a database kept by `npm run bench -- --keep`) are needed');
  process.exit(2);
}
const log = shared.createLogger('cpu');
const databaseUrl = shared.withDatabase(serverUrl, database);
const jwtSecret = randomBytes(24).toString('hex');
// Read by shared.signUserToken here and by the services.
process.env.JWT_SECRET = jwtSecret;
process.env.INTERNAL_TOKEN_SECRET ??= randomBytes(24).toString('hex');
const { DATABASE_URL: _ignored, ...env } = process.env;
const heap = '--max-old-space-size=192 --max-semi-space-size=32';
const common = {
  ...env,
  DATABASE_URL: databaseUrl,
  DEMO_DATA: 'none',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  NODE_OPTIONS: profile ? `${heap} --import ${join(root, 'bench/cpu-profile.mjs')}` : heap,
  METRICS_PORT: String(await shared.freePort()),
  SCHEDULED_JOBS: 'off',
  // The gateway's response cache (decision record 0042) off unless asked: then repeated requests are hits.
  RESPONSE_CACHE_MB: process.env.RESPONSE_CACHE_MB ?? '0',
};
console.log(`response cache: ${common.RESPONSE_CACHE_MB === '0' ? 'off' : `on (${common.RESPONSE_CACHE_MB} MB)`}`);
const ports = await shared.freeStackPorts();
const stack = new shared.ServiceGroup(log);
process.on('exit', () => stack.killAll());
const { gatewayUrl, subgraphUrls } = await stack.startStack(common, ports);

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const unitIds = /** @type {{ rows: Array<{ id: string }> }} */ (
  await client.query('SELECT id FROM organisations.organisation ORDER BY code')
).rows.map((row) => row.id);
await client.end();
const document = parse(readFileSync(join(root, 'test/contract/operations/compliance.graphql'), 'utf8'));
const leadership = print({
  kind: Kind.DOCUMENT,
  definitions: document.definitions.filter(
    (definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ||
      (definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === 'LeadershipCompliance'),
  ),
});
const period = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };
const token = await new SignJWT({ roles: ['LEADER'] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('bench')
  .setExpirationTime('2h')
  .sign(new TextEncoder().encode(jwtSecret));

/** Clock ticks (1/100 s) of user and system time of a process so far. @param {number} pid */
const ticks = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
};
const cpu = () => Object.fromEntries(stack.services.map((service) => [service.name, ticks(service.process.pid ?? 0)]));

/**
 * @param {string} label
 * @param {string} url
 * @param {() => Promise<Record<string, string>>} headers
 * @param {string} body
 */
const run = async (label, url, headers, body) => {
  const send = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headers()) },
      body,
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`${label}: ${text.slice(0, 300)}`);
    return text.length;
  };
  for (let i = 0; i < 10; i++) await send();
  const before = cpu();
  const started = Date.now();
  let bytes = 0;
  for (let i = 0; i < requests; i++) bytes = await send();
  const after = cpu();
  const msPerRequest = Object.fromEntries(
    Object.entries(after).map(([name, total]) => [name, +(((total - (before[name] ?? 0)) * 10) / requests).toFixed(1)]),
  );
  console.log(
    label,
    JSON.stringify({ cpuMsPerRequest: msPerRequest, wallMs: (Date.now() - started) / requests, bytes }),
  );
};

const user = { id: 'bench', roles: ['LEADER'] };
await run(
  'gateway: LeadershipCompliance',
  gatewayUrl,
  () => Promise.resolve({ authorization: `Bearer ${token}` }),
  JSON.stringify({ query: leadership, variables: period }),
);
await run(
  'subgraph: _entities compliance',
  subgraphUrls.assignments,
  async () => ({ [shared.USER_TOKEN_HEADER]: await shared.signUserToken(user) }),
  JSON.stringify({
    query: `query ($r: [_Any!]!, $from: Date!, $to: Date!, $asOf: Date) { _entities(representations: $r) { ... on Organisation { compliance(from: $from, to: $to, asOf: $asOf) { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline due completionRate onTimeRate } } } }`,
    variables: { r: unitIds.map((id) => ({ __typename: 'Organisation', id })), ...period },
  }),
);
await stack.stop();
process.exit(0);
