import { freePort } from '@giaoviec/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLClient, contractOperation } from './harness/graphql-client';
import { startTestStack, workDone, type TestStack } from './harness/stack';
import { TEST_JWT_SECRET, testToken } from './harness/tokens';

/**
 * The limits that keep one request from costing the platform more than it should: cost counted
 * with the request's variables, a bound on what the subgraphs may send for one request (tested on
 * a gateway process with the image's heap limits), no suggestions, metrics off the public port in
 * production, and clear 400s for refused requests.
 */
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const GATEWAY = resolve(__dirname, '../../gateway/dist/index.js');
/** The heap limits the image runs every process with (Dockerfile, decision 20). */
const IMAGE_NODE_OPTIONS = /NODE_OPTIONS="([^"]+)"/.exec(
  readFileSync(resolve(__dirname, '../../Dockerfile'), 'utf8'),
)![1];
const INTERNAL_SECRET = 'security-limits-internal-secret-of-40-characters';

let stack: TestStack;
let previousInternalSecret: string | undefined;

beforeAll(async () => {
  // A production gateway refuses the development secret: the subgraphs here share this one with it.
  previousInternalSecret = process.env.INTERNAL_TOKEN_SECRET;
  process.env.INTERNAL_TOKEN_SECRET = INTERNAL_SECRET;
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
  if (previousInternalSecret === undefined) delete process.env.INTERNAL_TOKEN_SECRET;
  else process.env.INTERNAL_TOKEN_SECRET = previousInternalSecret;
});

const TASK_FIELDS =
  '{ id title leadOrganisation { code name } coordinatingOrganisations { code } history { at action } }';

