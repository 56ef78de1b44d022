import { Webhook } from 'standardwebhooks';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { createDepartments } from './harness/units';
import { WebhookReceiver, eventually } from './harness/webhook-receiver';

/**
 * Webhooks end to end: created through the gateway, fed by the task and inspection feeds, sent
 * to a real receiver that checks each signature with the standardwebhooks library. Retries are
 * fast here (WEBHOOK_RETRY_*), as the defaults would make a test wait hours.
 */
const CREATE = contractOperation('webhooks.graphql', 'CreateWebhook');
const ROTATE = contractOperation('webhooks.graphql', 'RotateWebhookSecret');
const DELETE = contractOperation('webhooks.graphql', 'DeleteWebhook');
const REDELIVER = contractOperation('webhooks.graphql', 'RedeliverWebhookDelivery');
const WEBHOOKS = contractOperation('webhooks.graphql', 'Webhooks');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');

const FAST = {
  FEED_POLL_MS: '100',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_MS: '1000',
  QUEUE_POLL_SECONDS: '0.5',
  FIGURES_CHANGED_INTERVAL_MS: '3000',
};

let stack: TestStack;
const units: Record<string, string> = {};
const receiver = new WebhookReceiver();

beforeAll(async () => {
  Object.assign(process.env, FAST);
  await receiver.start();
  stack = await startTestStack({ notifications: true });
  Object.assign(
    units,
    await createDepartments(stack, [
      ['SXD', 'Sở Xây dựng'],
      ['SYT', 'Sở Y tế'],
    ]),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
  for (const name of Object.keys(FAST)) delete process.env[name];
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = 204;
});

async function assign(lead: string, title = 'Nhiệm vụ có webhook') {
  const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
    input: { title, assignedOn: '2026-01-05', dueOn: '2026-03-31', leadOrganisationId: lead },
  });
  return assignTask.id as string;
}

async function createWebhook(input: Record<string, unknown>, client = stack.gateway.client) {
  const { createWebhook } = await client.data<any>(CREATE, { input: { url: receiver.url, ...input } });
  receiver.secrets = [createWebhook.secret];
  return createWebhook as { secret: string; webhook: { id: string } };
}

async function deleteWebhook(id: string) {
  await stack.gateway.client.data(DELETE, { input: { webhookId: id } });
}

async function listed(client = stack.gateway.client) {
  return (await client.data<any>(WEBHOOKS)).webhooks as Array<any>;
}

describe('creating a webhook', () => {
  it('refuses a bad URL, types the caller may not read and units it may not see, storing nothing', async () => {
    const refusal = async (client: typeof stack.gateway.client, input: Record<string, unknown>) => {
      const { errors } = await client.request(CREATE, {
        input: { url: receiver.url, eventTypes: ['TASK_ASSIGNED'], ...input },
      });
      return errors?.[0]?.extensions?.code;
    };
    const office = stack.gateway.client;
    expect(await refusal(office, { url: 'ftp://example.vn/hook' })).toBe('BAD_USER_INPUT');
    expect(await refusal(office, { url: 'http://169.254.169.254/latest' })).toBe('BAD_USER_INPUT');
    expect(await refusal(office, { url: 'not a url' })).toBe('BAD_USER_INPUT');
    expect(await refusal(office, { eventTypes: ['TASK_NO_SUCH_THING'] })).toBe('BAD_USER_INPUT');
    expect(await refusal(office, { eventTypes: [] })).toBe('BAD_USER_INPUT');
    expect(await refusal(office, { organisationIds: ['7b0a4f36-1111-4222-8333-944455556666'] })).toBe('BAD_USER_INPUT');
    const reader = stack.as({ sub: 'reader-1', roles: ['READER'] });
    expect(await refusal(reader, { eventTypes: ['TASK_ASSIGNED'] })).toBe('FORBIDDEN');
    const unit = stack.as({ sub: 'unit-1', roles: ['UNIT'], org: units.SXD });
    expect(await refusal(unit, { organisationIds: [units.SYT] })).toBe('FORBIDDEN');
    expect(await listed()).toEqual([]);
  });

  it('answers a secret as Standard Webhooks writes it, and lists the webhook', async () => {
    const { secret, webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'], description: 'Thử' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(await listed()).toEqual([
      expect.objectContaining({ id: webhook.id, url: receiver.url, eventTypes: ['TASK_ASSIGNED'], active: true }),
    ]);
    // Only the Office sees everyone's.
    expect(await listed(stack.as({ sub: 'leader-1', roles: ['LEADER'] }))).toEqual([]);
    await deleteWebhook(webhook.id);
    expect(await listed()).toEqual([]);
  });
});

