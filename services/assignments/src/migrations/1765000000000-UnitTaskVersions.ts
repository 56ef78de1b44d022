import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trigger function as first written: the lead units of the rows written (after `CREATE` or
 * `CREATE OR REPLACE`); migration 1765370000000 puts it back on its way down.
 */
export const BUMP_BY_LEAD_UNIT = `FUNCTION assignments.bump_unit_task_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO assignments.unit_task_version (unit_id)
            SELECT DISTINCT lead_organisation_id FROM new_rows ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO assignments.unit_task_version (unit_id)
            SELECT lead_organisation_id FROM new_rows UNION SELECT lead_organisation_id FROM old_rows ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        ELSE
          INSERT INTO assignments.unit_task_version (unit_id)
            SELECT DISTINCT lead_organisation_id FROM old_rows ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        END IF;
        RETURN NULL;
      END $$`;

/**
 * A version per lead unit, bumped in the same transaction as any write to one of its tasks
 * (insert, update, delete; a transfer bumps both units), by statement-level triggers: the figures
 * cached for a unit are good exactly while its version stands, on every replica of the service.
 */
export class UnitTaskVersions1765000000000 implements MigrationInterface {
  name = 'UnitTaskVersions1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assignments.unit_task_version (
        unit_id uuid PRIMARY KEY,
        version bigint NOT NULL DEFAULT 1
      )`);
    // In unit order, so that two writers touching the same units lock them in the same order.
    await db.query(`CREATE ${BUMP_BY_LEAD_UNIT}`);
    await db.query(`
      CREATE TRIGGER task_inserted_bumps_units AFTER INSERT ON assignments.task
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments.bump_unit_task_versions()`);
    await db.query(`
      CREATE TRIGGER task_updated_bumps_units AFTER UPDATE ON assignments.task
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION assignments.bump_unit_task_versions()`);
    await db.query(`
      CREATE TRIGGER task_deleted_bumps_units AFTER DELETE ON assignments.task
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments.bump_unit_task_versions()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER task_deleted_bumps_units ON assignments.task`);
    await db.query(`DROP TRIGGER task_updated_bumps_units ON assignments.task`);
    await db.query(`DROP TRIGGER task_inserted_bumps_units ON assignments.task`);
    await db.query(`DROP FUNCTION assignments.bump_unit_task_versions`);
    await db.query(`DROP TABLE assignments.unit_task_version`);
  }
}
