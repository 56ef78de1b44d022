// Row 10 of `npm run bench`: webhook delivery, from the commit of a task event to a 2xx of a local
// receiver that checks each Standard Webhooks signature. The notifications subgraph follows no feed
// during the other rows (it would replay the whole loaded feed); here it is restarted following
// the feeds from their end, in development mode (an http loopback receiver is allowed then), and
// BENCH_WEBHOOK_EVENTS (500) tasks are assigned through the gateway by 8 concurrent writers: live
// (the lag of each event, the throughput at the writers' pace), then as many again while the
// subgraph is stopped (a backlog: how fast it delivers when the writers are not the limit).
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import shared from '@giaoviec/shared';

const WRITERS = 8;

/**
 * A receiver on a free loopback port: verifies each request against `secret`, answers 204 (401 to
 * a bad signature) and records when each verified event arrived, by event id.
 */
async function startReceiver() {
  /** @type {Array<{ eventId: string; taskId: string; timestamp: number; arrived: number }>} */
  const arrivals = [];
  let unverified = 0;
  let secret = '';
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const arrived = Date.now();
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      try {
        const payload = /** @type {{ timestamp: string; data: { eventId: string; taskId: string } }} */ (
          new Webhook(secret).verify(body, headers)
        );
        arrivals.push({
          eventId: payload.data.eventId,
          taskId: payload.data.taskId,
          timestamp: Date.parse(payload.timestamp),
          arrived,
        });
        res.writeHead(204).end();
      } catch {
        unverified++;
        res.writeHead(401).end();
      }
    });
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the receiver has no port');
  return {
    url: `http://127.0.0.1:${address.port}/hooks`,
    arrivals,
    unverified: () => unverified,
    /** @param {string} value */
    setSecret: (value) => {
      secret = value;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((closed) => server.close(() => closed(undefined)));
    },
  };
}

/** @param {number} count @param {number} ms */
const perSecond = (count, ms) => Math.round((count / ms) * 10_000) / 10;

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * @param {{
 *   stack: import('@giaoviec/shared').ServiceGroup;
 *   env: NodeJS.ProcessEnv;
 *   subgraphEnvironment: Record<string, string>;
 *   port: number;
 *   gatewayUrl: string;
 *   officeToken: string;
 *   taskDb: import('typeorm').DataSource;
 *   unitIds: string[];
 *   events: number;
 * }} options
 */
