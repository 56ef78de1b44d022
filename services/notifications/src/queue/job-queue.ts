import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { returning } from '../sql';

/**
 * The job queue, kept in PostgreSQL by pg-boss (decision 28) in the schema `notifications_queue`,
 * which pg-boss installs and upgrades itself under an advisory lock. Jobs are fetched with
 * `FOR UPDATE SKIP LOCKED`, so replicas share them and each runs once at a time; a job whose
 * process died is expired after `expireInSeconds` and retried.
 */
export const QUEUE_SCHEMA = 'notifications_queue';
export const DELIVERY_QUEUE = 'webhook-delivery';

export interface QueueSettings {
  /** A job still active this long is taken to be lost (its process died) and retried. */
  expireInSeconds: number;
  /** How often expired jobs are looked for. */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker asks for new jobs (it is also woken when this process queues some). */
  pollingIntervalSeconds: number;
  /** Delivery jobs a process runs at once. */
  concurrency: number;
}

/**
 * `WEBHOOK_JOB_EXPIRE_SECONDS` (60), `QUEUE_MAINTENANCE_SECONDS` (30), `QUEUE_POLL_SECONDS` (1),
 * `WEBHOOK_CONCURRENCY` (16).
 */
export function queueSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const concurrency = Number(env.WEBHOOK_CONCURRENCY ?? 16);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`WEBHOOK_CONCURRENCY must be a whole number of at least 1, not ${env.WEBHOOK_CONCURRENCY}`);
  return {
    expireInSeconds: Number(env.WEBHOOK_JOB_EXPIRE_SECONDS ?? 60),
    maintenanceIntervalSeconds: Number(env.QUEUE_MAINTENANCE_SECONDS ?? 30),
    pollingIntervalSeconds: Number(env.QUEUE_POLL_SECONDS ?? 1),
    concurrency,
  };
}

/**
 * Jobs one pg-boss worker fetches at once. A worker fetches its next batch when the whole batch is
 * done, so a slow receiver (up to the 10 s timeout) holds back only the jobs of its own batch:
 * small batches, and as many workers as the concurrency needs.
 */
const BATCH_SIZE = 4;

export interface DeliveryJob {
  deliveryId: string;
}

export class JobQueue {
  private readonly workers: string[] = [];

  private constructor(
    private readonly boss: PgBoss,
    private readonly settings: QueueSettings,
  ) {}

  static async start(databaseUrl: string, settings: QueueSettings, log: Logger): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: QUEUE_SCHEMA,
      max: 4,
      application_name: 'giaoviec-notifications-queue',
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      // Our deliveries schedule their own retries; the queue retries only jobs whose process died.
      retryLimit: 1000,
      retryDelay: 1,
      expireInSeconds: settings.expireInSeconds,
    });
    boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    await boss.createQueue(DELIVERY_QUEUE, {
      name: DELIVERY_QUEUE,
      retryLimit: 1000,
      retryDelay: 1,
      expireInSeconds: settings.expireInSeconds,
    });
    return new JobQueue(boss, settings);
  }

  /**
   * Queues deliveries in the caller's transaction: the jobs exist if and only if the rows that
   * need them were committed.
   */
  async enqueueDeliveries(tx: EntityManager, deliveries: ReadonlyArray<{ id: string; at?: Date }>): Promise<void> {
    if (deliveries.length === 0) return;
    await this.boss.insert(
      deliveries.map(({ id, at }) => ({
        name: DELIVERY_QUEUE,
        data: { deliveryId: id } satisfies DeliveryJob,
        startAfter: at,
        retryLimit: 1000,
        retryDelay: 1,
        expireInSeconds: this.settings.expireInSeconds,
      })),
      { db: inTransaction(tx) },
    );
  }

  /**
   * Runs `handle` for each delivery job, `concurrency` at a time in this process: workers that each
   * fetch a batch, run its jobs together and fetch again at once after a full batch (pg-boss 10
   * waits its polling interval after every fetch otherwise). A job that throws is failed alone and
   * retried by the queue; the others of its batch complete.
   */
  async work(handle: (job: DeliveryJob) => Promise<void>): Promise<void> {
    const { concurrency, pollingIntervalSeconds } = this.settings;
    for (let left = concurrency; left > 0; left -= BATCH_SIZE) {
      const batchSize = Math.min(BATCH_SIZE, left);
      // Known before its first batch: pg-boss returns the id before the first fetch answers.
      let worker = '';
      worker = await this.boss.work<DeliveryJob>(
        DELIVERY_QUEUE,
        { pollingIntervalSeconds, batchSize },
        async (jobs) => {
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await handle(job.data);
              } catch (error) {
                await this.boss.fail(DELIVERY_QUEUE, job.id, error as object);
              }
            }),
          );
          // pg-boss completes the batch's other jobs when this returns.
          if (jobs.length === batchSize) this.boss.notifyWorker(worker);
        },
      );
      this.workers.push(worker);
    }
  }

  /**
   * Jobs this process has just committed are due: its workers fetch now instead of at their next
   * poll. Call after the commit (before it, they would find nothing and sleep a whole interval).
   */
  wake(): void {
    for (const worker of this.workers) this.boss.notifyWorker(worker);
  }

  /** Throws unless the queue's tables answer. */
  async checkReady(): Promise<void> {
    await this.boss.getQueueSize(DELIVERY_QUEUE);
  }

  /** Stops fetching, lets running jobs finish (up to 15 s), closes its pool. */
  stop(): Promise<void> {
    return this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }
}

/** pg-boss's executor over a TypeORM transaction. */
function inTransaction(tx: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await returning(tx, text, values) }),
  };
}
