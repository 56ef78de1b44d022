import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * Manual reminders and requests for explanation (RULES.md, Reminders and Explanations) through the
 * gateway: who may send them, every refusal the rules name (nothing changed), their statuses, and
 * their events in the task feed.
 */
const REMIND = contractOperation('follow-up.graphql', 'RemindTask');
const REQUEST = contractOperation('follow-up.graphql', 'RequestExplanation');
const ANSWER = contractOperation('follow-up.graphql', 'AnswerExplanation');
const FOLLOW_UP = contractOperation('follow-up.graphql', 'TaskFollowUp');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const CONFIRM = contractOperation('tasks.graphql', 'ConfirmCompletion');
const WITHDRAW = contractOperation('tasks.graphql', 'WithdrawTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');

let stack: TestStack;
const office = () => stack.gateway.client;
let lead: string;
let coordinating: string;
let stranger: string;

beforeAll(async () => {
  stack = await startTestStack();
  lead = await unit('FU-LEAD');
  coordinating = await unit('FU-COORD');
  stranger = await unit('FU-OTHER');
});

afterAll(async () => {
  await stack?.stop();
});

async function unit(code: string): Promise<string> {
  const { createOrganisation } = await office().data<any>(CREATE_UNIT, {
    input: { code, name: `Đơn vị ${code}`, kind: 'DEPARTMENT' },
  });
  return createOrganisation.id;
}

async function task(assignedOn = '2025-03-03', dueOn: string | null = '2025-03-14'): Promise<string> {
  const { assignTask } = await office().data<any>(ASSIGN, {
    input: {
      title: 'Nhiệm vụ',
      assignedOn,
      dueOn,
      leadOrganisationId: lead,
      coordinatingOrganisationIds: [coordinating],
    },
  });
  return assignTask.id;
}

const unitUser = (org: string) => stack.as({ roles: ['UNIT'], org });
const followUp = async (id: string) => (await office().data<any>(FOLLOW_UP, { id })).task;
const errorOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  code: response.errors?.[0]?.extensions?.code,
  field: response.errors?.[0]?.extensions?.field,
});

