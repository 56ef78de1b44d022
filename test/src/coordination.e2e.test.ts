import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** RULES.md, Coordination, through the gateway. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CORRECT = contractOperation('corrections.graphql', 'CorrectTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const CONTRIBUTE = contractOperation('coordination.graphql', 'SubmitContribution');
const COORDINATION = contractOperation('coordination.graphql', 'TaskCoordination');
const FIGURES = contractOperation('coordination.graphql', 'CoordinationFigures');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const STATE = `query ($id: ID!) { task(id: $id) { version status coordinationDueOn coordination { status contribution { submittedOn } } } }`;

let stack: TestStack;
const units: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const code of ['SXD', 'SYT', 'SKH', 'STC']) {
    const { createOrganisation } = await office().data<{ createOrganisation: { id: string } }>(CREATE_UNIT, {
      input: { code, name: code, kind: 'DEPARTMENT' },
    });
    units[code] = createOrganisation.id;
  }
});

afterAll(async () => {
  await stack?.stop();
});

const office = () => stack.gateway.client;
const unit = (code: string) => stack.as({ roles: ['UNIT'], org: units[code] });

async function assign(input: Record<string, unknown>): Promise<string> {
  const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
    input: {
      title: 'Nhiệm vụ phối hợp',
      leadOrganisationId: units.SXD,
      coordinatingOrganisationIds: [units.SYT, units.SKH],
      assignedOn: '2017-03-01',
      dueOn: '2017-03-31',
      ...input,
    },
  });
  return assignTask.id;
}

async function expectRefused(code: string, input: Record<string, unknown>, taskId: string, expected: object) {
  const before = await office().data(STATE, { id: taskId });
  const result = await unit(code).request(CONTRIBUTE, { input: { note: 'Ý kiến', ...input, taskId } });
  expect(result.errors?.[0]?.extensions).toMatchObject(expected);
  expect(result.data).toBeNull();
  expect(await office().data(STATE, { id: taskId })).toEqual(before);
}

