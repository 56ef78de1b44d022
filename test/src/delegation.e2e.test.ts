import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** RULES.md, Delegation inside a unit, through the gateway. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const CORRECT = contractOperation('corrections.graphql', 'CorrectTask');
const DELEGATE = contractOperation('coordination.graphql', 'DelegateTask');
const INTERNAL = contractOperation('coordination.graphql', 'InternalCompliance');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const STATE = `query ($id: ID!) { task(id: $id) { version status withdrawnOn parent { id } subtasks { id status withdrawnOn } } }`;
const SUMMARY = `query { complianceSummary(from: "2017-01-01", to: "2017-12-31", asOf: "2017-12-31") { totals { assigned } } }`;
const UNIT_FIGURES = `query ($kinds: [OrganisationKind!]) { organisations(kinds: $kinds) { code compliance(from: "2017-01-01", to: "2017-12-31", asOf: "2017-12-31") { assigned } } }`;

let stack: TestStack;
const units: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  const create = async (code: string, kind: string, parentId?: string) => {
    const { createOrganisation } = await office().data<{ createOrganisation: { id: string } }>(CREATE_UNIT, {
      input: { code, name: code, kind, parentId },
    });
    units[code] = createOrganisation.id;
  };
  await create('SXD', 'DEPARTMENT');
  await create('SYT', 'DEPARTMENT');
  await create('SXD-QH', 'DIVISION', units.SXD);
  await create('SXD-KT', 'DIVISION', units.SXD);
  await create('SYT-NV', 'DIVISION', units.SYT);
});

afterAll(async () => {
  await stack?.stop();
});

const office = () => stack.gateway.client;
const unit = (code: string) => stack.as({ roles: ['UNIT'], org: units[code] });

async function assign(dueOn: string | null = '2017-03-31'): Promise<string> {
  const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
    input: { title: 'Nhiệm vụ của Sở', leadOrganisationId: units.SXD, assignedOn: '2017-03-01', dueOn },
  });
  return assignTask.id;
}

async function delegate(taskId: string, input: Record<string, unknown> = {}, as = unit('SXD')): Promise<string> {
  const { delegateTask } = await as.data<{ delegateTask: { id: string } }>(DELEGATE, {
    input: { taskId, divisionId: units['SXD-QH'], assignedOn: '2017-03-05', dueOn: '2017-03-25', ...input },
  });
  return delegateTask.id;
}

async function expectRefused(taskId: string, input: Record<string, unknown>, expected: object, as = unit('SXD')) {
  const before = await office().data(STATE, { id: taskId });
  const result = await as.request(DELEGATE, {
    input: { taskId, divisionId: units['SXD-QH'], assignedOn: '2017-03-05', dueOn: '2017-03-25', ...input },
  });
  expect(result.errors?.[0]?.extensions).toMatchObject(expected);
  expect(result.data).toBeNull();
  expect(await office().data(STATE, { id: taskId })).toEqual(before);
}

