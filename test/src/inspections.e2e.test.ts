import { DEMO_INSPECTION, demoUnitId } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

const RECORD = contractOperation('inspections.graphql', 'RecordInspection');
const INSPECTION = contractOperation('inspections.graphql', 'Inspection');
const UNIT_INSPECTIONS = contractOperation('inspections.graphql', 'UnitInspections');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const OVERDUE = contractOperation('tasks.graphql', 'OverdueTasks');
const RECORDED = `query ($id: ID!) { inspection(id: $id) {
  recordedCompliance { asOf assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline }
  compliance { asOf assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline } } }`;
const CONCLUSION_STATE = `query ($id: ID!) { inspection(id: $id) { conclusions { id settled followUpTasks { id status } } } }`;

let stack: TestStack;
const client = () => stack.gateway.client;
const construction = demoUnitId('SXD');

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the demo inspection of the Department of Construction', () => {
  it('shows 134 / 106 / 21 / 7, recorded and live, none of them typed in', async () => {
    const { inspection } = await client().data<any>(INSPECTION, { id: DEMO_INSPECTION.id });
    expect(inspection).toMatchObject({
      team: DEMO_INSPECTION.team,
      inspectedOn: '2017-10-19',
      periodFrom: '2017-01-01',
      periodTo: '2017-10-15',
      organisation: { id: construction, code: 'SXD', name: 'Sở Xây dựng' },
      compliance: { assigned: 134, completedOnTime: 106, completedLate: 21 },
    });
    expect(inspection.compliance.inProgressWithinDeadline + inspection.compliance.inProgressOverdue).toBe(7);
    expect(inspection.conclusions.map((conclusion: any) => conclusion.text)).toEqual(
      DEMO_INSPECTION.conclusions.map((c) => c.text),
    );
    expect(inspection.recommendations).toHaveLength(2);
    // Follow-up: each conclusion has tasks; the first is settled, the others not yet.
    expect(
      inspection.conclusions.map((conclusion: any) => conclusion.followUpTasks.map((task: any) => task.status)),
    ).toEqual([['COMPLETED'], ['COMPLETED', 'IN_PROGRESS'], ['IN_PROGRESS']]);
    const state = await client().data<any>(CONCLUSION_STATE, { id: DEMO_INSPECTION.id });
    expect(state.inspection.conclusions.map((conclusion: any) => conclusion.settled)).toEqual([true, false, false]);

    const { inspection: figures } = await client().data<any>(RECORDED, { id: DEMO_INSPECTION.id });
    expect(figures.recordedCompliance).toEqual(figures.compliance);
  });

  it('UnitInspections lists the unit’s inspections, newest first', async () => {
    const { organisation } = await client().data<any>(UNIT_INSPECTIONS, { organisationId: construction });
    expect(organisation.name).toBe('Sở Xây dựng');
    expect(organisation.inspections).toHaveLength(1);
    expect(organisation.inspections[0]).toMatchObject({ id: DEMO_INSPECTION.id, compliance: { assigned: 134 } });
  });
});

