import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The notifications service's own metrics, on its `/metrics`: deliveries by outcome, attempts,
 * the delivery lag (the event's commit to the receiver's 2xx), the events it read of each feed and
 * how far behind each feed it is.
 */
export class NotificationMetrics {
  readonly deliveries = new Counter({
    name: 'giaoviec_webhook_deliveries_total',
    help: 'Webhook deliveries that ended, by outcome (delivered, failed, skipped).',
    labelNames: ['outcome'],
    registers: [],
  });
  readonly attempts = new Counter({
    name: 'giaoviec_webhook_attempts_total',
    help: 'Webhook attempts, by result (success: a 2xx; failure: anything else).',
    labelNames: ['result'],
    registers: [],
  });
  readonly lag = new Histogram({
    name: 'giaoviec_webhook_delivery_lag_seconds',
    help: 'From the commit of an event to the 2xx of its webhook delivery.',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86_400],
    registers: [],
  });
  readonly eventsRead = new Counter({
    name: 'giaoviec_feed_events_read_total',
    help: 'Per feed: the events this process read and committed (a page is read by one replica: the sum over replicas is what the feed gave).',
    labelNames: ['feed'],
    registers: [],
  });
  readonly cursorLag = new Gauge({
    name: 'giaoviec_feed_cursor_lag_seconds',
    help: 'Per feed: the age of the last event read when its page was read (0: nothing waiting).',
    labelNames: ['feed'],
    registers: [],
  });

  register(registry: Registry): void {
    registry.registerMetric(this.deliveries);
    registry.registerMetric(this.attempts);
    registry.registerMetric(this.lag);
    registry.registerMetric(this.eventsRead);
    registry.registerMetric(this.cursorLag);
  }

  /** A page of a feed was read: the consumer is as far behind as its last event is old. */
  pageRead(feed: string, events: ReadonlyArray<{ occurredAt: Date }>, hasNextPage: boolean): void {
    this.eventsRead.inc({ feed }, events.length);
    const last = events.at(-1);
    this.cursorLag.set({ feed }, last && hasNextPage ? (Date.now() - last.occurredAt.getTime()) / 1000 : 0);
  }
}
