import type { BackgroundWork } from '@giaoviec/shared';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { FeedConsumer } from './feed/feed-consumer';
import { JobQueue, queueSettingsFromEnvironment } from './queue/job-queue';
import { attemptDelivery } from './webhook/delivery-worker';
import { retryPolicyFromEnvironment } from './webhook/retry-policy';
import { urlPolicyFromEnvironment } from './webhook/url-policy';

/**
 * The service's work besides its API: the job queue, the feed consumer that fills it, and the
 * delivery workers that empty it. Settings from the environment (`FEED_POLL_MS`,
 * `FIGURES_CHANGED_INTERVAL_MS`, `WEBHOOK_*`, `QUEUE_*`).
 */
export async function startNotificationWork({
  db,
  databaseUrl,
  log,
}: {
  db: DataSource;
  databaseUrl: string;
  log: Logger;
}): Promise<BackgroundWork> {
  const queue = await JobQueue.start(databaseUrl, queueSettingsFromEnvironment(), log);
  const consumer = new FeedConsumer({
    db,
    queue,
    log,
    pollMs: Number(process.env.FEED_POLL_MS ?? 1000),
    figuresIntervalMs: Number(process.env.FIGURES_CHANGED_INTERVAL_MS ?? 60_000),
  });
  const worker = {
    db,
    queue,
    log,
    retry: retryPolicyFromEnvironment(),
    urls: urlPolicyFromEnvironment(),
    leaseMs: Number(process.env.WEBHOOK_LEASE_MS ?? 30_000),
  };
  await queue.work((job) => attemptDelivery(job.deliveryId, worker));
  await consumer.start();
  return {
    checkReady: () => queue.checkReady(),
    stop: async () => {
      await consumer.stop();
      await queue.stop();
    },
  };
}
