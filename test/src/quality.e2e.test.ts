import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** RULES.md, Quality of results and Withdrawn tasks in the figures, through the gateway. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const FIGURES = contractOperation('coordination.graphql', 'QualityAndWithdrawals');
const REPORTS = `query ($id: ID!) { task(id: $id) { version status completionReports { status quality } } }`;

let stack: TestStack;
let unit: string;

beforeAll(async () => {
  stack = await startTestStack();
  const { createOrganisation } = await stack.gateway.client.data<{ createOrganisation: { id: string } }>(CREATE_UNIT, {
    input: { code: 'SXD', name: 'Sở Xây dựng', kind: 'DEPARTMENT' },
  });
  unit = createOrganisation.id;
});

afterAll(async () => {
  await stack?.stop();
});

const office = () => stack.gateway.client;
const lead = () => stack.as({ roles: ['UNIT'], org: unit });

async function submitted(assignedOn: string, completedOn: string): Promise<string> {
  const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
    input: { title: 'Nhiệm vụ', leadOrganisationId: unit, assignedOn, dueOn: '2017-03-31' },
  });
  await lead().data(SUBMIT, { input: { taskId: assignTask.id, completedOn, note: 'Xong' } });
  return assignTask.id;
}

describe('the quality of a confirmed result', () => {
  it('is refused outside 1 to 5 with field quality, changing nothing', async () => {
    const taskId = await submitted('2017-03-01', '2017-03-10');
    const before = await office().data(REPORTS, { id: taskId });
    for (const quality of [0, 6, -1]) {
      const result = await office().request(CONFIRM, { input: { taskId, confirmedOn: '2017-03-11', quality } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quality' });
    }
    expect(await office().data(REPORTS, { id: taskId })).toEqual(before);
  });

  it('is kept on the report and counted in the figures, unrounded; withdrawn tasks are counted apart', async () => {
    const ratings: Array<[string, number | null]> = [
      ['2017-03-05', 5],
      ['2017-03-06', 4],
      ['2017-03-07', 4],
      ['2017-03-08', null],
    ];
    const ids: string[] = [];
    for (const [completedOn, quality] of ratings) {
      const taskId = await submitted('2017-03-02', completedOn);
      await office().data(CONFIRM, { input: { taskId, confirmedOn: '2017-03-20', quality } });
      ids.push(taskId);
    }
    const { task } = await office().data<{ task: any }>(REPORTS, { id: ids[0] });
    expect(task.completionReports).toEqual([{ status: 'CONFIRMED', quality: 5 }]);

    const { assignTask } = await office().data<{ assignTask: { id: string } }>(ASSIGN, {
      input: { title: 'Rút', leadOrganisationId: unit, assignedOn: '2017-03-02', dueOn: '2017-03-31' },
    });
    await office().data(WITHDRAW, { input: { taskId: assignTask.id, withdrawnOn: '2017-03-15', reason: 'Không cần' } });

    const figures = async (asOf: string) =>
      (
        await office().data<{ organisations: Array<{ id: string; compliance: any }> }>(FIGURES, {
          kinds: ['DEPARTMENT'],
          from: '2017-03-02',
          to: '2017-03-02',
          asOf,
        })
      ).organisations.find((each) => each.id === unit)!.compliance;
    expect(await figures('2017-03-31')).toEqual({ assigned: 4, withdrawn: 1, qualityRated: 3, averageQuality: 13 / 3 });
    // Before the withdrawal it counts like any other task; before the completions nothing is rated.
    expect(await figures('2017-03-04')).toEqual({ assigned: 5, withdrawn: 0, qualityRated: 0, averageQuality: null });
  });
});
