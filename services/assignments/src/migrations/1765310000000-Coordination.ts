import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination (phối hợp, RULES.md): a task's own deadline for its coordinating units, and their
 * contributions, one per unit and task. The GIN index finds the tasks a set of units coordinates,
 * so that every unit's `coordinationCompliance` is one statement.
 */
export class Coordination1765310000000 implements MigrationInterface {
  name = 'Coordination1765310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assignments.task ADD COLUMN coordination_due_on date`);
    await db.query(`
      CREATE TABLE assignments.contribution (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        organisation_id uuid NOT NULL,
        submitted_on date NOT NULL,
        note text NOT NULL,
        UNIQUE (task_id, organisation_id)
      )`);
    await db.query(`CREATE INDEX task_coordinating_idx ON assignments.task USING gin (coordinating_organisation_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_coordinating_idx`);
    await db.query(`DROP TABLE assignments.contribution`);
    await db.query(`ALTER TABLE assignments.task DROP COLUMN coordination_due_on`);
  }
}