describe('a delivery', () => {
  it('is signed: the receiver verifies it with the library, and a tampered body fails', async () => {
    const { webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'] });
    const taskId = await assign(units.SXD!);
    await eventually(() => receiver.delivered().length === 1);
    const [request] = receiver.delivered();
    expect(request!.payload).toEqual({
      type: 'task.assigned',
      timestamp: expect.any(String),
      data: { eventId: expect.any(String), taskId, organisationIds: [units.SXD], on: '2026-01-05' },
    });
    expect(request!.tamperedVerified).toBe(false);
    expect(() => new Webhook(receiver.secrets[0]!).verify(`${request!.rawBody} `, request!.headers)).toThrow();
    const [listedWebhook] = await listed();
    expect(listedWebhook.deliveries.edges[0].node).toMatchObject({
      id: request!.id,
      type: 'TASK_ASSIGNED',
      status: 'DELIVERED',
      attempts: 1,
      lastResponseStatus: 204,
    });
    await deleteWebhook(webhook.id);
  });

  it('is signed with both secrets after a rotation', async () => {
    const { webhook, secret: old } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'] });
    const { rotateWebhookSecret } = await stack.gateway.client.data<any>(ROTATE, { input: { webhookId: webhook.id } });
    expect(rotateWebhookSecret.secret).not.toBe(old);
    receiver.secrets = [old];
    await assign(units.SXD!);
    await eventually(() => receiver.delivered().length === 1);
    const [request] = receiver.delivered();
    expect(new Webhook(rotateWebhookSecret.secret).verify(request!.rawBody, request!.headers)).toBeTruthy();
    expect(request!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    await deleteWebhook(webhook.id);
  });

  it('survives the receiver failing and being down: every event arrives, each retry with the same webhook-id', async () => {
    const { webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'] });
    receiver.answer = 503;
    const tasks = await Promise.all([1, 2, 3, 4, 5].map((n) => assign(units.SXD!, `Nhiệm vụ ${n}`)));
    await eventually(() => new Set(receiver.received.map((request) => request.id)).size === 5);
    const failedIds = new Set(receiver.received.map((request) => request.id));
    await receiver.stop();
    // Attempts go on while nothing listens.
    await eventually(async () => {
      const [{ deliveries }] = await listed();
      return deliveries.edges.every(({ node }: any) => node.status === 'PENDING' && node.attempts >= 2);
    });
    receiver.answer = 204;
    await receiver.start();
    await eventually(() => new Set(receiver.delivered().map((request) => request.id)).size === 5);
    const delivered = receiver.delivered();
    expect(new Set(delivered.map((request) => request.id))).toEqual(failedIds);
    expect(new Set(delivered.map((request) => request.payload!.data.taskId))).toEqual(new Set(tasks));
    const [{ deliveries, failingSince }] = await listed();
    expect(failingSince).toBeNull();
    for (const { node } of deliveries.edges) {
      expect(node).toMatchObject({ status: 'DELIVERED', nextAttemptAt: null });
      expect(node.attempts).toBeGreaterThanOrEqual(2);
    }
    await deleteWebhook(webhook.id);
  });

  it('is sent again by redeliverWebhookDelivery, with the same webhook-id', async () => {
    const { webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'] });
    await assign(units.SXD!);
    await eventually(() => receiver.delivered().length === 1);
    const [first] = receiver.delivered();
    const { redeliverWebhookDelivery } = await stack.gateway.client.data<any>(REDELIVER, {
      input: { deliveryId: first!.id },
    });
    expect(redeliverWebhookDelivery).toEqual({ id: first!.id, status: 'PENDING' });
    await eventually(() => receiver.delivered().length === 2);
    expect(receiver.delivered()[1]!.id).toBe(first!.id);
    const other = stack.as({ sub: 'leader-2', roles: ['LEADER'] });
    const { errors } = await other.request(REDELIVER, { input: { deliveryId: first!.id } });
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await deleteWebhook(webhook.id);
  });

  it("of a unit's webhook carries only its unit's events", async () => {
    const unit = stack.as({ sub: 'unit-sxd', roles: ['UNIT'], org: units.SXD });
    const { webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED'] }, unit);
    const theirs = await assign(units.SYT!);
    const ours = await assign(units.SXD!);
    await eventually(() => receiver.delivered().length >= 1);
    // The other unit's event was read before ours: had it been sent, it would have come first.
    expect(receiver.delivered().map((request) => request.payload!.data.taskId)).toEqual([ours]);
    expect(theirs).not.toBe(ours);
    await deleteWebhook(webhook.id);
  });

  it('of FIGURES_CHANGED comes at most once an interval per unit, and after the last change', async () => {
    const reader = stack.as({ sub: 'reader-2', roles: ['READER'] });
    const { webhook } = await createWebhook({ eventTypes: ['FIGURES_CHANGED'], organisationIds: [units.SYT] }, reader);
    const taskId = await assign(units.SYT!);
    await eventually(() => receiver.delivered().length === 1);
    // Three changes within the interval after that signal: one more signal, when the interval ends.
    for (let n = 0; n < 3; n++)
      await stack.as({ roles: ['UNIT'], org: units.SYT }).data(PROGRESS, {
        input: { taskId, reportedOn: '2026-01-06', note: `Tiến độ ${n}` },
      });
    await eventually(() => receiver.delivered().length === 2);
    const signals = receiver.delivered().map((request) => request.payload!);
    for (const signal of signals)
      expect(signal).toEqual({
        type: 'figures.changed',
        timestamp: expect.any(String),
        data: { organisationIds: [units.SYT] },
      });
    const [first, second] = signals.map((signal) => Date.parse(signal.timestamp));
    expect(second! - first!).toBeGreaterThanOrEqual(3000);
    await deleteWebhook(webhook.id);
  });
});

describe('twenty concurrent writers', () => {
  it('the webhook receives every event of the feed', async () => {
    const { webhook } = await createWebhook({ eventTypes: ['TASK_ASSIGNED', 'TASK_PROGRESS_REPORTED'] });
    const before = await feedCursor();
    const unit = stack.as({ roles: ['UNIT'], org: units.SXD });
    await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const taskId = await assign(units.SXD!, `Song song ${n}`);
        await unit.data(PROGRESS, { input: { taskId, reportedOn: '2026-01-07', note: `Báo cáo ${n}` } });
      }),
    );
    const expected = await feedEventsAfter(before, ['ASSIGNED', 'PROGRESS_REPORTED']);
    expect(expected).toHaveLength(40);
    await eventually(() => new Set(receiver.delivered().map((r) => r.payload!.data.eventId)).size === 40, 60_000);
    expect(new Set(receiver.delivered().map((r) => r.payload!.data.eventId))).toEqual(new Set(expected));
    await deleteWebhook(webhook.id);
  }, 90_000);
});

/** The task feed's last cursor now (as the Office). */
async function feedCursor(): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    const { taskEvents }: any = await stack.gateway.client.data(EVENTS, { after, first: 50 });
    after = taskEvents.pageInfo.endCursor ?? after;
    if (!taskEvents.pageInfo.hasNextPage) return after;
  }
}

async function feedEventsAfter(after: string | null, types: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const { taskEvents }: any = await stack.gateway.client.data(EVENTS, { after, first: 50, filter: { types } });
    ids.push(...taskEvents.edges.map(({ node }: any) => node.id));
    after = taskEvents.pageInfo.endCursor ?? after;
    if (!taskEvents.pageInfo.hasNextPage) return ids;
  }
}

describe('the notifications service', () => {
  it('is ready with its queue, and counts deliveries, attempts, their lag and the feeds’ lag on /metrics', async () => {
    const base = stack.notifications.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/giaoviec_webhook_deliveries_total\{outcome="delivered",service="notifications"\} [1-9]/);
    expect(metrics).toMatch(/giaoviec_webhook_attempts_total\{result="failure",service="notifications"\} [1-9]/);
    expect(metrics).toMatch(/giaoviec_webhook_delivery_lag_seconds_count\{service="notifications"\} [1-9]/);
    expect(metrics).toMatch(/giaoviec_feed_cursor_lag_seconds\{feed="task",service="notifications"\} /);
  });
});
