import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * Every rule fed the dates of approved extensions (PostgreSQL `date[]` columns), through the
 * gateway: once read back from the database they must still compare as calendar dates.
 */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const OVERDUE = contractOperation('tasks.graphql', 'OverdueTasks');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const STATE = `query ($id: ID!) { task(id: $id) { status version dueOn history { action } extensions { status } } }`;
const BUCKETS = `query ($id: ID!, $a: Date, $b: Date, $c: Date, $d: Date) {
  task(id: $id) { a: compliance(asOf: $a) b: compliance(asOf: $b) c: compliance(asOf: $c) d: compliance(asOf: $d) } }`;

let stack: TestStack;
let unit: string;
let taskId: string;

const office = () => stack.gateway.client;
const lead = () => stack.as({ roles: ['UNIT'], org: unit });

async function requestExtension(requestedOn: string, proposedDueOn: string) {
  return lead().request<any>(REQUEST, { input: { taskId, requestedOn, proposedDueOn, reason: 'Cần thêm thời gian' } });
}

async function decide(extensionId: string, approve: boolean, decidedOn: string) {
  await office().data(DECIDE, { input: { extensionId, approve, decidedOn } });
}

beforeAll(async () => {
  stack = await startTestStack();
  const { createOrganisation } = await office().data<any>(CREATE_UNIT, {
    input: { code: 'SXD', name: 'Sở Xây dựng', kind: 'DEPARTMENT' },
  });
  unit = createOrganisation.id;
  // The history of the defect report: one extension approved, a second rejected.
  const { assignTask } = await office().data<any>(ASSIGN, {
    input: { title: 'Nhiệm vụ gia hạn', leadOrganisationId: unit, assignedOn: '2024-06-16', dueOn: '2024-07-10' },
  });
  taskId = assignTask.id;
  const first = await requestExtension('2024-06-18', '2024-08-14');
  await decide(first.data.requestExtension.id, true, '2024-06-19');
  const second = await requestExtension('2024-07-24', '2024-09-23');
  await decide(second.data.requestExtension.id, false, '2024-07-25');
});

afterAll(async () => {
  await stack?.stop();
});

async function expectRefused(requestedOn: string, proposedDueOn: string, code: string, field?: string) {
  const before = await office().data(STATE, { id: taskId });
  const result = await requestExtension(requestedOn, proposedDueOn);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expect(await office().data(STATE, { id: taskId })).toEqual(before);
}

describe('approved extensions read back from the database', () => {
  it('refuses a request after the deadline in force that day (2024-08-14)', async () => {
    await expectRefused('2026-01-01', '2026-02-01', 'CONFLICT');
    await expectRefused('2024-08-15', '2024-09-01', 'CONFLICT');
  });

  it('refuses a proposed deadline not after the one in force', async () => {
    await expectRefused('2024-08-01', '2024-08-14', 'BAD_USER_INPUT', 'proposedDueOn');
    // Before the approval the original deadline was in force: 2024-07-20 is after it.
    expect((await office().data<any>(STATE, { id: taskId })).task.dueOn).toBe('2024-08-14');
  });

  it('buckets a task by the deadline in force on each as-of date', async () => {
    const { task } = await office().data<any>(BUCKETS, {
      id: taskId,
      a: '2024-07-01',
      b: '2024-07-20',
      c: '2024-08-14',
      d: '2024-08-15',
    });
    expect(task).toEqual({
      a: 'IN_PROGRESS_WITHIN_DEADLINE',
      b: 'IN_PROGRESS_WITHIN_DEADLINE',
      c: 'IN_PROGRESS_WITHIN_DEADLINE',
      d: 'IN_PROGRESS_OVERDUE',
    });
    const overdue = async (asOf: string) =>
      (await office().data<any>(OVERDUE, { organisationId: unit, asOf })).tasks.edges.map((edge: any) => edge.node.id);
    expect(await overdue('2024-07-20')).toEqual([]);
    expect(await overdue('2024-08-15')).toEqual([taskId]);
  });

  it('a second approval, on a deadline read back from the database, moves the deadline in force', async () => {
    const third = await requestExtension('2024-08-10', '2024-09-30');
    expect(third.errors).toBeUndefined();
    await decide(third.data.requestExtension.id, true, '2024-08-12');
    expect((await office().data<any>(STATE, { id: taskId })).task.dueOn).toBe('2024-09-30');
    await expectRefused('2024-09-01', '2024-09-30', 'BAD_USER_INPUT', 'proposedDueOn');
    await expectRefused('2024-10-01', '2024-10-30', 'CONFLICT');
    const { task } = await office().data<any>(BUCKETS, {
      id: taskId,
      a: '2024-08-11',
      b: '2024-08-15',
      c: '2024-09-30',
      d: '2024-10-01',
    });
    expect(task).toEqual({
      a: 'IN_PROGRESS_WITHIN_DEADLINE',
      b: 'IN_PROGRESS_WITHIN_DEADLINE',
      c: 'IN_PROGRESS_WITHIN_DEADLINE',
      d: 'IN_PROGRESS_OVERDUE',
    });
  });
});
