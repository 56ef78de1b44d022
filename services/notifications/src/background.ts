import type { BackgroundWork } from '@giaoviec/shared';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DigestSender, digestSettingsFromEnvironment } from './digest/digest-sender';
import { FeedConsumer } from './feed/feed-consumer';
import { DeadlineWatch } from './inbox/deadline-watch';
import { NotificationMetrics } from './metrics';
import { JobQueue, queueSettingsFromEnvironment } from './queue/job-queue';
import type { ClaimedDelivery } from './webhook/delivery.store';
import type { AttemptOutcome } from './webhook/transport';
import { attemptDelivery } from './webhook/delivery-worker';
import { retryPolicyFromEnvironment } from './webhook/retry-policy';
import { urlPolicyFromEnvironment } from './webhook/url-policy';

/**
 * The service's work besides its API: the job queue, the feed consumer that fills it, the
 * delivery workers that empty it, and the daily e-mail digest (when `SMTP_URL` is set).
 * Settings from the environment (`FEED_POLL_MS`,
 * `FIGURES_CHANGED_INTERVAL_MS`, `WEBHOOK_*`, `QUEUE_*`, `SMTP_URL` and `DIGEST_*`).
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
  const metrics = new NotificationMetrics();
  const consumer = new FeedConsumer({
    onPage: (feed, events, hasNextPage) => metrics.pageRead(feed, events, hasNextPage),
    db,
    queue,
    log,
    pollMs: Number(process.env.FEED_POLL_MS ?? 250),
    figuresIntervalMs: Number(process.env.FIGURES_CHANGED_INTERVAL_MS ?? 60_000),
    recentDays: Number(process.env.NOTIFICATION_RECENT_DAYS ?? 30),
  });
  const worker = {
    db,
    queue,
    log,
    retry: retryPolicyFromEnvironment(),
    urls: urlPolicyFromEnvironment(),
    leaseMs: Number(process.env.WEBHOOK_LEASE_MS ?? 30_000),
    onAttempt: (delivery: ClaimedDelivery, outcome: AttemptOutcome, at: Date) => {
      metrics.attempts.inc({ result: outcome.delivered ? 'success' : 'failure' });
      if (outcome.delivered) metrics.lag.observe((at.getTime() - delivery.event.occurredAt.getTime()) / 1000);
    },
    onEnd: (outcome: 'delivered' | 'failed' | 'skipped') => metrics.deliveries.inc({ outcome }),
  };
  await queue.work((job) => attemptDelivery(job.deliveryId, worker));
  // NOTIFICATIONS_FEEDS=off: a replica that serves the API and delivers, but follows no feed.
  const following = process.env.NOTIFICATIONS_FEEDS !== 'off';
  if (following) await consumer.start();
  const deadlines = following ? new DeadlineWatch(db, log, Number(process.env.DEADLINE_CHECK_MS ?? 600_000)) : null;
  deadlines?.start();
  const digestSettings = digestSettingsFromEnvironment();
  const digests = digestSettings ? new DigestSender(db, digestSettings, log) : null;
  digests?.start();
  return {
    checkReady: () => queue.checkReady(),
    registerMetrics: (registry) => metrics.register(registry),
    stop: async () => {
      await digests?.stop();
      await deadlines?.stop();
      await consumer.stop();
      await queue.stop();
    },
  };
}
