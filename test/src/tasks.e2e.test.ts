import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const RETURN = contractOperation('tasks.graphql', 'ReturnCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const TASK = contractOperation('tasks.graphql', 'Task');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const STATE = `query ($id: ID!) { task(id: $id) { status version dueOn completedOn withdrawnOn history { action } extensions { status } } }`;

let stack: TestStack;
const units: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  const created: Array<[string, string]> = [
    ['SXD', 'Sở Xây dựng'],
    ['SYT', 'Sở Y tế'],
    ['H-CLO', 'Huyện Cao Lộc'],
  ];
  for (const [code, name] of created) {
    const { createOrganisation } = await client().data<{ createOrganisation: { id: string } }>(CREATE_UNIT, {
      input: { code, name, kind: code.startsWith('H-') ? 'DISTRICT' : 'DEPARTMENT' },
    });
    units[code] = createOrganisation.id;
  }
});

afterAll(async () => {
  await stack?.stop();
});

function client() {
  return stack.gateway.client;
}

async function assign(input: Record<string, unknown>): Promise<string> {
  const { assignTask } = await client().data<{ assignTask: { id: string } }>(ASSIGN, {
    input: { title: 'Nhiệm vụ thử', leadOrganisationId: units.SXD, ...input },
  });
  return assignTask.id;
}

/** Progress, extension requests and completion reports come from the lead unit (here SXD); the rest from the Office. */
const UNIT_ACTIONS = new Set([PROGRESS, REQUEST, SUBMIT]);
const actorFor = (query: string) =>
  UNIT_ACTIONS.has(query) ? stack.as({ roles: ['UNIT'], org: units.SXD }) : client();
const run = (query: string, input: Record<string, unknown>) => actorFor(query).data(query, { input });

