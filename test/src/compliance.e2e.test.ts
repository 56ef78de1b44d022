import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * Each rule of RULES.md through the gateway: tasks are built with the real mutations, then the
 * figures are read with the contract's operations.
 */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
const DECIDE = contractOperation('tasks.graphql', 'DecideExtension');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const RETURN = contractOperation('tasks.graphql', 'ReturnCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const OVERDUE = contractOperation('tasks.graphql', 'OverdueTasks');
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const PROVINCE = contractOperation('compliance.graphql', 'ProvinceCompliance');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const UNIT_FIGURES = `query ($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {
  organisation(id: $id) { compliance(from: $from, to: $to, asOf: $asOf) { assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline due completionRate onTimeRate asOf } }
}`;

let stack: TestStack;
const client = () => stack.gateway.client;
const leadOf = new Map<string, string>();
/** The lead unit of a task, which alone reports on it. */
const leadUnit = (taskId: string) => stack.as({ roles: ['UNIT'], org: leadOf.get(taskId)! });

async function unit(code: string, kind = 'DEPARTMENT'): Promise<string> {
  const { createOrganisation } = await client().data<any>(CREATE_UNIT, {
    input: { code, name: `Đơn vị ${code}`, kind },
  });
  return createOrganisation.id;
}

async function task(
  leadOrganisationId: string,
  assignedOn: string,
  dueOn: string | null,
  title = 'Nhiệm vụ',
): Promise<string> {
  const { assignTask } = await client().data<any>(ASSIGN, { input: { title, assignedOn, dueOn, leadOrganisationId } });
  leadOf.set(assignTask.id, leadOrganisationId);
  return assignTask.id;
}

async function complete(taskId: string, completedOn: string, confirm = true) {
  await leadUnit(taskId).data(SUBMIT, { input: { taskId, completedOn, note: 'Đã hoàn thành' } });
  if (confirm) await client().data(CONFIRM, { input: { taskId, confirmedOn: completedOn } });
}

async function extend(taskId: string, requestedOn: string, proposedDueOn: string, decidedOn: string, approve = true) {
  const { requestExtension } = await leadUnit(taskId).data<any>(REQUEST, {
    input: { taskId, requestedOn, proposedDueOn, reason: 'Lý do' },
  });
  await client().data(DECIDE, { input: { extensionId: requestExtension.id, approve, decidedOn } });
}

async function figures(id: string, from: string, to: string, asOf?: string) {
  return (await client().data<any>(UNIT_FIGURES, { id, from, to, asOf })).organisation.compliance;
}

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('the rules of RULES.md, through the gateway', () => {
  it('a deadline is met on its own day', async () => {
    const id = await unit('R1');
    await complete(await task(id, '2017-03-01', '2017-03-31'), '2017-03-31');
    await complete(await task(id, '2017-03-01', '2017-03-31'), '2017-04-01');
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-04-30')).toMatchObject({
      assigned: 2,
      completedOnTime: 1,
      completedLate: 1,
      due: 2,
      completionRate: 1,
      onTimeRate: 0.5,
    });
  });

  it('an extension approved on the due day moves the deadline; one approved after completion does not help', async () => {
    const id = await unit('R2');
    const rescued = await task(id, '2017-03-01', '2017-03-31');
    await extend(rescued, '2017-03-31', '2017-04-15', '2017-03-31');
    await complete(rescued, '2017-04-10');
    const tooLate = await task(id, '2017-03-01', '2017-03-20');
    await extend(tooLate, '2017-03-20', '2017-04-30', '2017-04-12');
    await complete(tooLate, '2017-04-10');
    const rejected = await task(id, '2017-03-01', '2017-03-20');
    await extend(rejected, '2017-03-15', '2017-04-30', '2017-03-16', false);
    await complete(rejected, '2017-04-01');
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-05-01')).toMatchObject({
      assigned: 3,
      completedOnTime: 1,
      completedLate: 2,
    });
  });

  it('a completion after asOf, or not confirmed, or returned, is not a completion', async () => {
    const id = await unit('R3');
    await complete(await task(id, '2017-03-01', '2017-03-31'), '2017-04-05');
    await complete(await task(id, '2017-03-01', '2017-04-30'), '2017-03-20', false);
    const returned = await task(id, '2017-03-01', '2017-03-10');
    await complete(returned, '2017-03-05', false);
    await client().data(RETURN, { input: { taskId: returned, returnedOn: '2017-03-06', reason: 'Chưa đạt' } });
    // As of 1 April: the first is overdue (completed only on 5 April), the second within its deadline
    // (reported, not confirmed), the returned one overdue.
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-04-01')).toMatchObject({
      assigned: 3,
      completedOnTime: 0,
      completedLate: 0,
      inProgressWithinDeadline: 1,
      inProgressOverdue: 2,
    });
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-04-05')).toMatchObject({
      completedLate: 1,
      inProgressOverdue: 1,
    });
  });

  it('a task withdrawn on asOf is left out; withdrawn the day after, it still counts', async () => {
    const id = await unit('R4');
    await client().data(WITHDRAW, {
      input: { taskId: await task(id, '2017-03-01', '2017-03-10'), withdrawnOn: '2017-04-01', reason: 'Rút' },
    });
    await client().data(WITHDRAW, {
      input: { taskId: await task(id, '2017-03-01', '2017-03-10'), withdrawnOn: '2017-04-02', reason: 'Rút' },
    });
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-04-01')).toMatchObject({
      assigned: 1,
      inProgressOverdue: 1,
    });
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-03-31')).toMatchObject({
      assigned: 2,
      inProgressOverdue: 2,
    });
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-04-02')).toMatchObject({
      assigned: 0,
      due: 0,
      completionRate: null,
      onTimeRate: null,
    });
  });

  it('no deadline: never overdue, always on time; period bounds included; tasks after asOf not yet counted', async () => {
    const id = await unit('R5');
    await task(id, '2017-03-01', null);
    await complete(await task(id, '2017-03-31', null), '2017-12-31');
    await task(id, '2017-02-28', '2017-03-01');
    await task(id, '2017-04-01', '2017-04-02');
    await task(id, '2017-03-20', '2017-03-21');
    expect(await figures(id, '2017-03-01', '2017-03-31', '2018-01-01')).toMatchObject({
      assigned: 3,
      completedOnTime: 1,
      inProgressWithinDeadline: 1,
      inProgressOverdue: 1,
      withoutDeadline: 2,
    });
    expect(await figures(id, '2017-03-01', '2017-03-31', '2017-03-15')).toMatchObject({
      assigned: 1,
      withoutDeadline: 1,
    });
    // The deadline itself: within on the day, overdue the day after.
    expect(await figures(id, '2017-03-20', '2017-03-20', '2017-03-21')).toMatchObject({ inProgressWithinDeadline: 1 });
    expect(await figures(id, '2017-03-20', '2017-03-20', '2017-03-22')).toMatchObject({ inProgressOverdue: 1 });
  });

  it('asOf defaults to `to` for a past period, and a reversed period is refused', async () => {
    const id = await unit('R6');
    expect((await figures(id, '2017-01-01', '2017-01-31')).asOf).toBe('2017-01-31');
    const result = await client().request(UNIT_FIGURES, { id, from: '2017-02-01', to: '2017-01-01' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('the leadership view', () => {
  it('LeadershipCompliance gives each unit its own figures, and ProvinceCompliance their sum', async () => {
    const a = await unit('L1');
    const b = await unit('L2', 'DISTRICT');
    await complete(await task(a, '2017-05-02', '2017-05-20'), '2017-05-10');
    await task(b, '2017-05-03', '2017-05-04');
    const vars = { from: '2017-05-01', to: '2017-05-31', asOf: '2017-06-01' };
    const { organisations } = await client().data<any>(LEADERSHIP, { ...vars, kinds: ['DEPARTMENT', 'DISTRICT'] });
    const byCode = Object.fromEntries(organisations.map((row: any) => [row.code, row.compliance]));
    expect(byCode.L1).toMatchObject({ assigned: 1, completedOnTime: 1, onTimeRate: 1 });
    expect(byCode.L2).toMatchObject({ assigned: 1, inProgressOverdue: 1, completionRate: 0 });
    expect(byCode.R1).toMatchObject({ assigned: 0, completionRate: null });
    const { complianceSummary } = await client().data<any>(PROVINCE, vars);
    expect(complianceSummary.totals).toMatchObject({ assigned: 2, completedOnTime: 1, inProgressOverdue: 1, due: 2 });
  });

  it('costs the same SQL statements in the assignments subgraph for 10 or 1,000 units: two, one when cached', async () => {
    const counter = stack.services.assignments.database.queries;
    const vars = { from: '2017-01-01', to: '2017-12-31', asOf: '2017-12-31' };
    const measure = async () => {
      const before = counter.statements;
      const { organisations } = await client().data<any>(LEADERSHIP, vars);
      return { units: organisations.length, statements: counter.statements - before };
    };
    for (const code of ['T1', 'T2', 'T3']) await unit(code);
    const small = await measure();
    // Test setup only: a thousand units written straight into the organisations service's own table.
    await stack.services.organisations.database.dataSource.query(
      `INSERT INTO organisations.organisation (id, code, name, kind)
       SELECT gen_random_uuid(), 'X-' || n, 'Xã số ' || n, 'COMMUNE' FROM generate_series(1, 1000) AS n`,
    );
    const large = await measure();
    expect(small.units).toBeGreaterThanOrEqual(10);
    expect(large.units).toBe(small.units + 1000);
    // The units' task versions, then the figures of those not cached at their version.
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
    expect((await measure()).statements).toBe(1);
  });

  it('serves cached figures until a write to a unit’s tasks, then exactly that unit’s anew', async () => {
    const [c1, c2] = [await unit('C1'), await unit('C2')];
    const counter = stack.services.assignments.database.queries;
    const vars = { from: '2017-07-01', to: '2017-07-31', asOf: '2017-08-01' };
    const leadership = async () => {
      const { organisations } = await client().data<any>(LEADERSHIP, vars);
      return Object.fromEntries(organisations.map((row: any) => [row.code, row.compliance.assigned]));
    };
    await task(c1, '2017-07-03', '2017-07-20');
    const first = await leadership();
    expect([first.C1, first.C2]).toEqual([1, 0]);
    const before = counter.statements;
    expect(await leadership()).toEqual(first);
    expect(counter.statements - before).toBe(1);
    // A write through the API, and one straight in SQL (as a transfer is): each shows at once.
    await task(c2, '2017-07-04', '2017-07-21');
    expect(await leadership()).toEqual({ ...first, C2: 1 });
    await stack.services.assignments.database.dataSource.query(
      `UPDATE assignments.task SET lead_organisation_id = $2 WHERE lead_organisation_id = $1`,
      [c1, c2],
    );
    expect(await leadership()).toEqual({ ...first, C1: 0, C2: 2 });
  });

  it('complianceSummary breaks the totals down by month, assigner and priority', async () => {
    const id = await unit('B1');
    const assign = (input: Record<string, unknown>) =>
      client().data(ASSIGN, { input: { title: 'Nhiệm vụ', leadOrganisationId: id, dueOn: null, ...input } });
    await assign({ assignedOn: '2016-01-05', assignedBy: 'CHAIRMAN', assignerName: 'Chủ tịch A', priority: 'KEY' });
    await assign({ assignedOn: '2016-01-20', assignedBy: 'VICE_CHAIRMAN', assignerName: 'Phó Chủ tịch B' });
    await assign({
      assignedOn: '2016-02-03',
      assignedBy: 'VICE_CHAIRMAN',
      assignerName: 'Phó Chủ tịch B',
      priority: 'AD_HOC',
    });
    const { complianceSummary } = await client().data<any>(
      `{ complianceSummary(from: "2016-01-01", to: "2016-12-31") {
           totals { assigned asOf }
           byMonth { month figures { assigned } }
           byAssigner { assignedBy assignerName figures { assigned } }
           byPriority { priority figures { assigned } } } }`,
    );
    expect(complianceSummary).toEqual({
      totals: { assigned: 3, asOf: '2016-12-31' },
      byMonth: [
        { month: '2016-01', figures: { assigned: 2 } },
        { month: '2016-02', figures: { assigned: 1 } },
      ],
      byAssigner: [
        { assignedBy: 'CHAIRMAN', assignerName: 'Chủ tịch A', figures: { assigned: 1 } },
        { assignedBy: 'VICE_CHAIRMAN', assignerName: 'Phó Chủ tịch B', figures: { assigned: 2 } },
      ],
      byPriority: [
        { priority: 'AD_HOC', figures: { assigned: 1 } },
        { priority: 'KEY', figures: { assigned: 1 } },
        { priority: 'ROUTINE', figures: { assigned: 1 } },
      ],
    });
  });
});

describe('lists of tasks', () => {
  it('OverdueTasks: most overdue first, paged with stable cursors', async () => {
    const id = await unit('P1');
    const dues = ['2017-08-05', '2017-08-01', '2017-08-03', '2017-08-02', '2017-08-04'];
    for (const [index, due] of dues.entries()) await task(id, '2017-07-20', due, `Quá hạn ${index}`);
    await task(id, '2017-07-20', '2017-12-01', 'Còn hạn');
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { tasks }: any = await client().data(OVERDUE, { organisationId: id, asOf: '2017-09-01', first: 2, after });
      expect(tasks.totalCount).toBe(5);
      seen.push(...tasks.edges.map((edge: any) => edge.node.dueOn));
      after = tasks.pageInfo.hasNextPage ? tasks.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...dues].sort());
  });

  it('search ignores diacritics and case, and takes wildcards literally', async () => {
    const id = await unit('S1');
    await task(id, '2017-07-01', null, 'Kiểm tra công tác quản lý QUY HOẠCH đô thị');
    await task(id, '2017-07-01', null, 'Báo cáo 100% hoàn thành');
    const search = async (text: string) =>
      (
        await client().data<any>(`query ($s: String) { tasks(filter: { search: $s }) { edges { node { title } } } }`, {
          s: text,
        })
      ).tasks.edges.map((edge: any) => edge.node.title);
    expect(await search('quy hoach do thi')).toEqual(['Kiểm tra công tác quản lý QUY HOẠCH đô thị']);
    expect(await search('Quy Hoạch')).toHaveLength(1);
    expect(await search('100%')).toEqual(['Báo cáo 100% hoàn thành']);
    expect(await search('%')).toEqual(['Báo cáo 100% hoàn thành']);
    expect(await search('_')).toEqual([]);
  });

  it('the due-soon list and Organisation.tasks', async () => {
    const id = await unit('D1');
    await task(id, '2017-09-01', '2017-09-05');
    await task(id, '2017-09-01', '2017-09-12');
    await task(id, '2017-09-01', '2017-09-30');
    const { tasks } = await client().data<any>(
      `query ($id: ID!) { tasks(filter: { leadOrganisationId: $id, asOf: "2017-09-04", dueWithinDays: 7 }) { totalCount edges { node { dueOn } } } }`,
      { id },
    );
    expect(tasks.edges.map((edge: any) => edge.node.dueOn)).toEqual(['2017-09-05']);
    const { organisation } = await client().data<any>(
      `query ($id: ID!) { organisation(id: $id) { code tasks(first: 2) { totalCount edges { node { dueOn leadOrganisation { code } } } pageInfo { hasNextPage } } } }`,
      { id },
    );
    expect(organisation.tasks).toEqual({
      totalCount: 3,
      edges: [
        { node: { dueOn: '2017-09-05', leadOrganisation: { code: 'D1' } } },
        { node: { dueOn: '2017-09-12', leadOrganisation: { code: 'D1' } } },
      ],
      pageInfo: { hasNextPage: true },
    });
    const bad = await client().request(`{ tasks(first: 1000) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await client().request(`{ tasks(after: "bm9wZQ") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
