import { queryPeer, serviceUser, signUserToken, todayInVietnam } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { recordNotifications } from '../inbox/notification.store';
import type { JobQueue } from '../queue/job-queue';
import { markFiguresChanged, recordEvents, signalDueFigures, takeRequestedJobs } from './event.store';
import { FEEDS, type FeedSource } from './feed-sources';

export const SERVICE_NAME = 'notifications';

export interface FeedConsumerOptions {
  db: DataSource;
  queue: JobQueue;
  log: Logger;
  /** Pause between reads of a feed that had nothing new (`FEED_POLL_MS`, 250 ms). */
  pollMs: number;
  /** FIGURES_CHANGED at most once per unit in this time (`FIGURES_CHANGED_INTERVAL_MS`, 1 min). */
  figuresIntervalMs: number;
  /** Events of a day older than this many days make no inbox entry (`NOTIFICATION_RECENT_DAYS`, 30). */
  recentDays: number;
  /** Called after each page a feed gave, once committed (metrics). */
  onPage?: (feed: string, events: ReadonlyArray<{ occurredAt: Date }>, hasNextPage: boolean) => void;
}

/**
 * Follows the task and inspection feeds through their subgraphs' APIs, as the service's own
 * identity, and keeps where it stands in each (its cursor) in its own table. A page is read
 * with its cursor row locked (`FOR UPDATE SKIP LOCKED`: one replica reads a feed at a time, the
 * others skip it), and its events, their deliveries, their jobs and the new cursor are committed
 * together: a restart resumes after the last page committed, nothing missed or repeated.
 */
export class FeedConsumer {
  private stopping = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: FeedConsumerOptions) {}

  async start(): Promise<void> {
    await this.options.db.query(
      `INSERT INTO notifications.feed_cursor (feed) SELECT unnest($1::varchar[]) ON CONFLICT (feed) DO NOTHING`,
      [FEEDS.map((source) => source.feed)],
    );
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        for (const source of FEEDS) await this.follow(source);
        await this.queueDerivedWork();
      } catch (error) {
        this.options.log.warn({ err: error }, 'reading the feeds failed; trying again');
      }
      if (this.stopping) break;
      await new Promise<void>((resume) => {
        this.wake = resume;
        this.timer = setTimeout(resume, this.options.pollMs);
      });
    }
  }

  /** Reads a feed page after page until it has nothing more. */
  private async follow(source: FeedSource): Promise<void> {
    while (!this.stopping && (await this.readPage(source))) {
      // the next page
    }
  }

  /** One page in one transaction; whether another page follows. */
  private async readPage(source: FeedSource): Promise<boolean> {
    const { db, queue, figuresIntervalMs } = this.options;
    let queued = 0;
    const read = await db.transaction(async (tx) => {
      const [cursor] = (await tx.query(
        `SELECT after FROM notifications.feed_cursor WHERE feed = $1 FOR UPDATE SKIP LOCKED`,
        [source.feed],
      )) as Array<{ after: string | null }>;
      // Another replica is reading this feed now.
      if (!cursor) return null;
      const caller = { requestId: randomUUID(), userToken: await signUserToken(serviceUser(SERVICE_NAME)) };
      const data = await queryPeer<unknown>(
        source.subgraph,
        source.query,
        { after: cursor.after },
        caller,
        `its ${source.feed} feed`,
      );
      const page = source.page(data);
      const events = page.edges.map(({ node }) => source.event(node));
      const deliveries = await recordEvents(tx, events);
      if (source.feed === 'task')
        await recordNotifications(tx, events, { today: todayInVietnam(), recentDays: this.options.recentDays });
      if (source.feed === 'task')
        await markFiguresChanged(
          tx,
          events.flatMap((event) => event.organisationIds),
          figuresIntervalMs,
        );
      await queue.enqueueDeliveries(
        tx,
        deliveries.map((id) => ({ id })),
      );
      queued = deliveries.length;
      await tx.query(
        `UPDATE notifications.feed_cursor
            SET after = COALESCE($2, after), events_read = events_read + $3, read_at = now(),
                last_event_at = COALESCE($4, last_event_at)
          WHERE feed = $1`,
        [source.feed, page.pageInfo.endCursor, events.length, events.at(-1)?.occurredAt ?? null],
      );
      return { events, hasNextPage: page.pageInfo.hasNextPage };
    });
    // Committed: this process's workers take the jobs now, not at their next poll.
    if (queued) queue.wake();
    if (!read) return false;
    this.options.onPage?.(source.feed, read.events, read.hasNextPage);
    return read.hasNextPage;
  }

  /** Figure signals that are due, and the jobs of redeliveries. */
  private async queueDerivedWork(): Promise<void> {
    const queued = await this.options.db.transaction(async (tx) => {
      const deliveries = [...(await signalDueFigures(tx)), ...(await takeRequestedJobs(tx))];
      await this.options.queue.enqueueDeliveries(
        tx,
        deliveries.map((id) => ({ id })),
      );
      return deliveries.length;
    });
    if (queued) this.options.queue.wake();
  }
}