export async function measureWebhookDelivery({
  stack,
  env,
  subgraphEnvironment,
  port,
  gatewayUrl,
  officeToken,
  taskDb,
  unitIds,
  events,
}) {
  const receiver = await startReceiver();
  // The feed's end, as a cursor of the subgraph's own identity, in its own cursor table: no API sets
  // where it stands in a feed, and reading the loaded feed through it would take the whole run.
  await stack.stopOne('notifications');
  const [last] = /** @type {Array<{ tx: string; id: string; at: Date }>} */ (
    await taskDb.query(
      `SELECT tx_id::text AS tx, id::text AS id, at FROM assignments.task_history ORDER BY tx_id DESC, id DESC LIMIT 1`,
    )
  );
  if (!last) throw new Error('no task history to follow from its end');
  const cursor = shared.signFeedCursor('task', shared.serviceUser('notifications').id, {
    tx: last.tx,
    id: last.id,
    at: last.at.toISOString(),
  });
  await taskDb.query(
    `INSERT INTO notifications.feed_cursor (feed, after) VALUES ('task', $1)
       ON CONFLICT (feed) DO UPDATE SET after = EXCLUDED.after`,
    [cursor],
  );
  const startNotifications = async () => {
    const notifications = stack.start({
      name: 'notifications',
      script: 'services/notifications/dist/index.js',
      env: {
        ...env,
        ...subgraphEnvironment,
        NOTIFICATIONS_PORT: String(port),
        NOTIFICATIONS_FEEDS: 'on',
        NODE_ENV: 'development',
      },
      readyUrl: `http://127.0.0.1:${port}/ready`,
    });
    await shared.waitUntilReady(notifications);
  };
  await startNotifications();

  /**
   * @template T
   * @param {string} query @param {Record<string, unknown>} variables @returns {Promise<T>}
   */
  const send = async (query, variables) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officeToken}` },
      body: JSON.stringify({ query, variables }),
    });
    /** @type {unknown} */
    const json = await response.json();
    const result = /** @type {{ data?: T; errors?: unknown[] }} */ (json);
    if (!response.ok || result.errors || !result.data)
      throw new Error(`the gateway answered ${response.status}: ${JSON.stringify(result).slice(0, 500)}`);
    return result.data;
  };
  /** @type {{ createWebhook: { secret: string; webhook: { id: string } } }} */
  const { createWebhook } = await send(
    `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`,
    { input: { url: receiver.url, eventTypes: ['TASK_ASSIGNED'], description: 'bench' } },
  );
  receiver.setSecret(createWebhook.secret);

  const today = shared.todayInVietnam();
  /** @type {Map<string, number>} each task's id, when its assignment was answered */
  const written = new Map();
  let titles = 0;
  /** `count` tasks assigned by the writers; when they started and when the last answered. */
  const writeTasks = async (/** @type {number} */ count) => {
    const started = Date.now();
    let left = count;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (left-- > 0) {
          const index = titles++;
          /** @type {{ assignTask: { id: string } }} */
          const { assignTask } = await send(
            `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`,
            {
              input: {
                title: `Nhiệm vụ đo webhook ${index + 1}`,
                assignedOn: today,
                dueOn: shared.addDays(today, 30),
                leadOrganisationId: unitIds[index % unitIds.length],
              },
            },
          );
          written.set(assignTask.id, Date.now());
        }
      }),
    );
    return { started, finished: Date.now() };
  };
  /** Until `count` events have arrived in all, or a minute passes without a new one. */
  const arrivedInAll = async (/** @type {number} */ count) => {
    let seen = 0;
    let quietSince = Date.now();
    while (new Set(receiver.arrivals.map((arrival) => arrival.eventId)).size < count) {
      if (receiver.arrivals.length !== seen) {
        seen = receiver.arrivals.length;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > 60_000) return;
      await new Promise((wake) => setTimeout(wake, 50));
    }
  };
  // Live: each event delivered while the writers go on.
  const live = await writeTasks(events);
  await arrivedInAll(events);
  const liveArrivals = [...receiver.arrivals];
  // A backlog: the events written while the subgraph is down, delivered once it is back.
  await stack.stopOne('notifications');
  await writeTasks(events);
  await startNotifications();
  const backAt = Date.now();
  await arrivedInAll(2 * events);
  // A moment more: a duplicate would arrive now.
  await new Promise((wake) => setTimeout(wake, 2000));
  await send(`mutation ($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { id } }`, {
    input: { webhookId: createWebhook.webhook.id },
  }).catch(() => undefined);
  await receiver.close();

  const arrivals = receiver.arrivals;
  const byEvent = new Map();
  for (const arrival of arrivals) byEvent.set(arrival.eventId, (byEvent.get(arrival.eventId) ?? 0) + 1);
  const duplicates = [...byEvent.values()].filter((count) => count > 1).length;
  const deliveredTasks = new Set(arrivals.map((arrival) => arrival.taskId));
  const missing = [...written.keys()].filter((taskId) => !deliveredTasks.has(taskId));
  if (missing.length || duplicates || receiver.unverified() || byEvent.size !== 2 * events)
    throw new Error(
      `webhooks: ${byEvent.size} of ${2 * events} events delivered, ${missing.length} tasks missing, ${duplicates} delivered twice, ${receiver.unverified()} unverified`,
    );
  const lags = liveArrivals.map((arrival) => arrival.arrived - arrival.timestamp).sort((a, b) => a - b);
  // Where the lag goes: until the subgraph read the event from the feed (its row's recorded_at, the
  // start of the page's transaction), and from there to the receiver.
  const read = new Map(
    /** @type {Array<{ id: string; recorded: Date }>} */ (
      await taskDb.query(`SELECT id, recorded_at AS recorded FROM notifications.event WHERE id = ANY($1)`, [
        liveArrivals.map((arrival) => `task:${arrival.eventId}`),
      ])
    ).map((row) => [row.id.slice('task:'.length), row.recorded.getTime()]),
  );
  const untilRead = liveArrivals
    .map((arrival) => (read.get(arrival.eventId) ?? NaN) - arrival.timestamp)
    .sort((a, b) => a - b);
  const afterRead = liveArrivals
    .map((arrival) => arrival.arrived - (read.get(arrival.eventId) ?? NaN))
    .sort((a, b) => a - b);
  // From the writer's answer (after the commit) instead: what a client that just wrote would wait.
  const afterAnswer = liveArrivals
    .map((arrival) => arrival.arrived - (written.get(arrival.taskId) ?? NaN))
    .sort((a, b) => a - b);
  const lastLive = Math.max(...liveArrivals.map((arrival) => arrival.arrived));
  const lastBacklog = Math.max(...arrivals.map((arrival) => arrival.arrived));
  return {
    events,
    writers: WRITERS,
    writesPerSecond: perSecond(events, live.finished - live.started),
    deliveredPerSecond: perSecond(events, lastLive - live.started),
    // The backlog's events over the time from the subgraph's /ready to the last of them.
    backlogPerSecond: perSecond(events, lastBacklog - backAt),
    lagMs: { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), p99: quantile(lags, 0.99), max: lags.at(-1) },
    lagAfterAnswerMs: { p50: quantile(afterAnswer, 0.5), p99: quantile(afterAnswer, 0.99) },
    untilReadMs: { p50: quantile(untilRead, 0.5), p99: quantile(untilRead, 0.99) },
    readToArrivalMs: { p50: quantile(afterRead, 0.5), p99: quantile(afterRead, 0.99) },
    // After the last write: how long the deliveries still took.
    drainMs: lastLive - live.finished,
  };
}