describe('the cost limit counts list sizes given in variables', () => {
  const refusedWithoutWork = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = workDone(stack);
    const result = await stack.gateway.client.request(query, variables);
    expect(workDone(stack)).toEqual(before);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Cost limit of 5000 exceeded: this request costs \d+/);
    return result.errors![0]!.extensions!.cost as number;
  };

  // Every unit's first 100 tasks with their lists: 10 units assumed × (1 + 1 + 100 × 23).
  const everyUnitsTasks = (first: string) =>
    `organisations { code tasks(first: ${first}) { edges { node ${TASK_FIELDS} } } }`;

  it('first: $n with {"n": 100}, and $n = 100 by default, cost what first: 100 costs, and are refused', async () => {
    const literal = await refusedWithoutWork(`{ ${everyUnitsTasks('100')} }`);
    const byVariable = await refusedWithoutWork(`query ($n: Int) { ${everyUnitsTasks('$n')} }`, { n: 100 });
    const byDefault = await refusedWithoutWork(`query ($n: Int = 100) { ${everyUnitsTasks('$n')} }`);
    expect([literal, byVariable, byDefault]).toEqual([23_020, 23_020, 23_020]);
  });

  it('refuses 15 aliases of a page of 100 tasks, each page admitted alone', async () => {
    const page = `tasks(first: $n) { edges { node ${TASK_FIELDS} } }`;
    const aliases = `query ($n: Int) { ${Array.from({ length: 15 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
    expect(await refusedWithoutWork(aliases, { n: 100 })).toBe(15 * 2301);
    const { tasks } = await stack.gateway.client.data<any>(`query ($n: Int) { ${page} }`, { n: 100 });
    expect(tasks.edges).toHaveLength(100);
  });

  it('the same query with a small page runs', async () => {
    const { tasks } = await stack.gateway.client.data<any>(
      `query ($n: Int) { tasks(first: $n) { edges { node ${TASK_FIELDS} } } }`,
      { n: 5 },
    );
    expect(tasks.edges).toHaveLength(5);
  });
});

/** A gateway process of its own, as the image runs it: production, the image's heap limits. */
async function startGatewayProcess(env: Record<string, string>) {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const { services } = stack;
  const child: ChildProcess = spawn(process.execPath, [GATEWAY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NODE_OPTIONS: IMAGE_NODE_OPTIONS,
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      JWT_SECRET: TEST_JWT_SECRET,
      INTERNAL_TOKEN_SECRET: INTERNAL_SECRET,
      ORGANISATIONS_URL: services.organisations.url,
      ASSIGNMENTS_URL: services.assignments.url,
      INSPECTIONS_URL: services.inspections.url,
      NOTIFICATIONS_URL: stack.notifications.url,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(`${code ?? signal}`)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited:\n${output}`);
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  return {
    url: `${base}/graphql`,
    base,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('one request cannot exhaust a gateway', () => {
  let gateway: Awaited<ReturnType<typeof startGatewayProcess>>;
  beforeAll(async () => {
    // A cost estimate can be wrong (`organisations` has no size argument): here it lets anything
    // through, so that the bound on what the subgraphs send holds on its own.
    gateway = await startGatewayProcess({ GRAPHQL_MAX_COST: '100000000', SUBGRAPH_TIMEOUT_MS: '60000' });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  // 15 aliases of every unit's first 100 tasks with their lists: tens of megabytes on the demo data.
  const unitTasks = `organisations { tasks(first: $n) { edges { node { id title description assignerName
    history { at action actor details } coordinatingOrganisations { code name } leadOrganisation { code name } } } } }`;
  const ATTACK = `query ($n: Int) { ${Array.from({ length: 15 }, (_, i) => `u${i}: ${unitTasks}`).join(' ')} }`;

  it('answers RESPONSE_TOO_LARGE alone, keeps serving others, and counts it', async () => {
    const attacker = new GraphQLClient(gateway.url, testToken({ roles: ['LEADER'] }));
    const other = new GraphQLClient(gateway.url, testToken({ roles: ['READER'] }));
    const [first, second, meanwhile] = await Promise.all([
      attacker.request(ATTACK, { n: 100 }),
      attacker.request(ATTACK, { n: 100 }),
      other.request(ORGANISATIONS),
    ]);
    for (const attack of [first, second]) {
      expect(attack.data).toBeNull();
      expect(attack.errors).toHaveLength(1);
      expect(attack.errors![0]!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 8 * 1024 * 1024 });
      expect(attack.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
    }
    expect(meanwhile.errors).toBeUndefined();
    expect(gateway.running()).toBe(true);
    const after = await other.request(ORGANISATIONS);
    expect([after.errors, (after.data as any).organisations.length > 0]).toEqual([undefined, true]);
    const metrics = await (await fetch(gateway.metricsUrl)).text();
    expect(metrics).toMatch(/giaoviec_graphql_errors_total\{code="RESPONSE_TOO_LARGE",service="gateway"\} 2\b/);
  }, 120_000);
});

describe('production: /metrics is not on the public port', () => {
  it('answers 404 on the gateway’s port and the metrics on METRICS_PORT', async () => {
    const gateway = await startGatewayProcess({});
    try {
      const publicMetrics = await fetch(`${gateway.base}/metrics`);
      expect(publicMetrics.status).toBe(404);
      expect(await publicMetrics.text()).not.toContain('giaoviec_');
      const metrics = await fetch(gateway.metricsUrl);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('giaoviec_graphql_request_duration_seconds');
    } finally {
      await gateway.stop();
    }
  });
});

describe('no suggestion of any kind', () => {
  it('an enum value mistyped, in the query and in variables, and a field or argument mistyped', async () => {
    const client = stack.gateway.client;
    const answers = [
      await client.request(`{ organisations(kinds: [DEPARTMEN]) { id } }`),
      await client.request(`query ($k: [OrganisationKind!]) { organisations(kinds: $k) { id } }`, { k: ['DEPARTMEN'] }),
      await client.request(`{ organisatons { id } }`),
      await client.request(`{ tasks(frist: 5) { totalCount } }`),
      await client.request(`{ tasks }`),
    ];
    for (const answer of answers) {
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors!) {
        expect(error.message).not.toMatch(/Did you mean|DEPARTMENT|organisations|first|\{ \.\.\. \}/);
      }
    }
    expect(answers[1]!.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('refused requests answer 400 with their code', () => {
  const post = async (body: unknown) => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await testToken({ roles: ['OFFICE'] })}`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  it('a query over the token limit: 400 GRAPHQL_PARSE_FAILED, no subgraph call', async () => {
    const before = workDone(stack);
    const { status, body } = await post({ query: `{ organisations { ${'code '.repeat(1200)} } }` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/1000 tokens/);
    expect(workDone(stack)).toEqual(before);
  });

  it('a persisted query whose hash is not its text’s: 400 BAD_REQUEST, and nothing registered', async () => {
    const query = '{ organisations { id } }';
    const wrong = createHash('sha256').update('{ tasks { totalCount } }').digest('hex');
    const { status, body } = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('every gateway answer says X-Content-Type-Options: nosniff', async () => {
    const answers = [
      (await post({ query: '{ organisations { id } }' })).headers,
      (await post({ query: '{' })).headers,
      (await fetch(stack.gateway.url, { method: 'POST' })).headers,
      (await fetch(new URL('/health', stack.gateway.url))).headers,
      (await fetch(new URL('/metrics', stack.gateway.url))).headers,
      (await fetch(new URL('/no-such-page', stack.gateway.url))).headers,
    ];
    for (const headers of answers) expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});
