import pg from 'pg';
import { addDays, todayInVietnam } from '@giaoviec/shared';
import { contractOperation, GraphQLClient } from './harness/graphql-client';
import { MailReceiver } from './harness/mail-receiver';
import { metricValue, NotificationsReplicas, type NotificationsProcess } from './harness/notifications-process';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';
import { createDepartments } from './harness/units';
import { WebhookReceiver, eventually, type ReceivedWebhook } from './harness/webhook-receiver';

/**
 * Two notifications replicas on one database, beside one gateway and the other subgraphs
 * (decisions 28–30): concurrent writers make a burst of task changes, and each feed page is
 * read by one replica (its cursor row locked), each delivery sent once, each notification made
 * once, each unit's digest e-mailed once a day and its FIGURES_CHANGED at most once an interval.
 * Then one replica is killed with SIGKILL in the middle of a burst: the other loses nothing.
 */
const CREATE_WEBHOOK = contractOperation('webhooks.graphql', 'CreateWebhook');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const MINE = contractOperation('notifications.graphql', 'MyNotifications');
const UPDATE_UNIT = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`;

const FIGURES_INTERVAL_MS = 1000;
const SETTINGS = {
  FEED_POLL_MS: '50',
  FIGURES_CHANGED_INTERVAL_MS: String(FIGURES_INTERVAL_MS),
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_MS: '1000',
  WEBHOOK_LEASE_MS: '5000',
  WEBHOOK_JOB_EXPIRE_SECONDS: '6',
  QUEUE_MAINTENANCE_SECONDS: '1',
  QUEUE_POLL_SECONDS: '0.5',
  DIGEST_AT: '00:00',
  DIGEST_CHECK_MS: '200',
};
const CODES = ['SXD', 'SYT', 'SCT', 'STC'] as const;
const WRITERS = 6;
const TASKS_PER_WRITER = 6;

let stack: TestStack;
let replicas: NotificationsReplicas;
let first: NotificationsProcess;
let second: NotificationsProcess;
let gateway: { url: string; stop(): Promise<void> };
let office: GraphQLClient;
let db: pg.Client;
const units: Record<string, string> = {};
const receiver = new WebhookReceiver();
/** Per task, who is told what: its lead unit and its coordinating units. */
const tasks = new Map<string, { lead: string; coordinating: string[] }>();
const smtp = new MailReceiver();
const mails = smtp.mails;

beforeAll(async () => {
  await receiver.start();
  await smtp.start();
  stack = await startTestStack();
  Object.assign(
    units,
    await createDepartments(
      stack,
      CODES.map((code) => [code, `Sở ${code}`] as const),
    ),
  );
  for (const code of CODES)
    await stack.gateway.client.data(UPDATE_UNIT, {
      input: { id: units[code], contactEmail: `vanthu@${code.toLowerCase()}.langson.gov.vn` },
    });
  // Only the replicas under test work the queue and follow the feeds.
  await stack.notifications.stop();
  replicas = new NotificationsReplicas(stack, {
    ...SETTINGS,
    SMTP_URL: smtp.url,
  });
  [first, second] = await Promise.all([replicas.start(), replicas.start()]);
  gateway = await stack.anotherGateway({ subgraphUrls: { notifications: first.url } });
  office = new GraphQLClient(gateway.url, testToken({ sub: 'office-1', roles: ['OFFICE', 'LEADER'] }));
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const { createWebhook } = await office.data<any>(CREATE_WEBHOOK, {
    input: { url: receiver.url, eventTypes: ['TASK_ASSIGNED', 'TASK_PROGRESS_REPORTED', 'FIGURES_CHANGED'] },
  });
  receiver.secrets = [createWebhook.secret];
}, 180_000);

afterAll(async () => {
  await db?.end();
  await gateway?.stop();
  await replicas?.stop();
  await stack?.stop();
  await receiver.stop();
  await smtp.stop();
});

/**
 * WRITERS writers at once, each assigning TASKS_PER_WRITER tasks (a lead unit and one or two
 * coordinating units) and reporting the progress of each as its lead unit.
 */
async function burst(round: number): Promise<void> {
  const today = todayInVietnam();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; n < TASKS_PER_WRITER; n++) {
        const index = round * 1000 + writer * TASKS_PER_WRITER + n;
        const lead = units[CODES[index % 4]!]!;
        const coordinating = [units[CODES[(index + 1) % 4]!]!, ...(n % 2 ? [] : [units[CODES[(index + 2) % 4]!]!])];
        const { assignTask } = await office.data<any>(ASSIGN, {
          input: {
            title: `Nhiệm vụ ${index}`,
            assignedOn: addDays(today, -10),
            // Far from today: neither due soon nor overdue.
            dueOn: addDays(today, 100),
            leadOrganisationId: lead,
            coordinatingOrganisationIds: coordinating,
          },
        });
        tasks.set(assignTask.id, { lead, coordinating });
        await unitClient(lead).data(PROGRESS, {
          input: { taskId: assignTask.id, reportedOn: addDays(today, -5), note: `Tiến độ ${index}` },
        });
      }
    }),
  );
}

const unitClient = (unit: string) =>
  new GraphQLClient(gateway.url, testToken({ sub: `staff-${unit}`, roles: ['UNIT'], org: unit }));

/** Every event of the task feed, as the Office reads it. */
async function feedEvents(): Promise<Array<{ id: string }>> {
  const events: Array<{ id: string }> = [];
  let after: string | null = null;
  for (;;) {
    const { taskEvents }: any = await office.data(EVENTS, { after, first: 100 });
    events.push(...taskEvents.edges.map(({ node }: any) => node));
    after = taskEvents.pageInfo.endCursor ?? after;
    if (!taskEvents.pageInfo.hasNextPage) return events;
  }
}

async function one<Row>(sql: string): Promise<Row> {
  return (await db.query(sql)).rows[0] as Row;
}

/** How many events the consumers committed as read of the task feed (its cursor row). */
async function eventsRead(): Promise<number> {
  return Number(
    (await one<{ n: string }>(`SELECT events_read AS n FROM notifications.feed_cursor WHERE feed = 'task'`)).n,
  );
}

/** Samples the task cursor's count while `during` runs; the samples in order. */
async function sampleCursor(during: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void during.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    samples.push(await eventsRead());
    await new Promise((wake) => setTimeout(wake, 50));
  }
  return samples;
}

/**
 * Waits until nothing is left to send: every event of the feed received, every delivery
 * delivered, no delivery job waiting or running, no figure signal due.
 */
async function settled(expected: ReadonlySet<string>): Promise<void> {
  await eventually(async () => {
    if (!isSubset(expected, receivedEventIds())) return false;
    const { open } = await one<{ open: number }>(
      `SELECT (SELECT count(*) FROM notifications.delivery WHERE status <> 'DELIVERED')
            + (SELECT count(*) FROM notifications_queue.job WHERE name = 'webhook-delivery' AND state < 'completed')
            + (SELECT count(*) FROM notifications.figures_signal WHERE due_at IS NOT NULL) AS open`,
    );
    return Number(open) === 0;
  }, 90_000);
}

const isSubset = (small: ReadonlySet<string>, large: ReadonlySet<string>) => [...small].every((id) => large.has(id));
const taskRequests = () => receiver.received.filter((request) => request.payload?.type.startsWith('task.'));
const receivedEventIds = () => new Set(taskRequests().map((request) => request.payload!.data.eventId as string));

/** Each webhook-id with what came under it: a retry repeats its first sending exactly. */
function bodiesById(requests: readonly ReceivedWebhook[]): Map<string, Set<string>> {
  const bodies = new Map<string, Set<string>>();
  for (const { id, rawBody } of requests) bodies.set(id, (bodies.get(id) ?? new Set()).add(rawBody));
  return bodies;
}

/** Each event under one webhook-id, each webhook-id one body. */
function expectOneMessageIdPerEvent(): void {
  expect(receiver.received.every((request) => request.payload && request.answered === 204)).toBe(true);
  for (const bodies of bodiesById(receiver.received).values()) expect(bodies.size).toBe(1);
  const idsByEvent = new Map<string, Set<string>>();
  for (const request of taskRequests()) {
    const eventId = request.payload!.data.eventId as string;
    idsByEvent.set(eventId, (idsByEvent.get(eventId) ?? new Set()).add(request.id));
  }
  for (const ids of idsByEvent.values()) expect(ids.size).toBe(1);
}

/** Per unit, its FIGURES_CHANGED signals (each message once) at least an interval apart. */
function expectFigureSignalsSpaced(): void {
  const signals = [...bodiesById(receiver.received.filter((r) => r.payload?.type === 'figures.changed')).values()].map(
    (bodies) => JSON.parse([...bodies][0]!) as { timestamp: string; data: { organisationIds: string[] } },
  );
  for (const code of CODES) {
    const times = signals
      .filter((signal) => signal.data.organisationIds.includes(units[code]!))
      .map((signal) => Date.parse(signal.timestamp))
      .sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(0);
    for (let n = 1; n < times.length; n++)
      expect(times[n]! - times[n - 1]!).toBeGreaterThanOrEqual(FIGURES_INTERVAL_MS);
  }
}

/** Each unit's inbox holds one TASK_ASSIGNED per task it leads, one COORDINATION_REQUESTED per task it coordinates. */
async function expectInboxesOncePerTask(): Promise<void> {
  for (const code of CODES) {
    const unit = units[code]!;
    const client = unitClient(unit);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { myNotifications }: any = await client.data(MINE, { first: 100, after });
      seen.push(...myNotifications.edges.map(({ node }: any) => `${node.kind} ${node.task.id}`));
      if (!myNotifications.pageInfo.hasNextPage) break;
      after = myNotifications.pageInfo.endCursor;
    }
    const expected = [...tasks].flatMap(([taskId, { lead, coordinating }]) => [
      ...(lead === unit ? [`TASK_ASSIGNED ${taskId}`] : []),
      ...(coordinating.includes(unit) ? [`COORDINATION_REQUESTED ${taskId}`] : []),
    ]);
    expect(seen.sort()).toEqual(expected.sort());
  }
}

/** One digest e-mail per unit for the day, however many replicas look. */
function expectOneDigestPerUnit(): void {
  const day = todayInVietnam().split('-').reverse().join('/');
  expect(mails.map((mail) => mail.subject?.replace(/^.* của (.*) ngày (.*)$/, '$1 $2')).sort()).toEqual(
    CODES.map((code) => `Sở ${code} ${day}`).sort(),
  );
}

const eventsReadBy = async (replica: NotificationsProcess) =>
  metricValue(await replica.metrics(), 'giaoviec_feed_events_read_total', 'feed="task"');

it('with two replicas, each feed page is read once, each event delivered and told once', async () => {
  const writing = burst(0);
  const samples = await sampleCursor(writing);
  await writing;
  const events = await feedEvents();
  expect(events).toHaveLength(WRITERS * TASKS_PER_WRITER * 2);
  const expected = new Set(events.map((event) => event.id));
  await settled(expected);

  expect(receivedEventIds()).toEqual(expected);
  // No event twice, no message twice: each delivery was attempted once.
  expect(taskRequests()).toHaveLength(expected.size);
  expect(new Set(receiver.received.map((request) => request.id)).size).toBe(receiver.received.length);
  expect(
    await one(`SELECT count(*)::int AS deliveries, max(attempts) AS attempts FROM notifications.delivery`),
  ).toEqual({
    deliveries: receiver.received.length,
    attempts: 1,
  });
  expectOneMessageIdPerEvent();

  // The cursor only moved forward, and counted each event once: no page was committed twice.
  expect(samples).toEqual([...samples].sort((a, b) => a - b));
  expect(await eventsRead()).toBe(expected.size);
  // Both replicas read pages, and between them read each event once.
  const [byFirst, bySecond] = await Promise.all([eventsReadBy(first), eventsReadBy(second)]);
  expect(byFirst).toBeGreaterThan(0);
  expect(bySecond).toBeGreaterThan(0);
  expect(byFirst + bySecond).toBe(expected.size);

  await expectInboxesOncePerTask();
  expectFigureSignalsSpaced();
  await eventually(() => mails.length >= CODES.length);
  expectOneDigestPerUnit();
}, 240_000);

it('loses nothing when one replica is killed with SIGKILL in the middle of a burst', async () => {
  const before = receivedEventIds().size;
  const survivorBefore = await eventsReadBy(first);
  const writing = burst(1);
  const samples = sampleCursor(writing);
  // Some of this burst is delivered, and more is still being written, when the second replica dies.
  await eventually(() => receivedEventIds().size >= before + 5);
  second.process.kill('SIGKILL');
  await writing;
  const events = await feedEvents();
  expect(events).toHaveLength(2 * WRITERS * TASKS_PER_WRITER * 2);
  const expected = new Set(events.map((event) => event.id));
  await settled(expected);

  expect(receivedEventIds()).toEqual(expected);
  // A sending cut short by the kill may come again, with its first webhook-id and body.
  expectOneMessageIdPerEvent();
  const counts = await samples;
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  // The page the killed replica held was rolled back, and read again once by the survivor.
  expect(await eventsRead()).toBe(expected.size);
  expect(await eventsReadBy(first)).toBeGreaterThan(survivorBefore);

  await expectInboxesOncePerTask();
  expectFigureSignalsSpaced();
  expectOneDigestPerUnit();
}, 240_000);
