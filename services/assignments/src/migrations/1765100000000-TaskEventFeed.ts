import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task history becomes the change feed's event store: each row records the transaction that
 * wrote it (the feed shows a row only once every transaction before it has ended, see
 * shared/src/graphql/change-feed.ts) and the id of the user who acted. One index serves a page
 * as one range scan in feed order.
 */
export class TaskEventFeed1765100000000 implements MigrationInterface {
  name = 'TaskEventFeed1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assignments.task_history
        ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN actor_id varchar`);
    await db.query(`CREATE INDEX task_history_feed_idx ON assignments.task_history (tx_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_history_feed_idx`);
    await db.query(`ALTER TABLE assignments.task_history DROP COLUMN actor_id, DROP COLUMN tx_id`);
  }
}
