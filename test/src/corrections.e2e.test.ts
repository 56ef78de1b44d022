import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * Corrections (RULES.md "Corrections") through the gateway: the figures count the corrected task
 * for every as-of date, an inspection keeps the figures it recorded, and every refusal the rules
 * name changes nothing.
 */
const CORRECT = contractOperation('corrections.graphql', 'CorrectTask');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const RECORD_INSPECTION = contractOperation('inspections.graphql', 'RecordInspection');
const FIGURES = `query ($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {
  organisation(id: $id) { compliance(from: $from, to: $to, asOf: $asOf) {
    assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline } } }`;
const STATE = `query ($id: ID!) { task(id: $id) {
  version title description assignedOn originalDueOn dueOn deadlineWorkingDays priority status
  sourceDocument { number kind issuedOn signer } coordinatingOrganisations { id }
  history { action reason changes { field before after } } } }`;
const INSPECTION_FIGURES = `query ($id: ID!) { inspection(id: $id) {
  recordedCompliance { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline }
  compliance { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline } } }`;

let stack: TestStack;
const client = () => stack.gateway.client;
const leadOf = new Map<string, string>();
const leadUnit = (taskId: string) => stack.as({ roles: ['UNIT'], org: leadOf.get(taskId)! });

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function unit(code: string): Promise<string> {
  const { createOrganisation } = await client().data<any>(CREATE_UNIT, {
    input: { code, name: `Đơn vị ${code}`, kind: 'DEPARTMENT' },
  });
  return createOrganisation.id;
}

async function task(leadOrganisationId: string, assignedOn: string, dueOn: string | null, more = {}): Promise<string> {
  const { assignTask } = await client().data<any>(ASSIGN, {
    input: { title: 'Nhiệm vụ', assignedOn, dueOn, leadOrganisationId, ...more },
  });
  leadOf.set(assignTask.id, leadOrganisationId);
  return assignTask.id;
}

async function requestExtension(taskId: string, requestedOn: string, proposedDueOn: string): Promise<string> {
  const { requestExtension } = await leadUnit(taskId).data<any>(REQUEST, {
    input: { taskId, requestedOn, proposedDueOn, reason: 'Cần thêm thời gian' },
  });
  return requestExtension.id;
}

async function extend(taskId: string, requestedOn: string, proposedDueOn: string, decidedOn: string, approve = true) {
  const extensionId = await requestExtension(taskId, requestedOn, proposedDueOn);
  await client().data(DECIDE, { input: { extensionId, approve, decidedOn } });
}

async function complete(taskId: string, completedOn: string) {
  await leadUnit(taskId).data(SUBMIT, { input: { taskId, completedOn, note: 'Đã hoàn thành' } });
  await client().data(CONFIRM, { input: { taskId, confirmedOn: completedOn } });
}

async function state(taskId: string) {
  return (await client().data<any>(STATE, { id: taskId })).task;
}

async function figures(id: string, from: string, to: string, asOf: string) {
  return (await client().data<any>(FIGURES, { id, from, to, asOf })).organisation.compliance;
}

/** The figures of a unit for each (period, as-of date), read in one go. */
async function figuresFor(id: string, reads: ReadonlyArray<readonly [string, string, string]>) {
  return Promise.all(reads.map(([from, to, asOf]) => figures(id, from, to, asOf)));
}

async function correct(taskId: string, fields: Record<string, unknown>, reason = 'Nhập sai khi giao') {
  const { version } = await state(taskId);
  return (await client().data<any>(CORRECT, { input: { taskId, expectedVersion: version, reason, ...fields } }))
    .correctTask;
}

const counts = (
  completedOnTime: number,
  completedLate: number,
  inProgressWithinDeadline: number,
  inProgressOverdue: number,
  withoutDeadline = 0,
) => ({
  assigned: completedOnTime + completedLate + inProgressWithinDeadline + inProgressOverdue,
  completedOnTime,
  completedLate,
  inProgressWithinDeadline,
  inProgressOverdue,
  withoutDeadline,
});