describe('the coordination deadline', () => {
  it.each([
    ['before the assignment', '2017-02-28'],
    ['after the deadline', '2017-04-01'],
  ])('is refused %s, with field coordinationDueOn', async (_, coordinationDueOn) => {
    const result = await office().request(ASSIGN, {
      input: {
        title: 'x',
        leadOrganisationId: units.SXD,
        assignedOn: '2017-03-01',
        dueOn: '2017-03-31',
        coordinationDueOn,
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinationDueOn' });
  });

  it('is kept as set, corrected, and removed by a correction', async () => {
    const taskId = await assign({ coordinationDueOn: '2017-03-10' });
    const read = async () => (await office().data<{ task: any }>(STATE, { id: taskId })).task;
    expect((await read()).coordinationDueOn).toBe('2017-03-10');
    const refused = await office().request(CORRECT, {
      input: { taskId, expectedVersion: 1, reason: 'Sai', coordinationDueOn: '2017-04-02' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinationDueOn' });
    await office().data(CORRECT, { input: { taskId, expectedVersion: 1, reason: 'Sai', coordinationDueOn: null } });
    expect((await read()).coordinationDueOn).toBeNull();
    expect(await assign({ dueOn: null, coordinationDueOn: '2018-01-01' })).toEqual(expect.any(String));
  });
});

describe('contributions', () => {
  it('are submitted once by each coordinating unit, and each status is shown', async () => {
    const taskId = await assign({ coordinationDueOn: '2017-03-10' });
    const { submitContribution } = await unit('SYT').data<{ submitContribution: any }>(CONTRIBUTE, {
      input: { taskId, submittedOn: '2017-03-12', note: 'Góp ý của Sở Y tế' },
    });
    expect(submitContribution).toEqual({
      id: expect.any(String),
      submittedOn: '2017-03-12',
      organisation: { id: units.SYT, code: 'SYT' },
    });
    await expectRefused('SYT', { submittedOn: '2017-03-13' }, taskId, { code: 'CONFLICT' });
    await expectRefused('SXD', { submittedOn: '2017-03-13' }, taskId, { code: 'FORBIDDEN' });
    await expectRefused('SKH', { submittedOn: '2017-02-28' }, taskId, { code: 'BAD_USER_INPUT', field: 'submittedOn' });
    await expectRefused('SKH', { submittedOn: '2999-01-01' }, taskId, { code: 'BAD_USER_INPUT', field: 'submittedOn' });
    await expectRefused('SKH', { submittedOn: '2017-03-05', note: '  ' }, taskId, {
      code: 'BAD_USER_INPUT',
      field: 'note',
    });

    const { task } = await unit('SKH').data<{ task: any }>(COORDINATION, { id: taskId });
    expect(task).toEqual({
      id: taskId,
      coordinationDueOn: '2017-03-10',
      coordination: [
        {
          organisation: { id: units.SYT, code: 'SYT' },
          contribution: { submittedOn: '2017-03-12', note: 'Góp ý của Sở Y tế' },
          status: 'CONTRIBUTED_LATE',
        },
        // Never contributed: overdue today, long after 10 March 2017.
        { organisation: { id: units.SKH, code: 'SKH' }, contribution: null, status: 'PENDING_OVERDUE' },
      ],
    });

    const { taskEvents } = await office().data<{ taskEvents: any }>(EVENTS, {
      first: 10,
      filter: { taskIds: [taskId], types: ['CONTRIBUTION_SUBMITTED'] },
    });
    expect(taskEvents.edges.map((edge: any) => [edge.node.type, edge.node.on])).toEqual([
      ['CONTRIBUTION_SUBMITTED', '2017-03-12'],
    ]);
  });

  it('are refused for a withdrawn or a completed task, whatever their dates', async () => {
    const withdrawn = await assign({});
    await office().data(WITHDRAW, { input: { taskId: withdrawn, withdrawnOn: '2017-03-20', reason: 'Không cần' } });
    await expectRefused('SYT', { submittedOn: '2017-03-05' }, withdrawn, { code: 'CONFLICT' });
    const completed = await assign({});
    await unit('SXD').data(SUBMIT, { input: { taskId: completed, completedOn: '2017-03-15', note: 'Xong' } });
    await office().data(CONFIRM, { input: { taskId: completed, confirmedOn: '2017-03-16' } });
    await expectRefused('SYT', { submittedOn: '2017-03-05' }, completed, { code: 'CONFLICT' });
  });
});

describe('coordinationCompliance', () => {
  it('counts each unit’s record as a coordinator, and a unit with none as zeros', async () => {
    const onTime = await assign({ assignedOn: '2016-05-02', dueOn: '2016-05-31', coordinationDueOn: '2016-05-10' });
    const late = await assign({ assignedOn: '2016-05-02', dueOn: '2016-05-31', coordinationDueOn: '2016-05-10' });
    await assign({ assignedOn: '2016-05-03', dueOn: null, coordinatingOrganisationIds: [units.SYT] });
    await unit('SYT').data(CONTRIBUTE, { input: { taskId: onTime, submittedOn: '2016-05-10', note: 'a' } });
    await unit('SYT').data(CONTRIBUTE, { input: { taskId: late, submittedOn: '2016-05-11', note: 'b' } });
    await unit('SKH').data(CONTRIBUTE, { input: { taskId: late, submittedOn: '2016-06-01', note: 'c' } });
    const { organisations } = await office().data<{ organisations: any[] }>(FIGURES, {
      from: '2016-05-01',
      to: '2016-05-31',
      asOf: '2016-05-31',
      kinds: ['DEPARTMENT'],
    });
    const byCode = Object.fromEntries(organisations.map((each) => [each.code, each.coordinationCompliance]));
    expect(byCode).toEqual({
      SYT: { requested: 3, contributedOnTime: 1, contributedLate: 1, pendingWithinDeadline: 1, pendingOverdue: 0 },
      // Its contribution of 1 June is after the as-of date.
      SKH: { requested: 2, contributedOnTime: 0, contributedLate: 0, pendingWithinDeadline: 0, pendingOverdue: 2 },
      SXD: { requested: 0, contributedOnTime: 0, contributedLate: 0, pendingWithinDeadline: 0, pendingOverdue: 0 },
      STC: { requested: 0, contributedOnTime: 0, contributedLate: 0, pendingWithinDeadline: 0, pendingOverdue: 0 },
    });
  });

  it('costs the same SQL statements for 4 units as for 14', async () => {
    const variables = { from: '2016-05-01', to: '2016-05-31', asOf: '2016-05-31', kinds: ['DEPARTMENT'] };
    const statements = async () => {
      const counter = stack.services.assignments.database.queries;
      const before = counter.statements;
      await office().data(FIGURES, variables);
      return counter.statements - before;
    };
    const few = await statements();
    for (let index = 0; index < 10; index++) {
      await office().data(CREATE_UNIT, { input: { code: `S-${index}`, name: `Sở ${index}`, kind: 'DEPARTMENT' } });
    }
    expect(await statements()).toBe(few);
    expect(few).toBe(1);
  });
});
