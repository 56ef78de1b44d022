import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** `tasks(filter: { awaitingDecision: true })`: what waits for the assigning side, through the gateway. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const DELEGATE = contractOperation('coordination.graphql', 'DelegateTask');
const AWAITING = `query ($asOf: Date) { tasks(filter: { awaitingDecision: true, asOf: $asOf }) { totalCount edges { node { id status } } } }`;

let stack: TestStack;
const units: Record<string, string> = {};
// Set in beforeAll.
const tasks = {} as Record<'submitted' | 'extension' | 'quiet' | 'sub' | 'extensionRequest', string>;

const office = () => stack.gateway.client;
const unit = (code: string) => stack.as({ roles: ['UNIT'], org: units[code] });

async function assign(title: string, lead: string): Promise<string> {
  const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
    input: { title, leadOrganisationId: units[lead], assignedOn: '2017-03-01', dueOn: '2017-03-31' },
  });
  return assignTask.id;
}

async function awaiting(as = office()): Promise<{ totalCount: number; ids: string[] }> {
  const { tasks: page } = await as.data<{ tasks: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
    AWAITING,
    { asOf: '2017-03-31' },
  );
  return { totalCount: page.totalCount, ids: page.edges.map((edge) => edge.node.id).sort() };
}

const sorted = (...ids: string[]) => [...ids].sort();

beforeAll(async () => {
  stack = await startTestStack();
  for (const [code, kind, parent] of [
    ['SXD', 'DEPARTMENT', undefined],
    ['SYT', 'DEPARTMENT', undefined],
    ['SXD-QH', 'DIVISION', 'SXD'],
  ] as const) {
    const { createOrganisation } = await office().data<{ createOrganisation: { id: string } }>(CREATE_UNIT, {
      input: { code, name: code, kind, parentId: parent ? units[parent] : undefined },
    });
    units[code] = createOrganisation.id;
  }
  tasks.submitted = await assign('Báo cáo chờ xác nhận', 'SXD');
  tasks.extension = await assign('Gia hạn chờ quyết định', 'SYT');
  tasks.quiet = await assign('Đang làm', 'SXD');
  tasks.sub = await unit('SXD')
    .data<{ delegateTask: { id: string } }>(DELEGATE, {
      input: { taskId: tasks.quiet, divisionId: units['SXD-QH'], assignedOn: '2017-03-05', dueOn: '2017-03-25' },
    })
    .then((result) => result.delegateTask.id);
  await unit('SXD').data(SUBMIT, { input: { taskId: tasks.submitted, completedOn: '2017-03-20', note: 'Xong' } });
  const { requestExtension } = await unit('SYT').data<{ requestExtension: { id: string } }>(REQUEST, {
    input: { taskId: tasks.extension, requestedOn: '2017-03-20', proposedDueOn: '2017-04-30', reason: 'Cần thêm' },
  });
  tasks.extensionRequest = requestExtension.id;
  await unit('SXD-QH').data(SUBMIT, { input: { taskId: tasks.sub, completedOn: '2017-03-21', note: 'Xong phần' } });
});

afterAll(async () => {
  await stack?.stop();
});

describe('tasks(filter: { awaitingDecision: true })', () => {
  it('lists to OFFICE every submitted completion and pending extension request, and nothing else', async () => {
    expect(await awaiting()).toEqual({ totalCount: 3, ids: sorted(tasks.submitted, tasks.extension, tasks.sub) });
    const leader = stack.as({ roles: ['LEADER'] });
    expect(await awaiting(leader)).toEqual(await awaiting());
  });

  it("lists to a unit user only the sub-tasks its unit decides, never its own reports or another unit's", async () => {
    expect(await awaiting(unit('SXD'))).toEqual({ totalCount: 1, ids: [tasks.sub] });
    expect(await awaiting(unit('SYT'))).toEqual({ totalCount: 0, ids: [] });
    expect(await awaiting(unit('SXD-QH'))).toEqual({ totalCount: 0, ids: [] });
  });

  it('drops a task once it is decided', async () => {
    await office().data(CONFIRM, { input: { taskId: tasks.submitted, confirmedOn: '2017-03-25' } });
    await unit('SXD').data(CONFIRM, { input: { taskId: tasks.sub, confirmedOn: '2017-03-26' } });
    expect(await awaiting()).toEqual({ totalCount: 1, ids: [tasks.extension] });
    expect(await awaiting(unit('SXD'))).toEqual({ totalCount: 0, ids: [] });
    await office().data(DECIDE, {
      input: { extensionId: tasks.extensionRequest, approve: true, decidedOn: '2017-03-27' },
    });
    expect(await awaiting()).toEqual({ totalCount: 0, ids: [] });
  });
});
