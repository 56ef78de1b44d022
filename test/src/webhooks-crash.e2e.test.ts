import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { contractOperation, GraphQLClient } from './harness/graphql-client';
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
const SCRIPT = join(__dirname, '../../services/notifications/dist/index.js');

let stack: TestStack;
let gateway: { url: string; stop(): Promise<void> };
let client: GraphQLClient;
let port: number;
let child: ChildProcess | null = null;
const receiver = new WebhookReceiver();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port: free } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return free;
}

/** Starts the built service with the stack's database and peers; resolves once it is ready. */
async function startNotifications(): Promise<void> {
  child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      NOTIFICATIONS_PORT: String(port),
      DEMO_DATA: 'none',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      FEED_POLL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_RETRY_MAX_MS: '1000',
      WEBHOOK_LEASE_MS: '3000',
      WEBHOOK_JOB_EXPIRE_SECONDS: '4',
      QUEUE_MAINTENANCE_SECONDS: '1',
      QUEUE_POLL_SECONDS: '0.5',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await eventually(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/ready`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
}

beforeAll(async () => {
  await receiver.start();
  stack = await startTestStack();
  // Only the process under test works the queue.
  await stack.notifications.stop();
  port = await freePort();
  await startNotifications();
  gateway = await stack.anotherGateway({ subgraphUrls: { notifications: `http://127.0.0.1:${port}/graphql` } });
  client = new GraphQLClient(gateway.url, testToken({ sub: 'office-1', roles: ['OFFICE', 'LEADER'] }));
}, 120_000);

afterAll(async () => {
  child?.kill('SIGTERM');
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
  child!.kill('SIGKILL');
  await burst;
  await Promise.all(Array.from({ length: 10 }, (_, n) => assign(100 + n)));
  await startNotifications();
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