describe('manual reminders', () => {
  it('the Office and leaders remind an open task; the reminder is a REMINDED event of the feed', async () => {
    const taskId = await task();
    const { remindTask } = await office().data<any>(REMIND, {
      input: { taskId, remindedOn: '2025-03-05', note: 'Đề nghị khẩn trương thực hiện' },
    });
    expect(remindTask).toEqual({
      id: expect.any(String),
      kind: 'MANUAL',
      sentOn: '2025-03-05',
      note: 'Đề nghị khẩn trương thực hiện',
      task: { id: taskId },
    });
    await stack.as({ roles: ['LEADER'], name: 'Chủ tịch' }).data(REMIND, {
      input: { taskId, remindedOn: '2025-03-06', note: 'Lãnh đạo đôn đốc' },
    });
    expect((await followUp(taskId)).reminders).toEqual([
      {
        id: remindTask.id,
        kind: 'MANUAL',
        sentOn: '2025-03-05',
        note: 'Đề nghị khẩn trương thực hiện',
        threshold: null,
      },
      { id: expect.any(String), kind: 'MANUAL', sentOn: '2025-03-06', note: 'Lãnh đạo đôn đốc', threshold: null },
    ]);
    const { taskEvents } = await office().data<any>(EVENTS, { filter: { taskIds: [taskId], types: ['REMINDED'] } });
    expect(taskEvents.edges.map((edge: any) => [edge.node.on, edge.node.actor.name])).toEqual([
      ['2025-03-05', expect.any(String)],
      ['2025-03-06', 'Chủ tịch'],
    ]);
  });

  it('refuses other roles, dates out of bounds and tasks not open, changing nothing', async () => {
    const taskId = await task();
    const remind = (client = office(), remindedOn = '2025-03-05') =>
      client.request(REMIND, { input: { taskId, remindedOn, note: 'n' } });
    expect(errorOf(await remind(unitUser(lead)))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await remind(stack.as({ roles: ['INSPECTOR'] })))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await remind(office(), '2999-01-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'remindedOn' });
    expect(errorOf(await remind(office(), '2025-03-02'))).toEqual({ code: 'BAD_USER_INPUT', field: 'remindedOn' });
    await unitUser(lead).data(SUBMIT, { input: { taskId, completedOn: '2025-03-10', note: 'Xong' } });
    // Awaiting confirmation is not open either.
    expect(errorOf(await remind())).toEqual({ code: 'CONFLICT', field: undefined });
    await office().data(CONFIRM, { input: { taskId, confirmedOn: '2025-03-11' } });
    expect(errorOf(await remind())).toEqual({ code: 'CONFLICT', field: undefined });
    expect((await followUp(taskId)).reminders).toEqual([]);
  });

  it('a retry with the same key sends one reminder', async () => {
    const taskId = await task();
    const input = { taskId, remindedOn: '2025-03-05', note: 'n', idempotencyKey: 'remind-once' };
    const first = await office().data<any>(REMIND, { input });
    const again = await office().data<any>(REMIND, { input });
    expect(again.remindTask.id).toBe(first.remindTask.id);
    expect((await followUp(taskId)).reminders).toHaveLength(1);
  });
});

describe('requests for explanation', () => {
  it('requested by the Office, leaders and inspectors; answered once by the lead unit; statuses as of today', async () => {
    const taskId = await task();
    const request = async (role: string, answerBy: string) =>
      (
        await stack.as({ roles: [role] }).data<any>(REQUEST, {
          input: { taskId, requestedOn: '2025-03-10', answerBy, question: 'Vì sao chậm?' },
        })
      ).requestExplanation;
    const late = await request('INSPECTOR', '2025-03-12');
    const onTime = await request('LEADER', '2025-03-20');
    const unanswered = await request('OFFICE', '2025-03-20');
    expect(late).toEqual({
      id: expect.any(String),
      status: 'OVERDUE',
      requestedOn: '2025-03-10',
      answerBy: '2025-03-12',
    });
    const answer = (explanationId: string, answeredOn: string, client = unitUser(lead)) =>
      client.request<any>(ANSWER, { input: { explanationId, answeredOn, answer: 'Do thiếu kinh phí' } });
    expect(errorOf(await answer(late.id, '2025-03-13', unitUser(coordinating)))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
    });
    expect(errorOf(await answer(late.id, '2025-03-13', unitUser(stranger)))).toEqual({
      code: 'NOT_FOUND',
      field: undefined,
    });
    expect(errorOf(await answer(late.id, '2025-03-13', office()))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await answer(late.id, '2025-03-09'))).toEqual({ code: 'BAD_USER_INPUT', field: 'answeredOn' });
    expect(errorOf(await answer(late.id, '2999-01-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'answeredOn' });
    expect((await answer(late.id, '2025-03-13')).data.answerExplanation).toEqual({
      id: late.id,
      status: 'ANSWERED_LATE',
      answeredOn: '2025-03-13',
    });
    expect(errorOf(await answer(late.id, '2025-03-14'))).toEqual({ code: 'CONFLICT', field: undefined });
    await answer(onTime.id, '2025-03-20');
    expect((await followUp(taskId)).explanations).toEqual([
      {
        id: late.id,
        question: 'Vì sao chậm?',
        requestedOn: '2025-03-10',
        answerBy: '2025-03-12',
        answeredOn: '2025-03-13',
        answer: 'Do thiếu kinh phí',
        status: 'ANSWERED_LATE',
      },
      expect.objectContaining({ id: onTime.id, status: 'ANSWERED_ON_TIME' }),
      expect.objectContaining({ id: unanswered.id, status: 'OVERDUE', answeredOn: null, answer: null }),
    ]);
    const { taskEvents } = await office().data<any>(EVENTS, {
      filter: { taskIds: [taskId], types: ['EXPLANATION_REQUESTED', 'EXPLANATION_ANSWERED'] },
    });
    expect(taskEvents.edges.map((edge: any) => `${edge.node.type} ${edge.node.on}`)).toEqual([
      'EXPLANATION_REQUESTED 2025-03-10',
      'EXPLANATION_REQUESTED 2025-03-10',
      'EXPLANATION_REQUESTED 2025-03-10',
      'EXPLANATION_ANSWERED 2025-03-13',
      'EXPLANATION_ANSWERED 2025-03-20',
    ]);
  });

  it('refuses bad dates, units and readers, and withdrawn tasks; completed tasks may be asked', async () => {
    const taskId = await task();
    const request = (input: Record<string, unknown>, client = office()) =>
      client.request<any>(REQUEST, {
        input: { taskId, requestedOn: '2025-03-10', answerBy: '2025-03-12', question: 'q', ...input },
      });
    expect(errorOf(await request({ requestedOn: '2999-01-01', answerBy: '2999-01-02' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'requestedOn',
    });
    expect(errorOf(await request({ requestedOn: '2025-03-02' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'requestedOn',
    });
    expect(errorOf(await request({ answerBy: '2025-03-09' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'answerBy' });
    expect(errorOf(await request({}, unitUser(lead)))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await request({}, stack.as({ roles: ['READER'] })))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
    });
    expect((await followUp(taskId)).explanations).toEqual([]);
    await unitUser(lead).data(SUBMIT, { input: { taskId, completedOn: '2025-03-10', note: 'Xong' } });
    await office().data(CONFIRM, { input: { taskId, confirmedOn: '2025-03-11' } });
    expect((await request({ requestedOn: '2025-03-12', answerBy: '2025-03-12' })).data.requestExplanation.status).toBe(
      'OVERDUE',
    );
    const withdrawn = await task();
    await office().data(WITHDRAW, { input: { taskId: withdrawn, withdrawnOn: '2025-03-05', reason: 'r' } });
    expect(
      errorOf(
        await office().request(REQUEST, {
          input: { taskId: withdrawn, requestedOn: '2025-03-10', answerBy: '2025-03-12', question: 'q' },
        }),
      ),
    ).toEqual({ code: 'CONFLICT', field: undefined });
  });
});

describe('follow-up figures through the gateway', () => {
  it('count what the tests above sent to the lead unit, for all units in one request', async () => {
    const FIGURES = contractOperation('follow-up.graphql', 'FollowUpFigures');
    const { organisations } = await stack
      .as({ roles: ['READER'] })
      .data<any>(FIGURES, { from: '2025-03-01', to: '2025-03-31', kinds: ['DEPARTMENT'] });
    const byId = new Map(organisations.map((unit: any) => [unit.id, unit.followUp]));
    expect(byId.get(lead)).toEqual({
      reminders: 3,
      explanationsRequested: 4,
      explanationsAnsweredOnTime: 1,
      explanationsAnsweredLate: 1,
      explanationsOverdue: 2,
    });
    expect(byId.get(coordinating)).toEqual({
      reminders: 0,
      explanationsRequested: 0,
      explanationsAnsweredOnTime: 0,
      explanationsAnsweredLate: 0,
      explanationsOverdue: 0,
    });
  });
});
