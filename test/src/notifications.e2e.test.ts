import { addDays, todayInVietnam } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { MailReceiver } from './harness/mail-receiver';
import { startTestStack, type TestStack } from './harness/stack';
import { createDepartments } from './harness/units';
import { eventually } from './harness/webhook-receiver';

/**
 * The inbox (thông báo): made from the task feed by the notifications subgraph, a unit's staff
 * told what asks something of their unit, the Office what waits for it; read state per user.
 */
const MINE = contractOperation('notifications.graphql', 'MyNotifications');
const MARK = contractOperation('notifications.graphql', 'MarkNotificationsRead');
const UPDATE_UNIT = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id contactEmail } }`;
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
const RETURN = contractOperation('tasks.graphql', 'ReturnCompletion');
const CORRECT = contractOperation('corrections.graphql', 'CorrectTask');

let stack: TestStack;
const units: Record<string, string> = {};
/** A real SMTP server for the digests, and what it received. */
const smtp = new MailReceiver();
const mails = smtp.mails;
const SETTINGS = { FEED_POLL_MS: '100', DIGEST_AT: '00:00', DIGEST_CHECK_MS: '300', DEADLINE_CHECK_MS: '300' };

beforeAll(async () => {
  await smtp.start();
  Object.assign(process.env, SETTINGS, { SMTP_URL: smtp.url });
  stack = await startTestStack({ notifications: true });
  Object.assign(
    units,
    await createDepartments(stack, [
      ['SXD', 'Sở Xây dựng'],
      ['SYT', 'Sở Y tế'],
      ['STC', 'Sở Tài chính'],
    ]),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await smtp.stop();
  for (const name of [...Object.keys(SETTINGS), 'SMTP_URL']) delete process.env[name];
});

/** A task assigned by the Office to `unit`; its id. */
const assign = async (unit: string, title: string, assignedOn: string, dueOn: string) =>
  (await stack.gateway.client.data<any>(ASSIGN, { input: { title, assignedOn, dueOn, leadOrganisationId: unit } }))
    .assignTask.id as string;

const inbox = async (client: ReturnType<TestStack['as']>, variables: Record<string, unknown> = {}) =>
  (await client.data<any>(MINE, variables)).myNotifications;

it("tells each unit's staff and the Office what concerns them, with the task, and keeps read state per user", async () => {
  const sxd = stack.as({ sub: 'sxd-1', roles: ['UNIT'], org: units.SXD });
  const sxdColleague = stack.as({ sub: 'sxd-2', roles: ['UNIT'], org: units.SXD });
  const syt = stack.as({ sub: 'syt-1', roles: ['UNIT'], org: units.SYT });
  const stc = stack.as({ sub: 'stc-1', roles: ['UNIT'], org: units.STC });
  const office = stack.as({ sub: 'office-2', roles: ['OFFICE'] });
  const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
    input: {
      title: 'Rà soát quy hoạch',
      assignedOn: addDays(todayInVietnam(), -10),
      // Far from today: neither due soon nor overdue.
      dueOn: addDays(todayInVietnam(), 100),
      leadOrganisationId: units.SXD,
      coordinatingOrganisationIds: [units.SYT, units.STC],
    },
  });
  await eventually(
    async () =>
      (await inbox(sxd)).unreadCount === 1 &&
      (await inbox(syt)).unreadCount === 1 &&
      (await inbox(stc)).unreadCount === 1,
  );
  const [lead] = (await inbox(sxd)).edges;
  expect(lead.node).toMatchObject({
    kind: 'TASK_ASSIGNED',
    readAt: null,
    text: 'Đơn vị được giao chủ trì nhiệm vụ «Rà soát quy hoạch».',
    task: { id: assignTask.id, title: 'Rà soát quy hoạch', dueOn: addDays(todayInVietnam(), 100) },
  });
  // Each coordinating unit's staff are asked to coordinate, each once.
  for (const coordinating of [syt, stc])
    expect((await inbox(coordinating)).edges.map(({ node }: any) => node)).toEqual([
      expect.objectContaining({
        kind: 'COORDINATION_REQUESTED',
        text: 'Đơn vị được đề nghị phối hợp thực hiện nhiệm vụ «Rà soát quy hoạch».',
        task: expect.objectContaining({ id: assignTask.id }),
      }),
    ]);
  expect((await inbox(office)).unreadCount).toBe(0);

  await sxd.data(SUBMIT, {
    input: { taskId: assignTask.id, completedOn: addDays(todayInVietnam(), -2), note: 'Đã xong' },
  });
  await eventually(async () => (await inbox(office)).unreadCount === 1);
  expect((await inbox(office)).edges[0].node).toMatchObject({
    kind: 'AWAITING_CONFIRMATION',
    task: { id: assignTask.id },
  });
  await stack.gateway.client.data(RETURN, {
    input: { taskId: assignTask.id, returnedOn: addDays(todayInVietnam(), -1), reason: 'Thiếu số liệu' },
  });
  await eventually(async () => (await inbox(sxd)).unreadCount === 2);
  const { edges } = await inbox(sxd);
  expect(edges.map(({ node }: any) => node.kind)).toEqual(['COMPLETION_RETURNED', 'TASK_ASSIGNED']);

  // Another unit's notification, or no id at all: refused, nothing marked.
  const refused = await sxd.request(MARK, { input: { ids: [edges[0].node.id, (await inbox(syt)).edges[0].node.id] } });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  expect((await inbox(sxd)).unreadCount).toBe(2);

  const { markNotificationsRead } = await sxd.data<any>(MARK, { input: { ids: [edges[0].node.id] } });
  expect(markNotificationsRead).toEqual({ unreadCount: 1 });
  expect((await inbox(sxd, { unreadOnly: true })).edges.map(({ node }: any) => node.kind)).toEqual(['TASK_ASSIGNED']);
  expect((await inbox(sxd)).edges[0].node.readAt).not.toBeNull();
  // Read state is the user's: a colleague of the same unit still has both unread.
  expect((await inbox(sxdColleague)).unreadCount).toBe(2);
  expect((await sxd.data<any>(MARK, { input: { all: true } })).markNotificationsRead).toEqual({ unreadCount: 0 });

  const page = await inbox(sxdColleague, { first: 1 });
  expect(page.pageInfo.hasNextPage).toBe(true);
  const next = await inbox(sxdColleague, { first: 1, after: page.pageInfo.endCursor });
  expect(next.edges.map(({ node }: any) => node.kind)).toEqual(['TASK_ASSIGNED']);
  expect(next.pageInfo.hasNextPage).toBe(false);
});

it("e-mails a unit's digest of the day to its contact address, set by the Office only", async () => {
  const update = (client: ReturnType<TestStack['as']>, contactEmail: string | null) =>
    client.request(UPDATE_UNIT, { input: { id: units.SYT, contactEmail } });
  const refusedByRole = await update(stack.as({ roles: ['UNIT'], org: units.SYT }), 'vanthu@syt.langson.gov.vn');
  expect(refusedByRole.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const refusedAddress = await update(stack.gateway.client, 'not an address');
  expect(refusedAddress.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactEmail' });
  expect(mails.filter((mail) => mail.subject?.includes('Sở Y tế'))).toEqual([]);

  expect((await update(stack.gateway.client, 'VanThu@SYT.LangSon.gov.vn')).errors).toBeUndefined();
  await eventually(() => mails.some((mail) => mail.subject?.includes('Sở Y tế')));
  const [digest] = mails.filter((mail) => mail.subject?.includes('Sở Y tế'));
  expect(digest!.to).toMatchObject({ text: 'VanThu@syt.langson.gov.vn' });
  expect(digest!.subject).toMatch(/^\[Giao Việc\] 1 thông báo mới của Sở Y tế ngày \d\d\/\d\d\/\d{4}$/);
  expect(digest!.text).toContain('Đơn vị được đề nghị phối hợp thực hiện nhiệm vụ «Rà soát quy hoạch».');
  expect(digest!.html).toContain('<li>');
  expect(digest!.html).toContain('Đơn vị được đề nghị phối hợp thực hiện nhiệm vụ «Rà soát quy hoạch».');
});

it('tells the lead unit of a deadline near and of one passed, once per deadline', async () => {
  const unit = await createDepartments(stack, [['SCT', 'Sở Công Thương']]);
  const sct = stack.as({ sub: 'sct-1', roles: ['UNIT'], org: unit.SCT });
  const today = todayInVietnam();
  const soon = await assign(unit.SCT!, 'Báo cáo tháng', addDays(today, -30), addDays(today, 2));
  const late = await assign(unit.SCT!, 'Kế hoạch năm', addDays(today, -30), addDays(today, -1));
  const kinds = async () =>
    (await inbox(sct)).edges
      .map(({ node }: any) => [node.kind, node.task.id])
      .filter(([kind]: string[]) => kind !== 'TASK_ASSIGNED');
  await eventually(async () => (await kinds()).length === 2);
  expect(new Set((await kinds()).map((pair: string[]) => pair.join(' ')))).toEqual(
    new Set([`DUE_SOON ${soon}`, `OVERDUE ${late}`]),
  );
  // Rounds go on every 300 ms: still one of each.
  expect(await kinds()).toHaveLength(2);
  const [dueSoon] = (await inbox(sct)).edges.filter(({ node }: any) => node.kind === 'DUE_SOON');
  expect(dueSoon.node.text).toMatch(/^Nhiệm vụ «Báo cáo tháng» sắp đến hạn \(\d\d\/\d\d\/\d{4}\)\.$/);
});

it('makes no inbox entry of an event older than NOTIFICATION_RECENT_DAYS (30): history is not news', async () => {
  const unit = await createDepartments(stack, [['SNV', 'Sở Nội vụ']]);
  const snv = stack.as({ sub: 'snv-1', roles: ['UNIT'], org: unit.SNV });
  const today = todayInVietnam();
  await assign(unit.SNV!, 'Nhiệm vụ cũ', addDays(today, -31), addDays(today, 100));
  const recent = await assign(unit.SNV!, 'Nhiệm vụ mới', addDays(today, -30), addDays(today, 100));
  // The feed is read in order: once the later event is told, the earlier one was read too.
  await eventually(async () => (await inbox(snv)).unreadCount > 0);
  expect((await inbox(snv)).edges.map(({ node }: any) => [node.kind, node.task.id])).toEqual([
    ['TASK_ASSIGNED', recent],
  ]);
});

it('tells a coordinating unit that a correction adds, and no unit twice', async () => {
  const unit = await createDepartments(stack, [
    ['SGD', 'Sở Giáo dục và Đào tạo'],
    ['SVH', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ]);
  const [lead, first, added] = [unit.SGD!, unit.SVH!, unit.STNMT!].map((org) =>
    stack.as({ sub: `staff-${org}`, roles: ['UNIT'], org }),
  );
  const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
    input: {
      title: 'Tổ chức kỳ thi',
      assignedOn: addDays(todayInVietnam(), -5),
      dueOn: addDays(todayInVietnam(), 100),
      leadOrganisationId: unit.SGD,
      coordinatingOrganisationIds: [unit.SVH],
    },
  });
  await eventually(async () => (await inbox(first!)).unreadCount === 1);
  const { task } = await stack.gateway.client.data<any>(`query ($id: ID!) { task(id: $id) { version } }`, {
    id: assignTask.id,
  });
  await stack.gateway.client.data(CORRECT, {
    input: {
      taskId: assignTask.id,
      expectedVersion: task.version,
      reason: 'Bổ sung đơn vị phối hợp',
      coordinatingOrganisationIds: [unit.SVH, unit.STNMT],
    },
  });
  await eventually(async () => (await inbox(added!)).unreadCount === 1);
  const kinds = async (client: ReturnType<TestStack['as']>) =>
    (await inbox(client)).edges.map(({ node }: any) => [node.kind, node.task.id]);
  expect(await kinds(added!)).toEqual([['COORDINATION_REQUESTED', assignTask.id]]);
  expect(await kinds(first!)).toEqual([['COORDINATION_REQUESTED', assignTask.id]]);
  expect(await kinds(lead!)).toEqual([['TASK_ASSIGNED', assignTask.id]]);
});