describe('recording an inspection', () => {
  const input = {
    organisationId: construction,
    team: 'Tổ công tác số 2',
    inspectedOn: '2017-12-20',
    periodFrom: '2017-01-01',
    periodTo: '2017-12-15',
    findings: 'Kiểm tra lần hai',
    conclusions: ['Tiếp tục khắc phục nhiệm vụ quá hạn'],
    recommendations: ['Bổ sung biên chế'],
  };

  it('keeps the figures as recorded; a later correction shows as a difference from the live figures', async () => {
    const { recordInspection } = await client().data<any>(RECORD, { input });
    expect(recordInspection.conclusions).toHaveLength(1);
    const before = (await client().data<any>(RECORDED, { id: recordInspection.id })).inspection;
    expect(before.recordedCompliance).toEqual(before.compliance);

    // An overdue task of the period is found to have been done on time, and recorded now.
    const { tasks } = await client().data<any>(OVERDUE, { organisationId: construction, asOf: '2017-12-15', first: 1 });
    const overdue = tasks.edges[0].node;
    const { task } = await client().data<any>(`query ($id: ID!) { task(id: $id) { assignedOn dueOn } }`, {
      id: overdue.id,
    });
    await stack
      .as({ roles: ['UNIT'], org: construction })
      .data(SUBMIT, { input: { taskId: overdue.id, completedOn: task.assignedOn, note: 'Bổ sung hồ sơ' } });
    await client().data(CONFIRM, { input: { taskId: overdue.id, confirmedOn: '2017-12-21' } });

    const after = (await client().data<any>(RECORDED, { id: recordInspection.id })).inspection;
    expect(after.recordedCompliance).toEqual(before.recordedCompliance);
    expect(after.compliance).toEqual({
      ...before.compliance,
      inProgressOverdue: before.compliance.inProgressOverdue - 1,
      completedOnTime: before.compliance.completedOnTime + 1,
    });
  });

  it('a follow-up task names its conclusion; the conclusion is settled when its tasks are completed', async () => {
    const { recordInspection } = await client().data<any>(RECORD, { input: { ...input, conclusions: ['Một', 'Hai'] } });
    const [first, second] = recordInspection.conclusions;
    const follow = async (conclusionId: string) =>
      (
        await client().data<any>(ASSIGN, {
          input: {
            title: 'Thực hiện kết luận',
            assignedOn: '2017-12-21',
            dueOn: '2018-01-31',
            leadOrganisationId: construction,
            originConclusionId: conclusionId,
          },
        })
      ).assignTask.id;
    const a = await follow(first.id);
    const b = await follow(first.id);
    const c = await follow(second.id);
    const settled = async () =>
      (await client().data<any>(CONCLUSION_STATE, { id: recordInspection.id })).inspection.conclusions.map(
        (conclusion: any) => conclusion.settled,
      );
    expect(await settled()).toEqual([false, false]);
    for (const taskId of [a, b]) {
      await stack
        .as({ roles: ['UNIT'], org: construction })
        .data(SUBMIT, { input: { taskId, completedOn: '2017-12-22', note: 'Xong' } });
      await client().data(CONFIRM, { input: { taskId, confirmedOn: '2017-12-22' } });
    }
    await client().data(WITHDRAW, { input: { taskId: c, withdrawnOn: '2017-12-22', reason: 'Gộp vào nhiệm vụ khác' } });
    expect(await settled()).toEqual([true, false]);

    const unknown = await client().request(ASSIGN, {
      input: {
        title: 'x',
        assignedOn: '2017-12-21',
        leadOrganisationId: construction,
        originConclusionId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'originConclusionId' });
  });

  it('records how the province handled a recommendation, once per key', async () => {
    const { inspection } = await client().data<any>(INSPECTION, { id: DEMO_INSPECTION.id });
    const [recommendation] = inspection.recommendations;
    const RESPOND = `mutation ($input: RespondToRecommendationInput!) { respondToRecommendation(input: $input) { id response respondedOn } }`;
    const input = {
      recommendationId: recommendation.id,
      respondedOn: '2017-11-20',
      response: 'Đã giao Sở Nội vụ nghiên cứu',
      idempotencyKey: 'respond-1',
    };
    const { respondToRecommendation } = await client().data<any>(RESPOND, { input });
    expect(respondToRecommendation).toEqual({
      id: recommendation.id,
      response: input.response,
      respondedOn: '2017-11-20',
    });
    expect((await client().data<any>(RESPOND, { input })).respondToRecommendation).toEqual(respondToRecommendation);
    const early = await client().request(RESPOND, {
      input: { ...input, respondedOn: '2017-10-01', idempotencyKey: 'respond-2' },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'respondedOn' });
    const unit = stack.as({ roles: ['UNIT'], org: construction });
    expect(
      (await unit.request(RESPOND, { input: { ...input, idempotencyKey: 'respond-3' } })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it.each([
    ['a period ending before it starts', { periodFrom: '2017-12-15', periodTo: '2017-01-01' }, 'periodTo'],
    ['an inspection before its period ends', { inspectedOn: '2017-12-01' }, 'inspectedOn'],
    ['an unknown unit', { organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
    ['no conclusions', { conclusions: [] }, 'conclusions'],
    ['an empty conclusion', { conclusions: ['  '] }, 'conclusions'],
    ['an empty team', { team: '' }, 'team'],
  ])('refuses %s and writes nothing', async (_case, change, field) => {
    const count = async () =>
      (await client().data<any>(`{ inspections(first: 1) { totalCount } }`)).inspections.totalCount;
    const before = await count();
    const result = await client().request(RECORD, { input: { ...input, ...change } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it('inspections(filter, first, after) pages by unit, team and date, newest first', async () => {
    const all = await client().data<any>(
      `{ inspections(first: 100) { totalCount edges { node { inspectedOn team } } } }`,
    );
    expect(all.inspections.totalCount).toBeGreaterThanOrEqual(3);
    const dates = all.inspections.edges.map((edge: any) => edge.node.inspectedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const byTeam = await client().data<any>(
      `{ inspections(filter: { team: "to cong tac so 1" }) { totalCount edges { node { id } } } }`,
    );
    expect(byTeam.inspections).toEqual({ totalCount: 1, edges: [{ node: { id: DEMO_INSPECTION.id } }] });
    const byDate = await client().data<any>(
      `{ inspections(filter: { inspectedFrom: "2017-10-19", inspectedTo: "2017-10-19" }) { totalCount } }`,
    );
    expect(byDate.inspections.totalCount).toBe(1);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await client().data(
        `query ($after: String) { inspections(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.inspections.edges.map((edge: any) => edge.node.id));
      after = page.inspections.pageInfo.hasNextPage ? page.inspections.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(all.inspections.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('the inspection feed', () => {
  const EVENTS = contractOperation('events.graphql', 'InspectionEvents');
  async function follow(as = client()) {
    const events: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { inspectionEvents }: { inspectionEvents: any } = await as.data<any>(EVENTS, { after, first: 2 });
      events.push(...inspectionEvents.edges.map((edge: any) => edge.node));
      after = inspectionEvents.pageInfo.endCursor ?? after;
      if (!inspectionEvents.pageInfo.hasNextPage) return events;
    }
  }

  it('has every recording and answer in commit order, with who acted, scoped like inspections', async () => {
    const events = await follow();
    expect(events[0]).toMatchObject({
      type: 'RECORDED',
      actor: { id: 'platform' },
      inspection: { id: DEMO_INSPECTION.id, organisation: { code: 'SXD' } },
    });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['RECORDED', 'RECOMMENDATION_ANSWERED']));
    expect(events.filter((event) => event.type === 'RECORDED').length).toBeGreaterThanOrEqual(3);
    const recordedByUser = events.find((event) => event.type === 'RECORDED' && event.actor.id !== 'platform');
    expect(recordedByUser.occurredAt).toMatch(/T.*(Z|[+-]\d{2}:\d{2})$/);
    expect(await follow(stack.as({ roles: ['UNIT'], org: construction }))).toHaveLength(events.length);
    expect(await follow(stack.as({ roles: ['UNIT'], org: demoUnitId('SYT') }))).toEqual([]);
    const reader = await stack.as({ roles: ['READER'] }).request(EVENTS, {});
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
