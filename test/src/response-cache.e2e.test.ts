import { CACHE_HEADER } from '@giaoviec/gateway';
import {
  USER_TOKEN_HEADER,
  createLogger,
  freePort,
  ServiceGroup,
  signUserToken,
  waitUntilReady,
  type RunningServer,
} from '@giaoviec/shared';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractOperation } from './harness/graphql-client';
import { metricValue } from './harness/notifications-process';
import { startTestStack, type TestStack } from './harness/stack';
import { TEST_JWT_SECRET, testToken, type TestClaims } from './harness/tokens';
import { createDepartments } from './harness/units';

/**
 * The gateway's response cache (decision record 0042), through real gateways and subgraphs: a
 * repeated read is answered from the cache only while every subgraph confirms its data versions.
 */
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const UNIT_INSPECTIONS = contractOperation('inspections.graphql', 'UnitInspections');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const UPDATE_UNIT = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name } }`;
const UNIT_TASKS = `query ($id: ID!) { organisation(id: $id) { id tasks(first: 10) { edges { node { id title } } } } }`;
const PERIOD = { from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };
const OFFICE: TestClaims = { sub: 'office-1', name: 'Chuyên viên Văn phòng', roles: ['OFFICE', 'INSPECTOR', 'LEADER'] };
const MB = 1024 * 1024;

let stack: TestStack;
let cached: RunningServer;
let units: Record<string, string>;
let district: string;

interface Answer {
  status: number;
  cache: string | null;
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** A request to a gateway, with its cache header. */
async function ask(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  claims: TestClaims = OFFICE,
): Promise<Answer> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(claims)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, cache: response.headers.get(CACHE_HEADER), ...((await response.json()) as object) };
}

const leadership = (gatewayUrl: string, kinds: string[] = ['DEPARTMENT', 'DISTRICT'], claims = OFFICE) =>
  ask(gatewayUrl, LEADERSHIP, { kinds, ...PERIOD }, claims);
const assignedOf = (answer: Answer, id: string) =>
  answer.data.organisations.find((unit: { id: string }) => unit.id === id).compliance.assigned as number;
const assign = (leadOrganisationId: string) =>
  stack.gateway.client.data<{ assignTask: { id: string } }>(ASSIGN, {
    input: { title: 'Báo cáo tình hình', assignedOn: '2025-03-01', dueOn: '2025-03-31', leadOrganisationId },
  });
const lookups = async (gatewayUrl: string, outcome: string) =>
  metricValue(
    await (await fetch(new URL('/metrics', gatewayUrl))).text(),
    'giaoviec_response_cache_lookups_total',
    `outcome="${outcome}"`,
  );

beforeAll(async () => {
  stack = await startTestStack();
  units = await createDepartments(stack, [
    ['S-TC', 'Sở Tài chính'],
    ['S-XD', 'Sở Xây dựng'],
  ]);
  const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
    input: { code: 'H-CL', name: 'UBND huyện Cao Lộc', kind: 'DISTRICT' },
  });
  district = createOrganisation.id;
  await assign(units['S-TC']!);
  cached = await stack.anotherGateway({ responseCacheBytes: 32 * MB });
});

afterAll(async () => {
  await cached?.stop();
  await stack?.stop();
});

describe('the response cache', () => {
  it('answers a repeated LeadershipCompliance from the cache, the same answer, without executing it', async () => {
    const first = await leadership(cached.url);
    expect(first.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    expect(assignedOf(first, units['S-TC']!)).toBe(1);
    const calls = stack.services.assignments.graphqlRequests() + stack.services.organisations.graphqlRequests();
    const hitsBefore = await lookups(cached.url, 'hit');
    const second = await leadership(cached.url);
    expect(second.cache).toBe('hit');
    expect(second.data).toEqual(first.data);
    // Validated by the subgraphs' routes, not executed there.
    expect(stack.services.assignments.graphqlRequests() + stack.services.organisations.graphqlRequests()).toBe(calls);
    expect(await lookups(cached.url, 'hit')).toBe(hitsBefore + 1);
  });

  it('misses after a task of a unit in the answer is assigned, with the new figure, then hits again', async () => {
    await leadership(cached.url);
    expect((await leadership(cached.url)).cache).toBe('hit');
    await assign(units['S-XD']!);
    const after = await leadership(cached.url);
    expect(after.cache).toBe('miss');
    expect(assignedOf(after, units['S-XD']!)).toBe(1);
    const again = await leadership(cached.url);
    expect(again.cache).toBe('hit');
    expect(again.data).toEqual(after.data);
  });

  it('keeps the entry when a task is assigned to a unit the answer does not hold', async () => {
    const departments = await leadership(cached.url, ['DEPARTMENT']);
    expect(departments.data.organisations.map((unit: { id: string }) => unit.id)).not.toContain(district);
    expect((await leadership(cached.url, ['DEPARTMENT'])).cache).toBe('hit');
    await assign(district);
    const after = await leadership(cached.url, ['DEPARTMENT']);
    expect(after.cache).toBe('hit');
    expect(after.data).toEqual(departments.data);
    // The request that holds the district sees its new task.
    const all = await leadership(cached.url);
    expect(all.cache).toBe('miss');
    expect(assignedOf(all, district)).toBe(1);
  });

  it('misses after a unit is renamed, with the new name', async () => {
    await leadership(cached.url, ['DEPARTMENT']);
    expect((await leadership(cached.url, ['DEPARTMENT'])).cache).toBe('hit');
    await stack.gateway.client.data(UPDATE_UNIT, { input: { id: units['S-XD'], name: 'Sở Xây dựng tỉnh Lạng Sơn' } });
    const after = await leadership(cached.url, ['DEPARTMENT']);
    expect(after.cache).toBe('miss');
    expect(after.data.organisations.map((unit: { name: string }) => unit.name)).toContain('Sở Xây dựng tỉnh Lạng Sơn');
  });

  it('misses when a transferred task changes that its former lead unit counts as of an earlier date', async () => {
    const { assignTask } = await assign(units['S-TC']!);
    const asOf = { from: '2025-01-01', to: '2025-12-31', asOf: '2025-03-20' };
    const db = stack.services.assignments.database.dataSource;
    // A transfer to S-XD from 2025-04-01 and later a correction of the deadline, written straight
    // in SQL as a transfer of many rows is: as of 2025-03-20, S-TC still leads the task.
    await db.query(
      `UPDATE assignments.task SET lead_organisation_id = $2, lead_transferred_on = '{2025-04-01}', lead_transferred_from = ARRAY[$3::uuid] WHERE id = $1`,
      [assignTask.id, units['S-XD'], units['S-TC']],
    );
    const overdueOf = (answer: Answer) =>
      answer.data.organisations.find((unit: { id: string }) => unit.id === units['S-TC']).compliance
        .inProgressOverdue as number;
    const before = await ask(cached.url, LEADERSHIP, { kinds: ['DEPARTMENT'], ...asOf });
    expect((await ask(cached.url, LEADERSHIP, { kinds: ['DEPARTMENT'], ...asOf })).cache).toBe('hit');
    await db.query(`UPDATE assignments.task SET original_due_on = '2025-03-10' WHERE id = $1`, [assignTask.id]);
    const after = await ask(cached.url, LEADERSHIP, { kinds: ['DEPARTMENT'], ...asOf });
    expect(after.cache).toBe('miss');
    expect(overdueOf(after)).toBe(overdueOf(before) + 1);
  });

  it("never gives one user's entry to another, even with the same roles", async () => {
    await leadership(cached.url);
    expect((await leadership(cached.url)).cache).toBe('hit');
    const leader: TestClaims = { ...OFFICE, sub: 'leader-2', name: 'Lãnh đạo UBND tỉnh' };
    expect((await leadership(cached.url, undefined, leader)).cache).toBe('miss');
    expect((await leadership(cached.url, undefined, leader)).cache).toBe('hit');
  });

  it('never caches a mutation', async () => {
    const input = { code: 'S-NV', name: 'Sở Nội vụ', kind: 'DEPARTMENT', idempotencyKey: 'response-cache-mutation' };
    const first = await ask(cached.url, CREATE_UNIT, { input });
    const retried = await ask(cached.url, CREATE_UNIT, { input });
    expect(first.errors).toBeUndefined();
    expect([first.cache, retried.cache]).toEqual([null, null]);
  });

  it('never caches a query that reads what no validator covers (a task list, inspections), and asks no validators for it again', async () => {
    for (const [query, variables] of [
      [UNIT_TASKS, { id: units['S-TC'] }],
      [UNIT_INSPECTIONS, { organisationId: units['S-TC'] }],
    ] as const) {
      const uncoveredBefore = await lookups(cached.url, 'uncovered');
      const first = await ask(cached.url, query, variables);
      expect(first.errors).toBeUndefined();
      expect(first.cache).toBe('miss');
      const again = await ask(cached.url, query, variables);
      expect(again.cache).toBe('miss');
      expect(again.data).toEqual(first.data);
      // The second time it is known to be uncovered: not looked up, and the subgraphs read no version.
      expect(await lookups(cached.url, 'uncovered')).toBe(uncoveredBefore + 1);
    }
  });

  it('executes normally, never serving the entry, when a validation route fails', async () => {
    // The assignments subgraph behind a proxy whose /data-versions answers 503: GraphQL still works.
    const proxy = await failingValidationProxy(stack.services.assignments.url);
    const gateway = await stack.anotherGateway({
      responseCacheBytes: 32 * MB,
      subgraphUrls: { assignments: `${proxy.url}/graphql` },
    });
    try {
      const first = await leadership(gateway.url);
      expect(first.cache).toBe('miss');
      const second = await leadership(gateway.url);
      expect(second.cache).toBe('miss');
      expect(second.errors).toBeUndefined();
      expect(second.data).toEqual(first.data);
      expect(await lookups(gateway.url, 'unvalidated')).toBe(1);
      expect(await lookups(gateway.url, 'hit')).toBe(0);
    } finally {
      await gateway.stop();
      await new Promise((closed) => proxy.server.close(closed));
    }
  });

  it("answers /data-versions only to the gateway's token, and only a body of scopes", async () => {
    const route = new URL('/data-versions', stack.services.organisations.url);
    const send = (headers: Record<string, string>, body: unknown) =>
      fetch(route, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect((await send({}, { scopes: [{}] })).status).toBe(401);
    const token = { [USER_TOKEN_HEADER]: await signUserToken({ id: 'office-1', roles: ['OFFICE'] }) };
    expect((await send(token, { scopes: 'all' })).status).toBe(400);
    const answer = await send(token, { scopes: [{}, {}] });
    expect(answer.status).toBe(200);
    const { versions } = (await answer.json()) as { versions: string[] };
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatch(/^\d+$/);
  });

  it('lets every replica see a write: two gateway processes, each with its own cache', async () => {
    const replicas = await gatewayProcesses(2);
    try {
      for (const url of replicas) {
        await leadership(url);
        expect((await leadership(url)).cache).toBe('hit');
      }
      await assign(units['S-TC']!);
      for (const url of replicas) {
        const after = await leadership(url);
        expect(after.cache).toBe('miss');
        expect(assignedOf(after, units['S-TC']!)).toBe(2);
      }
    } finally {
      await replicaGroup.stop();
    }
  });
});

/** An HTTP proxy to a subgraph that forwards everything but `/data-versions`, which fails. */
async function failingValidationProxy(subgraphUrl: string): Promise<{ url: string; server: Server }> {
  const origin = new URL(subgraphUrl).origin;
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/data-versions')) {
      res.writeHead(503).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    const forwarded = await fetch(`${origin}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await forwarded.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    forward(req, res).catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const replicaGroup = new ServiceGroup(silentLog());

/** Built gateways (`gateway/dist`) in processes of their own over the stack's subgraphs, cache on. */
async function gatewayProcesses(count: number): Promise<string[]> {
  const urls: string[] = [];
  for (let index = 0; index < count; index++) {
    const port = await freePort();
    const started = replicaGroup.start({
      name: `gateway:${port}`,
      script: 'gateway/dist/index.js',
      env: {
        ...process.env,
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
        RESPONSE_CACHE_MB: '32',
        ORGANISATIONS_URL: stack.services.organisations.url,
        ASSIGNMENTS_URL: stack.services.assignments.url,
        INSPECTIONS_URL: stack.services.inspections.url,
        NOTIFICATIONS_URL: stack.notifications.url,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      },
      readyUrl: `http://127.0.0.1:${port}/ready`,
    });
    await waitUntilReady(started);
    urls.push(`http://127.0.0.1:${port}/graphql`);
  }
  return urls;
}

function silentLog() {
  const log = createLogger('test');
  log.level = process.env.LOG_LEVEL ?? 'silent';
  return log;
}
