import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index on when a task last changed: `tasks(filter: { updatedSince })` is how a consumer of the
 * feeds re-synchronises.
 */
export class TaskUpdatedAtIndex1765110000000 implements MigrationInterface {
  name = 'TaskUpdatedAtIndex1765110000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX task_updated_at_idx ON assignments.task (updated_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_updated_at_idx`);
  }
}