describe('divisions', () => {
  it('stand only under a unit, and a unit lists its own', async () => {
    for (const parentId of [undefined, units['SXD-QH']]) {
      const result = await office().request(CREATE_UNIT, {
        input: { code: `X-${parentId ?? 'top'}`.slice(0, 30), name: 'x', kind: 'DIVISION', parentId },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    }
    const { organisation } = await office().data<{ organisation: any }>(INTERNAL, {
      id: units.SXD,
      from: '2017-01-01',
      to: '2017-12-31',
    });
    expect(organisation.divisions.map((division: any) => division.code)).toEqual(['SXD-KT', 'SXD-QH']);
  });

  it('are never the lead unit of a task without a parent', async () => {
    const result = await office().request(ASSIGN, {
      input: { title: 'x', leadOrganisationId: units['SXD-QH'], assignedOn: '2017-03-01' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadOrganisationId' });
  });
});

describe('delegateTask', () => {
  it('makes a sub-task led by the division, with the task as parent, a DELEGATED event and its own life', async () => {
    const taskId = await assign();
    const { delegateTask } = await unit('SXD').data<{ delegateTask: any }>(DELEGATE, {
      input: {
        taskId,
        divisionId: units['SXD-QH'],
        assignedOn: '2017-03-05',
        dueOn: '2017-03-25',
        title: 'Phần quy hoạch',
      },
    });
    expect(delegateTask).toEqual({
      id: expect.any(String),
      parent: { id: taskId },
      leadOrganisation: { id: units['SXD-QH'], code: 'SXD-QH', kind: 'DIVISION' },
      dueOn: '2017-03-25',
    });
    const subtaskId = delegateTask.id;
    const { task } = await office().data<{ task: any }>(STATE, { id: taskId });
    expect(task.subtasks).toEqual([{ id: subtaskId, status: 'IN_PROGRESS', withdrawnOn: null }]);

    // The division's staff act as its lead unit, the parent unit's as its assigning side.
    const division = unit('SXD-QH');
    const { requestExtension } = await division.data<{ requestExtension: { id: string } }>(REQUEST, {
      input: { taskId: subtaskId, requestedOn: '2017-03-20', proposedDueOn: '2017-03-31', reason: 'Cần thêm' },
    });
    const beyond = await division.request(REQUEST, {
      input: { taskId: subtaskId, requestedOn: '2017-03-20', proposedDueOn: '2017-04-01', reason: 'x' },
    });
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' }); // one is already waiting
    const notTheirs = await unit('SYT').request(DECIDE, {
      input: { extensionId: requestExtension.id, approve: true, decidedOn: '2017-03-21' },
    });
    expect(notTheirs.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const byDivision = await division.request(DECIDE, {
      input: { extensionId: requestExtension.id, approve: true, decidedOn: '2017-03-21' },
    });
    expect(byDivision.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    await unit('SXD').data(DECIDE, {
      input: { extensionId: requestExtension.id, approve: true, decidedOn: '2017-03-21' },
    });
    const pastParent = await division.request(REQUEST, {
      input: { taskId: subtaskId, requestedOn: '2017-03-22', proposedDueOn: '2017-04-01', reason: 'x' },
    });
    expect(pastParent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proposedDueOn' });
    await division.data(SUBMIT, { input: { taskId: subtaskId, completedOn: '2017-03-30', note: 'Xong' } });
    await unit('SXD').data(CONFIRM, { input: { taskId: subtaskId, confirmedOn: '2017-03-31', quality: 4 } });
    // A UNIT user never decides on a task the People's Committee assigned.
    const confirmTop = await unit('SXD').request(CONFIRM, { input: { taskId, confirmedOn: '2017-03-31' } });
    expect(confirmTop.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const { taskEvents } = await office().data<{ taskEvents: any }>(EVENTS, {
      first: 10,
      filter: { taskIds: [taskId], types: ['DELEGATED'] },
    });
    expect(taskEvents.edges.map((edge: any) => [edge.node.type, edge.node.on])).toEqual([['DELEGATED', '2017-03-05']]);
  });

  it('refuses with the code and field RULES.md names, changing nothing', async () => {
    const taskId = await assign();
    await expectRefused(taskId, { dueOn: '2017-04-01' }, { code: 'BAD_USER_INPUT', field: 'dueOn' });
    await expectRefused(taskId, { dueOn: null }, { code: 'BAD_USER_INPUT', field: 'dueOn' });
    await expectRefused(taskId, { assignedOn: '2017-02-28' }, { code: 'BAD_USER_INPUT', field: 'assignedOn' });
    await expectRefused(taskId, { divisionId: units['SYT-NV'] }, { code: 'BAD_USER_INPUT', field: 'divisionId' });
    await expectRefused(taskId, { divisionId: units.SYT }, { code: 'BAD_USER_INPUT', field: 'divisionId' });
    // A division's staff do not see the task itself: it answers as one that does not exist.
    await expectRefused(taskId, {}, { code: 'NOT_FOUND' }, unit('SXD-QH'));
    const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
      input: {
        title: 'Của Sở Y tế',
        leadOrganisationId: units.SYT,
        coordinatingOrganisationIds: [units.SXD],
        assignedOn: '2017-03-01',
      },
    });
    await expectRefused(assignTask.id, { dueOn: null }, { code: 'FORBIDDEN' });
    const withdrawn = await assign();
    await office().data(WITHDRAW, { input: { taskId: withdrawn, withdrawnOn: '2017-03-10', reason: 'x' } });
    await expectRefused(withdrawn, {}, { code: 'CONFLICT' });
  });

  it('a correction of a sub-task keeps to its parent', async () => {
    const taskId = await assign();
    const subtaskId = await delegate(taskId);
    for (const [change, field] of [
      [{ originalDueOn: '2017-04-01' }, 'originalDueOn'],
      [{ originalDueOn: null }, 'originalDueOn'],
      [{ assignedOn: '2017-02-28' }, 'assignedOn'],
    ] as const) {
      const result = await office().request(CORRECT, {
        input: { taskId: subtaskId, expectedVersion: 1, reason: 'Sai', ...change },
      });
      expect([change, result.errors?.[0]?.extensions]).toEqual([
        change,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    await office().data(CORRECT, {
      input: { taskId: subtaskId, expectedVersion: 1, reason: 'Sai', originalDueOn: '2017-03-31' },
    });
  });

  it('the Office may delegate; a task with no deadline gives sub-tasks any deadline or none', async () => {
    const taskId = await assign(null);
    expect(await delegate(taskId, { dueOn: null }, office())).toEqual(expect.any(String));
    expect(await delegate(taskId, { dueOn: '2019-01-01' })).toEqual(expect.any(String));
  });

  it('withdrawing a task withdraws its open sub-tasks on the same date', async () => {
    const taskId = await assign();
    const open = await delegate(taskId);
    const done = await delegate(taskId, { divisionId: units['SXD-KT'] });
    await unit('SXD-KT').data(SUBMIT, { input: { taskId: done, completedOn: '2017-03-10', note: 'Xong' } });
    await office().data(CONFIRM, { input: { taskId: done, confirmedOn: '2017-03-11' } });
    await office().data(WITHDRAW, { input: { taskId, withdrawnOn: '2017-03-12', reason: 'Không cần nữa' } });
    const { task } = await office().data<{ task: any }>(STATE, { id: taskId });
    const byId = Object.fromEntries(task.subtasks.map((each: any) => [each.id, each]));
    expect(byId[open]).toEqual({ id: open, status: 'WITHDRAWN', withdrawnOn: '2017-03-12' });
    expect(byId[done]).toEqual({ id: done, status: 'COMPLETED', withdrawnOn: null });
  });
});

describe('the figures', () => {
  it('of every division of a unit cost the same SQL statements for 2 divisions as for 8', async () => {
    const statements = async () => {
      const counter = stack.services.assignments.database.queries;
      const before = counter.statements;
      await office().data(INTERNAL, { id: units.SXD, from: '2017-01-01', to: '2017-12-31', asOf: '2017-12-31' });
      return counter.statements - before;
    };
    const few = await statements();
    for (let index = 0; index < 6; index++) {
      await office().data(CREATE_UNIT, {
        input: { code: `SXD-P${index}`, name: `Phòng ${index}`, kind: 'DIVISION', parentId: units.SXD },
      });
    }
    // The figures of every division in one statement (and the cache's versions in one more).
    expect(await statements()).toBe(few);
    expect(few).toBeLessThanOrEqual(2);
  });

  it('count sub-tasks only for their division: never for units of another kind nor province-wide', async () => {
    const before = await office().data<{ complianceSummary: any }>(SUMMARY);
    const unitsBefore = await office().data<{ organisations: any[] }>(UNIT_FIGURES, { kinds: ['DEPARTMENT'] });
    const taskId = await assign();
    await delegate(taskId, { divisionId: units['SXD-KT'] });
    await delegate(taskId, { divisionId: units['SXD-KT'] });
    const after = await office().data<{ complianceSummary: any }>(SUMMARY);
    expect(after.complianceSummary.totals.assigned).toBe(before.complianceSummary.totals.assigned + 1);
    const sxd = (list: any[]) => list.find((each) => each.code === 'SXD').compliance.assigned;
    expect(
      sxd((await office().data<{ organisations: any[] }>(UNIT_FIGURES, { kinds: ['DEPARTMENT'] })).organisations),
    ).toBe(sxd(unitsBefore.organisations) + 1);
    const { organisation } = await office().data<{ organisation: any }>(INTERNAL, {
      id: units.SXD,
      from: '2017-01-01',
      to: '2017-12-31',
      asOf: '2017-12-31',
    });
    const kt = organisation.divisions.find((division: any) => division.code === 'SXD-KT');
    expect(kt.compliance.assigned).toBeGreaterThanOrEqual(2);
    expect(kt.compliance.assigned).toBe(
      kt.compliance.inProgressOverdue +
        kt.compliance.completedOnTime +
        kt.compliance.completedLate +
        kt.compliance.inProgressWithinDeadline,
    );
  });
});
