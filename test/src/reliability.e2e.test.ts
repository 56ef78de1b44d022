import { startInspectionsService } from '@giaoviec/inspections';
import { DEMO_INSPECTION, createLogger, demoUnitId, type RunningServer } from '@giaoviec/shared';
import { startAssignmentsService } from '@giaoviec/assignments';
import { createServer, type Server } from 'node:net';
import { GraphQLClient, contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const MIXED = `{ organisations(kinds: [DEPARTMENT]) { code } inspection(id: "${DEMO_INSPECTION.id}") { id team } }`;
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const STATE = `query ($id: ID!) { task(id: $id) { version status history { action } } }`;

let stack: TestStack;
const SXD = demoUnitId('SXD');
const unit = () => stack.as({ roles: ['UNIT'], org: SXD });

beforeAll(async () => {
  stack = await startTestStack({ demoData: true, subgraphTimeoutMs: 1500 });
});

afterAll(async () => {
  await stack?.stop();
});

async function newTask(): Promise<string> {
  const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
    input: { title: 'Nhiệm vụ thử độ tin cậy', assignedOn: '2017-11-01', dueOn: '2017-12-31', leadOrganisationId: SXD },
  });
  return assignTask.id;
}

describe('a subgraph that stops or hangs', () => {
  it('gives partial data with a masked error, and full answers again once it is back, without restarting the gateway', async () => {
    const full = await stack.gateway.client.request<any>(MIXED);
    expect(full.errors).toBeUndefined();

    const { port } = stack.services.inspections;
    await stack.services.inspections.stop();
    const partial = await stack.gateway.client.request<any>(MIXED);
    expect(partial.data.organisations.length).toBe(full.data.organisations.length);
    expect(partial.data.inspection).toBeNull();
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'inspections' });
    expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{4,5}/);

    // Back on the same port: the same gateway answers in full again.
    const log = createLogger('test');
    log.level = 'silent';
    stack.services.inspections = await startInspectionsService({ databaseUrl: stack.databaseUrl, port, log });
    const again = await stack.gateway.client.request<any>(MIXED);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(full.data);
  });

  it('the leadership view keeps its units when the figures are unavailable', async () => {
    const vars = { kinds: ['DEPARTMENT'], from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' };
    const { port } = stack.services.assignments;
    await stack.services.assignments.stop();
    const partial = await stack.gateway.client.request<any>(LEADERSHIP, vars);
    expect(partial.data.organisations.length).toBeGreaterThan(10);
    for (const row of partial.data.organisations) expect(row.compliance).toBeNull();
    expect(partial.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'assignments' });
    const log = createLogger('test');
    log.level = 'silent';
    stack.services.assignments = await startAssignmentsService({ databaseUrl: stack.databaseUrl, port, log });
    const again = await stack.gateway.client.data<any>(LEADERSHIP, vars);
    expect(again.organisations.find((row: any) => row.code === 'SXD').compliance.assigned).toBe(134);
  });

  it('a subgraph that hangs is cut off by the timeout', async () => {
    // A server that accepts connections and never answers.
    const hanging: Server = createServer(() => undefined);
    await new Promise<void>((listening) => hanging.listen(0, '127.0.0.1', listening));
    const hangingPort = (hanging.address() as { port: number }).port;
    let gateway: RunningServer | undefined;
    try {
      gateway = await stack.anotherGateway({
        subgraphUrls: { inspections: `http://127.0.0.1:${hangingPort}/graphql` },
        subgraphTimeoutMs: 500,
      });
      const client = new GraphQLClient(gateway.url, testToken({ roles: ['LEADER'] }));
      const started = Date.now();
      const result = await client.request<any>(MIXED);
      const elapsed = Date.now() - started;
      expect(result.data.organisations.length).toBeGreaterThan(0);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'inspections' });
      // Cut off by the 500 ms timeout, not by the test's own.
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      await gateway?.stop();
      hanging.close();
    }
  });
});

