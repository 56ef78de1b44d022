import { JobQueue, notificationsService } from '@giaoviec/notifications';
import { createLogger, createTestDatabase, openServiceDatabase, type TestDatabase } from '@giaoviec/shared';
import { eventually } from './harness/webhook-receiver';

/**
 * The delivery queue's workers on a real PostgreSQL (pg-boss 10, decision 28): a process runs up
 * to its concurrency of jobs at once, fetched in batches, and a job that throws is failed and
 * retried alone while the rest of its batch completes.
 */
const CONCURRENCY = 6;
const log = createLogger('job-queue-test');
log.level = 'silent';
let database: TestDatabase;
let db: Awaited<ReturnType<typeof openServiceDatabase>>;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openServiceDatabase({ ...notificationsService.database!, url: database.url, log });
  queue = await JobQueue.start(
    database.url,
    { expireInSeconds: 60, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5, concurrency: CONCURRENCY },
    log,
  );
}, 60_000);

afterAll(async () => {
  await queue?.stop();
  await db?.dataSource.destroy();
  await database?.drop();
});

it('runs jobs up to its concurrency at once, each until it succeeds, a failing one retried alone', async () => {
  const ids = Array.from({ length: 20 }, (_, index) => `delivery-${index}`);
  await db.dataSource.transaction((tx) =>
    queue.enqueueDeliveries(
      tx,
      ids.map((id) => ({ id })),
    ),
  );
  const runs = new Map<string, number>();
  let running = 0;
  let most = 0;
  // The first jobs wait until the concurrency is reached: then every worker holds a full batch.
  let opened!: () => void;
  const gate = new Promise<void>((open) => (opened = open));
  await queue.work(async ({ deliveryId }) => {
    runs.set(deliveryId, (runs.get(deliveryId) ?? 0) + 1);
    running++;
    most = Math.max(most, running);
    if (running === CONCURRENCY) opened();
    try {
      await gate;
      if (deliveryId === 'delivery-3' && runs.get(deliveryId) === 1) throw new Error('the peer did not answer');
    } finally {
      running--;
    }
  });
  await eventually(() => ids.every((id) => runs.has(id)) && runs.get('delivery-3') === 2);
  expect(most).toBe(CONCURRENCY);
  expect(Object.fromEntries(runs)).toEqual(Object.fromEntries(ids.map((id) => [id, id === 'delivery-3' ? 2 : 1])));
});
