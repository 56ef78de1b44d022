import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The units a set of task rows touches: their lead, and every unit that led them before a transfer. */
const unitsOf = (rows: string) =>
  `SELECT lead_organisation_id FROM ${rows} UNION SELECT unnest(lead_transferred_from) FROM ${rows}`;

/**
 * A write to a transferred task bumps the task version of every unit that led it, not only of its
 * lead: figures as of a date before the transfer count the task for the unit that led it then
 * (transfer/rules.ts), so a correction of its dates changes that unit's figures too. The figures
 * cache and the gateway's response cache (decision records 0024, 0042) are exact only so.
 */
export class FormerLeadsBumped1765370000000 implements MigrationInterface {
  name = 'FormerLeadsBumped1765370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION assignments.bump_unit_task_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO assignments.unit_task_version (unit_id)
            ${unitsOf('new_rows')} ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO assignments.unit_task_version (unit_id)
            ${unitsOf('new_rows')} UNION ${unitsOf('old_rows')} ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        ELSE
          INSERT INTO assignments.unit_task_version (unit_id)
            ${unitsOf('old_rows')} ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION assignments.bump_unit_task_versions() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`);
  }
}