describe('no lost updates', () => {
  it('20 concurrent updates of one version: exactly one wins, the others get CONFLICT, the history stays consistent', async () => {
    const taskId = await newTask();
    const { task } = await stack.gateway.client.data<any>(STATE, { id: taskId });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        unit().request(PROGRESS, {
          input: { taskId, reportedOn: '2017-11-10', note: `Báo cáo ${index}`, expectedVersion: task.version },
        }),
      ),
    );
    const won = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const result of refused) expect(result.errors![0]!.extensions!.code).toBe('CONFLICT');
    const after = (await stack.gateway.client.data<any>(STATE, { id: taskId })).task;
    expect(after.version).toBe(task.version + 1);
    expect(after.history.map((entry: any) => entry.action)).toEqual(['ASSIGNED', 'PROGRESS_REPORTED']);
  });

  it('without expectedVersion, concurrent reports are serialised, each with its history row', async () => {
    const taskId = await newTask();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        unit().data(PROGRESS, { input: { taskId, reportedOn: '2017-11-10', note: `Báo cáo ${index}` } }),
      ),
    );
    const { task } = await stack.gateway.client.data<any>(STATE, { id: taskId });
    expect(task.version).toBe(11);
    expect(task.history).toHaveLength(11);
  });

  it('a stale version is refused and changes nothing', async () => {
    const taskId = await newTask();
    await unit().data(PROGRESS, { input: { taskId, reportedOn: '2017-11-10', note: 'Một' } });
    const stale = await stack.gateway.client.request(WITHDRAW, {
      input: { taskId, withdrawnOn: '2017-11-11', reason: 'Rút', expectedVersion: 1 },
    });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await stack.gateway.client.data<any>(STATE, { id: taskId })).task).toMatchObject({
      version: 2,
      status: 'IN_PROGRESS',
    });
  });
});

describe('exactly-once mutations', () => {
  const countTasks = async (title: string) =>
    (
      await stack.gateway.client.data<any>(`query ($s: String) { tasks(filter: { search: $s }) { totalCount } }`, {
        s: title,
      })
    ).tasks.totalCount;

  it('retries with the same key write once and return the first result, even when concurrent', async () => {
    const input = {
      title: 'Nhiệm vụ gửi lại nhiều lần',
      assignedOn: '2017-11-02',
      leadOrganisationId: SXD,
      idempotencyKey: 'assign-retry-1',
    };
    const first = await stack.gateway.client.data<any>(ASSIGN, { input });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => stack.gateway.client.data<any>(ASSIGN, { input })),
    );
    for (const retry of retries) expect(retry.assignTask.id).toBe(first.assignTask.id);
    expect(await countTasks('gửi lại nhiều lần')).toBe(1);

    const concurrentInput = { ...input, title: 'Nhiệm vụ gửi đồng thời', idempotencyKey: 'assign-concurrent-1' };
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () => stack.gateway.client.data<any>(ASSIGN, { input: concurrentInput })),
    );
    expect(new Set(concurrent.map((result) => result.assignTask.id)).size).toBe(1);
    expect(await countTasks('gửi đồng thời')).toBe(1);
  });

  it('the same key with other input answers CONFLICT; keys are per user', async () => {
    const input = {
      title: 'Nhiệm vụ khóa A',
      assignedOn: '2017-11-02',
      leadOrganisationId: SXD,
      idempotencyKey: 'key-A',
    };
    await stack.gateway.client.data(ASSIGN, { input });
    const other = await stack.gateway.client.request(ASSIGN, { input: { ...input, title: 'Nhiệm vụ khác' } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    const otherUser = stack.as({ sub: 'office-2', roles: ['OFFICE'] });
    const theirs = await otherUser.data<any>(ASSIGN, { input });
    expect(await countTasks('khóa A')).toBe(2);
    expect(theirs.assignTask.id).toEqual(expect.any(String));
  });

  it('a workflow step and an organisation are written once per key too', async () => {
    const taskId = await newTask();
    const input = { taskId, reportedOn: '2017-11-12', note: 'Một lần thôi', idempotencyKey: 'progress-1' };
    await unit().data(PROGRESS, { input });
    await unit().data(PROGRESS, { input });
    expect((await stack.gateway.client.data<any>(STATE, { id: taskId })).task.history).toHaveLength(2);

    const unitInput = { code: 'IDEM-1', name: 'Đơn vị một lần', kind: 'OTHER', idempotencyKey: 'unit-1' };
    const a = await stack.gateway.client.data<any>(CREATE_UNIT, { input: unitInput });
    const b = await stack.gateway.client.data<any>(CREATE_UNIT, { input: unitInput });
    expect(b.createOrganisation.id).toBe(a.createOrganisation.id);
    const bad = await stack.gateway.client.request(CREATE_UNIT, {
      input: { ...unitInput, idempotencyKey: 'no spaces allowed' },
    });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });
});