describe('the figures count the corrected task, for every as-of date', () => {
  it('a corrected original deadline moves tasks between buckets; approved extensions still count from their decision', async () => {
    const id = await unit('C-DUE');
    // Extended on 5 April (asked on 30 March) to 15 April, completed on 10 April: on time once extended.
    const extended = await task(id, '2017-03-01', '2017-03-31');
    await extend(extended, '2017-03-30', '2017-04-15', '2017-04-05');
    await complete(extended, '2017-04-10');
    // Due 10 March, completed on 15 March: late.
    const late = await task(id, '2017-03-01', '2017-03-10');
    await complete(late, '2017-03-15');
    const march = ['2017-03-01', '2017-03-31'] as const;
    const reads = [
      [...march, '2017-03-12'],
      [...march, '2017-04-01'],
      [...march, '2017-04-03'],
      [...march, '2017-04-30'],
    ] as const;
    // Read first, so that the figures are cached when the corrections are written.
    expect(await figuresFor(id, reads)).toEqual([
      counts(0, 0, 1, 1), // the late one overdue since 11 March
      counts(0, 1, 0, 1), // the extended one overdue since 1 April
      counts(0, 1, 0, 1),
      counts(1, 1, 0, 0),
    ]);

    const corrected = await correct(extended, { originalDueOn: '2017-04-02' });
    // The original deadline only: the extension approved on 5 April still sets the deadline from then.
    expect(corrected).toMatchObject({ originalDueOn: '2017-04-02', dueOn: '2017-04-15' });
    expect(await figuresFor(id, reads)).toEqual([
      counts(0, 0, 1, 1),
      counts(0, 1, 1, 0), // within its corrected deadline on 1 April
      counts(0, 1, 0, 1), // overdue on 3 April, before the extension of 5 April
      counts(1, 1, 0, 0),
    ]);

    await correct(late, { originalDueOn: '2017-03-20' });
    expect(await figuresFor(id, reads)).toEqual([
      counts(0, 0, 2, 0),
      counts(1, 0, 1, 0), // completed on 15 March, within the corrected deadline
      counts(1, 0, 0, 1),
      counts(2, 0, 0, 0),
    ]);

    // No deadline at all: on time whenever it was done.
    await correct(late, { originalDueOn: null });
    expect((await figuresFor(id, reads))[3]).toEqual(counts(2, 0, 0, 0, 1));
  });

  it('a corrected assignment date moves a task out of one period and into the other', async () => {
    const id = await unit('C-ASG');
    const moved = await task(id, '2017-03-31', '2017-05-31');
    await task(id, '2017-03-15', '2017-05-31');
    const reads = [
      ['2017-03-01', '2017-03-31', '2017-03-31'],
      ['2017-03-01', '2017-03-31', '2017-04-30'],
      ['2017-04-01', '2017-04-30', '2017-04-01'],
      ['2017-04-01', '2017-04-30', '2017-04-30'],
    ] as const;
    expect(await figuresFor(id, reads)).toEqual([
      counts(0, 0, 2, 0),
      counts(0, 0, 2, 0),
      counts(0, 0, 0, 0),
      counts(0, 0, 0, 0),
    ]);

    const corrected = await correct(moved, { assignedOn: '2017-04-02' });
    expect(corrected).toMatchObject({ assignedOn: '2017-04-02', originalDueOn: '2017-05-31', dueOn: '2017-05-31' });
    expect(await figuresFor(id, reads)).toEqual([
      counts(0, 0, 1, 0),
      counts(0, 0, 1, 0),
      counts(0, 0, 0, 0), // as of 1 April it was not assigned yet
      counts(0, 0, 1, 0),
    ]);
  });
});

describe('the history of a correction', () => {
  it('keeps the reason and each changed field before and after, as the input names it', async () => {
    const id = await unit('C-HIS');
    const other = await unit('C-HIS2');
    const taskId = await task(id, '2017-05-02', '2017-06-30', {
      title: 'Báo cáo tình hình',
      sourceDocument: { number: '12/QĐ-UBND', kind: 'DECISION', issuedOn: '2017-05-01' },
    });
    const { version } = await state(taskId);
    const { correctTask } = await client().data<any>(CORRECT, {
      input: {
        taskId,
        expectedVersion: version,
        reason: 'Văn bản giao ghi sai ngày và tiêu đề',
        title: '  Báo cáo   tình hình quý II ',
        assignedOn: '2017-05-03',
        originalDueOn: '2017-07-15',
        priority: 'ROUTINE',
        sourceDocument: { number: '12/QĐ-UBND', kind: 'PLAN', issuedOn: '2017-05-02' },
        coordinatingOrganisationIds: [other],
      },
    });
    expect(correctTask).toMatchObject({
      id: taskId,
      version: version + 1,
      title: 'Báo cáo tình hình quý II',
      assignedOn: '2017-05-03',
      originalDueOn: '2017-07-15',
      dueOn: '2017-07-15',
    });
    expect(correctTask.history.map((entry: any) => entry.action)).toEqual(['ASSIGNED', 'CORRECTED']);
    expect(correctTask.history[1]).toMatchObject({
      actor: expect.any(String),
      reason: 'Văn bản giao ghi sai ngày và tiêu đề',
      changes: [
        { field: 'title', before: 'Báo cáo tình hình', after: 'Báo cáo tình hình quý II' },
        { field: 'assignedOn', before: '2017-05-02', after: '2017-05-03' },
        { field: 'originalDueOn', before: '2017-06-30', after: '2017-07-15' },
        { field: 'sourceDocument.kind', before: 'DECISION', after: 'PLAN' },
        { field: 'sourceDocument.issuedOn', before: '2017-05-01', after: '2017-05-02' },
        { field: 'coordinatingOrganisationIds', before: null, after: other },
      ],
    });
    expect(Number.isNaN(Date.parse(correctTask.history[1].at))).toBe(false);
    expect(correctTask.history[0]).toMatchObject({ reason: null, changes: [] });
    expect(await state(taskId)).toMatchObject({
      priority: 'ROUTINE',
      sourceDocument: { number: '12/QĐ-UBND', kind: 'PLAN', issuedOn: '2017-05-02', signer: null },
      coordinatingOrganisations: [{ id: other }],
    });
    // The task feed carries the correction.
    const { taskEvents } = await client().data<any>(
      `query ($id: ID!) { taskEvents(filter: { taskIds: [$id] }) { edges { node { type } } } }`,
      { id: taskId },
    );
    expect(taskEvents.edges.map((edge: any) => edge.node.type)).toEqual(['ASSIGNED', 'CORRECTED']);
    // Search finds the corrected title.
    const { tasks } = await client().data<any>(
      `query { tasks(filter: { search: "tinh hinh quy ii" }) { edges { node { id } } } }`,
    );
    expect(tasks.edges.map((edge: any) => edge.node.id)).toEqual([taskId]);
  });
});

