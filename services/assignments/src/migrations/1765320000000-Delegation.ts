import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegation inside a unit (RULES.md): a sub-task names its parent task and its assigning side,
 * the parent's lead unit, whose staff decide on it and see it.
 */
export class Delegation1765320000000 implements MigrationInterface {
  name = 'Delegation1765320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assignments.task
        ADD COLUMN parent_id uuid REFERENCES assignments.task (id),
        ADD COLUMN assigning_organisation_id uuid,
        ADD CONSTRAINT task_subtask_assigned CHECK ((parent_id IS NULL) = (assigning_organisation_id IS NULL))`);
    await db.query(`CREATE INDEX task_parent_idx ON assignments.task (parent_id) WHERE parent_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX task_assigning_idx ON assignments.task (assigning_organisation_id) WHERE assigning_organisation_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_assigning_idx`);
    await db.query(`DROP INDEX assignments.task_parent_idx`);
    await db.query(
      `ALTER TABLE assignments.task DROP CONSTRAINT task_subtask_assigned, DROP COLUMN assigning_organisation_id, DROP COLUMN parent_id`,
    );
  }
}
