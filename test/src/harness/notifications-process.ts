import { createLogger, freePort, ServiceGroup, waitUntilReady, type ServiceProcess } from '@giaoviec/shared';
import type { TestStack } from './stack';

/** A notifications replica: the built service in a process of its own, as in production. */
export interface NotificationsProcess {
  process: ServiceProcess['process'];
  port: number;
  /** Its GraphQL endpoint, for a gateway. */
  url: string;
  /** Its `/metrics` text now. */
  metrics(): Promise<string>;
}

/**
 * Replicas of the notifications service over a test stack's database and subgraphs (built:
 * `services/notifications/dist`), started with the stack's runner and stopped together.
 */
export class NotificationsReplicas {
  private readonly group = new ServiceGroup(quietLogger());

  constructor(
    private readonly stack: TestStack,
    /** Settings every replica gets (FEED_POLL_MS, WEBHOOK_*, QUEUE_*…). */
    private readonly settings: Record<string, string>,
  ) {}

  /** Starts one (on `port` when given: a restart) and resolves once it is ready. */
  async start(port?: number): Promise<NotificationsProcess> {
    const listenOn = port ?? (await freePort());
    const base = `http://127.0.0.1:${listenOn}`;
    const started = this.group.start({
      name: `notifications:${listenOn}`,
      script: 'services/notifications/dist/index.js',
      env: {
        ...process.env,
        ...this.settings,
        DATABASE_URL: this.stack.databaseUrl,
        NOTIFICATIONS_PORT: String(listenOn),
        DEMO_DATA: 'none',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      },
      readyUrl: `${base}/ready`,
    });
    await waitUntilReady(started);
    return {
      process: started.process,
      port: listenOn,
      url: `${base}/graphql`,
      metrics: async () => (await fetch(`${base}/metrics`)).text(),
    };
  }

  /** SIGTERM to every replica still running. */
  stop(): Promise<void> {
    return this.group.stop();
  }
}

/** The runner's log: silent unless LOG_LEVEL says (a replica killed on purpose is no error to print). */
function quietLogger() {
  const log = createLogger('test');
  log.level = process.env.LOG_LEVEL ?? 'silent';
  return log;
}

/** A counter's value in a `/metrics` text (0 when absent). */
export function metricValue(metrics: string, name: string, labels: string): number {
  const line = metrics.split('\n').find((row) => row.startsWith(`${name}{`) && row.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