describe('an inspection keeps the figures it recorded', () => {
  it('its recorded figures stay, its live ones count the corrected task', async () => {
    const id = await unit('C-INS');
    const taskId = await task(id, '2017-03-01', '2017-03-20');
    await task(id, '2017-03-01', '2017-04-30');
    const { recordInspection } = await client().data<any>(RECORD_INSPECTION, {
      input: {
        organisationId: id,
        team: 'Tổ công tác số 1',
        inspectedOn: '2017-04-05',
        periodFrom: '2017-03-01',
        periodTo: '2017-03-31',
        conclusions: ['Khắc phục nhiệm vụ quá hạn'],
      },
    });
    const before = (await client().data<any>(INSPECTION_FIGURES, { id: recordInspection.id })).inspection;
    expect(before.recordedCompliance).toEqual(counts(0, 0, 1, 1));
    expect(before.compliance).toEqual(before.recordedCompliance);

    await correct(taskId, { originalDueOn: '2017-04-10' });
    const after = (await client().data<any>(INSPECTION_FIGURES, { id: recordInspection.id })).inspection;
    expect(after.recordedCompliance).toEqual(before.recordedCompliance);
    expect(after.compliance).toEqual(counts(0, 0, 2, 0));
  });
});

describe('a refused correction changes nothing', () => {
  let id: string;
  let other: string;
  beforeAll(async () => {
    id = await unit('C-REF');
    other = await unit('C-REF2');
  });

  async function expectRefused(
    taskId: string,
    fields: Record<string, unknown>,
    expected: Record<string, unknown>,
    as = client(),
  ) {
    const before = await state(taskId);
    const march = await figures(id, '2017-01-01', '2017-12-31', '2017-12-31');
    const result = await as.request(CORRECT, {
      input: { taskId, expectedVersion: before.version, reason: 'Nhập sai', ...fields },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject(expected);
    expect(result.data).toBeNull();
    expect(await state(taskId)).toEqual(before);
    expect(await figures(id, '2017-01-01', '2017-12-31', '2017-12-31')).toEqual(march);
  }

  it('a withdrawn task: CONFLICT', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await client().data(WITHDRAW, { input: { taskId, withdrawnOn: '2017-03-10', reason: 'Không còn phù hợp' } });
    await expectRefused(taskId, { title: 'Sửa' }, { code: 'CONFLICT' });
    await expectRefused(taskId, { assignedOn: '2017-03-02' }, { code: 'CONFLICT' });
  });

  it('removing the deadline of a task with extension requests: CONFLICT', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await extend(taskId, '2017-03-20', '2017-04-30', '2017-03-21', false);
    await expectRefused(taskId, { originalDueOn: null }, { code: 'CONFLICT', field: 'originalDueOn' });
  });

  it('nothing changed: BAD_USER_INPUT', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await expectRefused(taskId, {}, { code: 'BAD_USER_INPUT' });
    await expectRefused(taskId, { title: ' Nhiệm vụ ', originalDueOn: '2017-03-31' }, { code: 'BAD_USER_INPUT' });
  });

  it('an assignment date after a recorded step, in the future, or before the document: BAD_USER_INPUT assignedOn', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31', {
      sourceDocument: { number: '7/KH-UBND', kind: 'PLAN', issuedOn: '2017-02-20' },
    });
    await leadUnit(taskId).data(PROGRESS, { input: { taskId, reportedOn: '2017-03-10', note: 'Đang làm' } });
    await expectRefused(taskId, { assignedOn: '2017-03-11' }, { code: 'BAD_USER_INPUT', field: 'assignedOn' });
    await expectRefused(taskId, { assignedOn: '2099-01-01' }, { code: 'BAD_USER_INPUT', field: 'assignedOn' });
    await expectRefused(taskId, { assignedOn: '2017-02-19' }, { code: 'BAD_USER_INPUT', field: 'assignedOn' });
    await expectRefused(
      taskId,
      { sourceDocument: { number: '7/KH-UBND', kind: 'PLAN', issuedOn: '2017-03-02' } },
      { code: 'BAD_USER_INPUT', field: 'sourceDocument.issuedOn' },
    );
  });

  it('a deadline before the assignment: BAD_USER_INPUT originalDueOn', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await expectRefused(taskId, { originalDueOn: '2017-02-28' }, { code: 'BAD_USER_INPUT', field: 'originalDueOn' });
  });

  it('an extension request dated after the corrected deadline in force that day: BAD_USER_INPUT originalDueOn', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await extend(taskId, '2017-03-30', '2017-04-15', '2017-04-05');
    // The request of 30 March was within the deadline; with 29 March it would not have been.
    await expectRefused(taskId, { originalDueOn: '2017-03-29' }, { code: 'BAD_USER_INPUT', field: 'originalDueOn' });
  });

  it('a blank reason, bad text, unknown or lead coordinating units: BAD_USER_INPUT naming the field', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    await expectRefused(taskId, { reason: '   ', title: 'Sửa' }, { code: 'BAD_USER_INPUT', field: 'reason' });
    await expectRefused(taskId, { title: 'Hai\ndòng' }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRefused(taskId, { title: null }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRefused(
      taskId,
      { coordinatingOrganisationIds: ['00000000-0000-5000-8000-000000000000'] },
      { code: 'BAD_USER_INPUT', field: 'coordinatingOrganisationIds' },
    );
    await expectRefused(
      taskId,
      { coordinatingOrganisationIds: [other, id] },
      { code: 'BAD_USER_INPUT', field: 'coordinatingOrganisationIds' },
    );
  });

  it('a stale expectedVersion: CONFLICT with the current version', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    const { version } = await state(taskId);
    await leadUnit(taskId).data(PROGRESS, { input: { taskId, reportedOn: '2017-03-10', note: 'Đang làm' } });
    const before = await state(taskId);
    const result = await client().request(CORRECT, {
      input: { taskId, expectedVersion: version, reason: 'Nhập sai', title: 'Sửa' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'expectedVersion',
      currentVersion: version + 1,
    });
    expect(await state(taskId)).toEqual(before);
  });

  it('two corrections of the same version at once: one is written, the other CONFLICT', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    const { version } = await state(taskId);
    const results = await Promise.all(
      ['Sửa A', 'Sửa B'].map((title) =>
        client().request(CORRECT, { input: { taskId, expectedVersion: version, reason: 'Nhập sai', title } }),
      ),
    );
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'written').sort()).toEqual([
      'CONFLICT',
      'written',
    ]);
    const after = await state(taskId);
    expect(after.version).toBe(version + 1);
    expect(after.history.filter((entry: any) => entry.action === 'CORRECTED')).toHaveLength(1);
  });

  it('any role but OFFICE: FORBIDDEN', async () => {
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    for (const claims of [
      { roles: ['UNIT'], org: id },
      { roles: ['LEADER'] },
      { roles: ['READER'] },
      { roles: ['INSPECTOR'] },
    ]) {
      await expectRefused(taskId, { title: 'Sửa' }, { code: 'FORBIDDEN' }, stack.as(claims));
    }
  });

  it('a task that does not exist: NOT_FOUND', async () => {
    const result = await client().request(CORRECT, {
      input: { taskId: '00000000-0000-5000-8000-000000000000', expectedVersion: 1, reason: 'x', title: 'Sửa' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('idempotency', () => {
  it('the same key and input returns the first result; the same key with other input: CONFLICT', async () => {
    const id = await unit('C-IDM');
    const taskId = await task(id, '2017-03-01', '2017-03-31');
    const { version } = await state(taskId);
    const input = {
      taskId,
      expectedVersion: version,
      reason: 'Nhập sai',
      title: 'Sửa một lần',
      idempotencyKey: 'fix-1',
    };
    const first = await client().data<any>(CORRECT, { input });
    const again = await client().data<any>(CORRECT, { input });
    expect(again).toEqual(first);
    expect(first.correctTask.version).toBe(version + 1);
    expect((await state(taskId)).history.map((entry: any) => entry.action)).toEqual(['ASSIGNED', 'CORRECTED']);

    const before = await state(taskId);
    const other = await client().request(CORRECT, { input: { ...input, title: 'Sửa lần khác' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await state(taskId)).toEqual(before);
  });
});
