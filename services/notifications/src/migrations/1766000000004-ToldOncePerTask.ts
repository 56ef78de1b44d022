import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds whether a unit was already told of a task it leads or coordinates (`ONCE_PER_TASK` kinds). */
export class ToldOncePerTask1766000000004 implements MigrationInterface {
  name = 'ToldOncePerTask1766000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX notification_task_unit_idx ON notifications.notification (task_id, organisation_id, kind)
        WHERE kind IN ('TASK_ASSIGNED', 'COORDINATION_REQUESTED')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications.notification_task_unit_idx`);
  }
}