describe('the life of a task through the gateway', () => {
  it('assigns, reports progress, extends, completes and confirms, with the whole history', async () => {
    const { assignTask } = await client().data<{ assignTask: any }>(ASSIGN, {
      input: {
        title: 'Tham mưu ban hành quy định quản lý quy hoạch đô thị',
        assignedOn: '2017-01-10',
        dueOn: '2017-02-10',
        leadOrganisationId: units.SXD,
        coordinatingOrganisationIds: [units.SYT, units['H-CLO']],
        sourceDocument: { number: '162/QĐ-UBND', kind: 'DECISION', issuedOn: '2017-01-09' },
        priority: 'KEY',
      },
    });
    expect(assignTask).toMatchObject({
      status: 'IN_PROGRESS',
      dueOn: '2017-02-10',
      leadOrganisation: { id: units.SXD, code: 'SXD' },
      coordinatingOrganisations: [
        { id: units.SYT, code: 'SYT' },
        { id: units['H-CLO'], code: 'H-CLO' },
      ],
    });
    const taskId = assignTask.id;
    await run(PROGRESS, { taskId, reportedOn: '2017-01-20', percentComplete: 40, note: 'Đã xây dựng dự thảo' });
    const { requestExtension } = await actorFor(REQUEST).data<any>(REQUEST, {
      input: { taskId, requestedOn: '2017-02-10', proposedDueOn: '2017-03-10', reason: 'Chờ ý kiến các sở' },
    });
    expect(requestExtension).toMatchObject({ status: 'PENDING', proposedDueOn: '2017-03-10' });
    const { decideExtension } = await client().data<any>(DECIDE, {
      input: { extensionId: requestExtension.id, approve: true, decidedOn: '2017-02-10' },
    });
    expect(decideExtension).toEqual({
      id: requestExtension.id,
      status: 'APPROVED',
      task: { id: taskId, dueOn: '2017-03-10' },
    });
    expect(await run(SUBMIT, { taskId, completedOn: '2017-03-01', note: 'Đã trình UBND tỉnh' })).toEqual({
      submitCompletion: { id: taskId, status: 'COMPLETION_SUBMITTED' },
    });
    expect(await run(CONFIRM, { taskId, confirmedOn: '2017-03-05' })).toEqual({
      confirmCompletion: { id: taskId, status: 'COMPLETED', completedOn: '2017-03-01' },
    });

    const { task } = await client().data<{ task: any }>(TASK, { id: taskId });
    expect(task).toMatchObject({
      title: 'Tham mưu ban hành quy định quản lý quy hoạch đô thị',
      status: 'COMPLETED',
      assignedOn: '2017-01-10',
      dueOn: '2017-03-10',
      completedOn: '2017-03-01',
      leadOrganisation: { id: units.SXD, code: 'SXD', name: 'Sở Xây dựng' },
      sourceDocument: { number: '162/QĐ-UBND', kind: 'DECISION', issuedOn: '2017-01-09' },
      extensions: [
        { id: requestExtension.id, status: 'APPROVED', proposedDueOn: '2017-03-10', decidedOn: '2017-02-10' },
      ],
    });
    expect(task.history.map((entry: any) => entry.action)).toEqual([
      'ASSIGNED',
      'PROGRESS_REPORTED',
      'EXTENSION_REQUESTED',
      'EXTENSION_APPROVED',
      'COMPLETION_SUBMITTED',
      'COMPLETION_CONFIRMED',
    ]);
    for (const entry of task.history) {
      expect(entry.actor).toEqual(expect.any(String));
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
  });

  it('a returned report does not complete the task; a new one can follow', async () => {
    const taskId = await assign({ assignedOn: '2017-04-01', dueOn: '2017-04-30' });
    await run(SUBMIT, { taskId, completedOn: '2017-04-20', note: 'Xong' });
    expect(await run(RETURN, { taskId, returnedOn: '2017-04-22', reason: 'Chưa đạt yêu cầu' })).toEqual({
      returnCompletion: { id: taskId, status: 'IN_PROGRESS' },
    });
    await run(SUBMIT, { taskId, completedOn: '2017-05-03', note: 'Đã bổ sung' });
    await run(CONFIRM, { taskId, confirmedOn: '2017-05-04' });
    const { task } = await client().data<any>(STATE, { id: taskId });
    expect(task).toMatchObject({ status: 'COMPLETED', completedOn: '2017-05-03' });
  });
});

describe('a step the workflow forbids answers CONFLICT and changes nothing', () => {
  async function expectRefused(
    query: string,
    input: Record<string, unknown>,
    taskId: string,
    code: string,
    field?: string,
  ) {
    const before = await client().data(STATE, { id: taskId });
    const result = await actorFor(query).request(query, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(result.data).toBeNull();
    expect(await client().data(STATE, { id: taskId })).toEqual(before);
  }

  it('no change at all to a withdrawn task, whatever its dates', async () => {
    const taskId = await assign({ assignedOn: '2017-05-01', dueOn: '2017-06-01' });
    await run(WITHDRAW, { taskId, withdrawnOn: '2017-05-10', reason: 'Không còn phù hợp' });
    await expectRefused(SUBMIT, { taskId, completedOn: '2017-05-05', note: 'Xong' }, taskId, 'CONFLICT');
    await expectRefused(PROGRESS, { taskId, reportedOn: '2017-05-09', note: 'Tiến độ' }, taskId, 'CONFLICT');
    await expectRefused(
      REQUEST,
      { taskId, requestedOn: '2017-05-09', proposedDueOn: '2017-07-01', reason: 'x' },
      taskId,
      'CONFLICT',
    );
    await expectRefused(WITHDRAW, { taskId, withdrawnOn: '2017-05-11', reason: 'x' }, taskId, 'CONFLICT');
  });

  it('an extension is decided once, requested only on or before the deadline in force, never without a deadline', async () => {
    const taskId = await assign({ assignedOn: '2017-06-01', dueOn: '2017-06-30' });
    const { requestExtension } = await actorFor(REQUEST).data<any>(REQUEST, {
      input: { taskId, requestedOn: '2017-06-30', proposedDueOn: '2017-07-15', reason: 'Cần thêm thời gian' },
    });
    await expectRefused(
      REQUEST,
      { taskId, requestedOn: '2017-06-30', proposedDueOn: '2017-07-20', reason: 'again' },
      taskId,
      'CONFLICT',
    );
    await run(DECIDE, { extensionId: requestExtension.id, approve: false, decidedOn: '2017-07-01' });
    await expectRefused(
      DECIDE,
      { extensionId: requestExtension.id, approve: true, decidedOn: '2017-07-02' },
      taskId,
      'CONFLICT',
    );
    // Rejected: the deadline in force is still 30 June, so 1 July is too late to ask.
    await expectRefused(
      REQUEST,
      { taskId, requestedOn: '2017-07-01', proposedDueOn: '2017-07-20', reason: 'late' },
      taskId,
      'CONFLICT',
    );
    await expectRefused(
      REQUEST,
      { taskId, requestedOn: '2017-06-20', proposedDueOn: '2017-06-25', reason: 'earlier' },
      taskId,
      'BAD_USER_INPUT',
      'proposedDueOn',
    );

    const openEnded = await assign({ assignedOn: '2017-06-01', dueOn: null });
    await expectRefused(
      REQUEST,
      { taskId: openEnded, requestedOn: '2017-06-02', proposedDueOn: '2017-07-01', reason: 'x' },
      openEnded,
      'CONFLICT',
    );
  });

  it('completion is confirmed once, and a completed task cannot be withdrawn', async () => {
    const taskId = await assign({ assignedOn: '2017-07-01', dueOn: '2017-07-31' });
    await expectRefused(CONFIRM, { taskId, confirmedOn: '2017-07-10' }, taskId, 'CONFLICT');
    await run(SUBMIT, { taskId, completedOn: '2017-07-10', note: 'Xong' });
    await expectRefused(SUBMIT, { taskId, completedOn: '2017-07-11', note: 'again' }, taskId, 'CONFLICT');
    await expectRefused(CONFIRM, { taskId, confirmedOn: '2017-07-09' }, taskId, 'BAD_USER_INPUT', 'confirmedOn');
    await run(CONFIRM, { taskId, confirmedOn: '2017-07-12' });
    await expectRefused(CONFIRM, { taskId, confirmedOn: '2017-07-13' }, taskId, 'CONFLICT');
    await expectRefused(WITHDRAW, { taskId, withdrawnOn: '2017-07-20', reason: 'x' }, taskId, 'CONFLICT');
    await expectRefused(PROGRESS, { taskId, reportedOn: '2017-07-20', note: 'x' }, taskId, 'CONFLICT');
  });

  it('unknown ids answer NOT_FOUND', async () => {
    const result = await client().request(CONFIRM, {
      input: { taskId: '00000000-0000-4000-8000-000000000000', confirmedOn: '2017-01-01' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const decide = await client().request(DECIDE, {
      input: { extensionId: 'nope', approve: true, decidedOn: '2017-01-01' },
    });
    expect(decide.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('invalid input to assignTask answers BAD_USER_INPUT and writes nothing', () => {
  const count = async () => (await client().data<any>(`{ tasks(first: 1) { totalCount } }`)).tasks.totalCount;

  it.each([
    ['an unknown lead unit', { leadOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'leadOrganisationId'],
    ['a lead unit id that is no id', { leadOrganisationId: 'SXD' }, 'leadOrganisationId'],
    [
      'an unknown coordinating unit',
      { coordinatingOrganisationIds: ['00000000-0000-4000-8000-000000000001'] },
      'coordinatingOrganisationIds',
    ],
    ['a due date before the assignment', { assignedOn: '2017-03-10', dueOn: '2017-03-09' }, 'dueOn'],
    ['an assignment in the future', { assignedOn: '2999-01-01' }, 'assignedOn'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an over-long title', { title: 'x'.repeat(501) }, 'title'],
    [
      'a document issued after the assignment',
      { sourceDocument: { number: '1/QĐ-UBND', kind: 'DECISION', issuedOn: '2017-03-11' } },
      'sourceDocument.issuedOn',
    ],
  ])('%s', async (_case, change, field) => {
    const before = await count();
    const result = await client().request(ASSIGN, {
      input: {
        title: 'Nhiệm vụ',
        assignedOn: '2017-03-10',
        dueOn: '2017-04-10',
        leadOrganisationId: units.SXD,
        ...change,
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it.each(['2017-02-30', '10/03/2017', '2017-3-10', ''])('the impossible or malformed date %j', async (assignedOn) => {
    const before = await count();
    const result = await client().request(ASSIGN, {
      input: { title: 'Nhiệm vụ', assignedOn, leadOrganisationId: units.SXD },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('a timestamp is read as its date in Asia/Ho_Chi_Minh', async () => {
    const taskId = await assign({ assignedOn: '2017-03-09T18:30:00Z', dueOn: '2017-03-20' });
    const { task } = await client().data<any>(TASK, { id: taskId });
    expect(task.assignedOn).toBe('2017-03-10');
  });
});
