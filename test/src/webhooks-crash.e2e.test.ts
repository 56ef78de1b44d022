import { contractOperation, GraphQLClient } from './harness/graphql-client';
import { NotificationsReplicas, type NotificationsProcess } from './harness/notifications-process';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';
import { WebhookReceiver, eventually } from './harness/webhook-receiver';

/**
 * The notifications service as a process of its own, killed with SIGKILL in the middle of a
 * burst of changes and started again: the receiver still gets every event of the feed (its
 * cursor, its deliveries and their jobs were committed together; a job of the dead process is
 * expired and retried, its lease on a delivery ends by itself).
 */
const CREATE = contractOperation('webhooks.graphql', 'CreateWebhook');
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');

let stack: TestStack;
let replicas: NotificationsReplicas;
let service: NotificationsProcess;
let gateway: { url: string; stop(): Promise<void> };
let client: GraphQLClient;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  await receiver.start();
  stack = await startTestStack();
  // Only the process under test works the queue.
  await stack.notifications.stop();
  replicas = new NotificationsReplicas(stack, {
    FEED_POLL_MS: '100',
    WEBHOOK_RETRY_BASE_MS: '200',
    WEBHOOK_RETRY_MAX_MS: '1000',
    WEBHOOK_LEASE_MS: '3000',
    WEBHOOK_JOB_EXPIRE_SECONDS: '4',
    QUEUE_MAINTENANCE_SECONDS: '1',
    QUEUE_POLL_SECONDS: '0.5',
  });
  service = await replicas.start();
  gateway = await stack.anotherGateway({ subgraphUrls: { notifications: service.url } });
  client = new GraphQLClient(gateway.url, testToken({ sub: 'office-1', roles: ['OFFICE', 'LEADER'] }));
}, 120_000);

afterAll(async () => {
  await replicas?.stop();
  await gateway?.stop();
  await stack?.stop();
  await receiver.stop();
});

it('loses nothing when the process is killed in the middle of a burst', async () => {
  const { createOrganisation } = await client.data<any>(CREATE_UNIT, {
    input: { code: 'SXD', name: 'Sở Xây dựng', kind: 'DEPARTMENT' },
  });
  const { createWebhook } = await client.data<any>(CREATE, {
    input: { url: receiver.url, eventTypes: ['TASK_ASSIGNED'] },
  });
  receiver.secrets = [createWebhook.secret];
  const assign = (n: number) =>
    client.data(ASSIGN, {
      input: {
        title: `Nhiệm vụ ${n}`,
        assignedOn: '2026-01-05',
        dueOn: '2026-03-31',
        leadOrganisationId: createOrganisation.id,
      },
    });
  const burst = Promise.all(Array.from({ length: 30 }, (_, n) => assign(n)));
  await eventually(() => receiver.delivered().length >= 3);
  service.process.kill('SIGKILL');
  await burst;
  await Promise.all(Array.from({ length: 10 }, (_, n) => assign(100 + n)));
  // Started again where the gateway expects it.
  await replicas.start(service.port);
  const expected = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const { taskEvents }: any = await client.data(EVENTS, { after, first: 50 });
    for (const { node } of taskEvents.edges) expected.add(node.id);
    after = taskEvents.pageInfo.endCursor ?? after;
    if (!taskEvents.pageInfo.hasNextPage) break;
  }
  expect(expected.size).toBe(40);
  const received = () => new Set(receiver.delivered().map((request) => request.payload!.data.eventId as string));
  await eventually(() => received().size === 40, 60_000);
  expect(received()).toEqual(expected);
  // A duplicate, if any, came with the webhook-id of its first sending.
  const idsByEvent = new Map<string, Set<string>>();
  for (const request of receiver.delivered()) {
    const eventId = request.payload!.data.eventId as string;
    idsByEvent.set(eventId, (idsByEvent.get(eventId) ?? new Set()).add(request.id));
  }
  for (const ids of idsByEvent.values()) expect(ids.size).toBe(1);
}, 120_000);
