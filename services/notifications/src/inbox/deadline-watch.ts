import { queryPeer, serviceUser, signUserToken, todayInVietnam } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../feed/feed-consumer';
import { Rounds } from '../rounds';
import type { NotificationKind } from './notification-kinds';

/** How many days ahead a deadline counts as near (`DUE_SOON_DAYS`, 3). */
const DUE_SOON_DAYS = Number(process.env.DUE_SOON_DAYS ?? 3);

/** The tasks whose deadline is near, and those past it, as the assignments subgraph lists them. */
const WATCHED: ReadonlyArray<{
  kind: NotificationKind;
  filter: string;
  text: (title: string, dueOn: string) => string;
}> = [
  {
    kind: 'DUE_SOON',
    filter: `{ dueWithinDays: ${DUE_SOON_DAYS}, compliance: [IN_PROGRESS_WITHIN_DEADLINE] }`,
    text: (title, dueOn) => `Nhiệm vụ «${title}» sắp đến hạn (${dueOn.split('-').reverse().join('/')}).`,
  },
  {
    kind: 'OVERDUE',
    filter: `{ compliance: [IN_PROGRESS_OVERDUE] }`,
    text: (title, dueOn) => `Nhiệm vụ «${title}» đã quá hạn (hạn ${dueOn.split('-').reverse().join('/')}).`,
  },
];

interface TaskPage {
  tasks: {
    edges: Array<{ node: { id: string; title: string; dueOn: string; leadOrganisation: { id: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * Tells each lead unit of its tasks due within `DUE_SOON_DAYS` and of those overdue (DUE_SOON,
 * OVERDUE): no event says so, the dates do. Looks every `DEADLINE_CHECK_MS` (10 minutes); one
 * notification per task, kind and deadline in force, whichever replica looks first (the event id
 * holds the deadline): an overdue task is told once, not every day; an extension tells again.
 */
export class DeadlineWatch {
  private readonly rounds: Rounds;

  constructor(
    private readonly db: DataSource,
    log: Logger,
    checkMs: number,
  ) {
    this.rounds = new Rounds('deadline', () => this.watch(), checkMs, log);
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  private async watch(): Promise<void> {
    const day = todayInVietnam();
    const caller = { requestId: randomUUID(), userToken: await signUserToken(serviceUser(SERVICE_NAME)) };
    for (const { kind, filter, text } of WATCHED) {
      let after: string | null = null;
      for (;;) {
        const { tasks }: TaskPage = await queryPeer<TaskPage>(
          'assignments',
          `query ($after: String) { tasks(first: 100, after: $after, filter: ${filter}) {
            edges { node { id title dueOn leadOrganisation { id } } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          caller,
          'its deadlines',
        );
        await this.record(
          kind,
          day,
          tasks.edges.map(({ node }) => ({ ...node, text: text(node.title, node.dueOn) })),
        );
        if (!tasks.pageInfo.hasNextPage || !tasks.pageInfo.endCursor) break;
        after = tasks.pageInfo.endCursor;
      }
    }
  }

  private async record(
    kind: NotificationKind,
    day: string,
    tasks: ReadonlyArray<{ id: string; dueOn: string; leadOrganisation: { id: string }; text: string }>,
  ): Promise<void> {
    if (tasks.length === 0) return;
    const rows = JSON.stringify(
      tasks.map((task) => ({
        id: `${kind.toLowerCase()}:${task.id}:${task.dueOn}`,
        task_id: task.id,
        unit: task.leadOrganisation.id,
        text: task.text,
      })),
    );
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notifications.event (id, type, occurred_at, on_date, subject_id, organisation_ids)
         SELECT t.id, $2, now(), $3::date, t.task_id, ARRAY[t.unit]
           FROM jsonb_to_recordset($1::jsonb) AS t (id varchar, task_id varchar, unit varchar, text text)
         ON CONFLICT (id) DO NOTHING`,
        [rows, kind, day],
      );
      await tx.query(
        `INSERT INTO notifications.notification (id, event_id, kind, audience, organisation_id, task_id, text, created_at)
         SELECT gen_random_uuid(), t.id, $2, 'UNIT', t.unit, t.task_id, t.text, now()
           FROM jsonb_to_recordset($1::jsonb) AS t (id varchar, task_id varchar, unit varchar, text text)
         ON CONFLICT DO NOTHING`,
        [rows, kind],
      );
    });
  }
}
