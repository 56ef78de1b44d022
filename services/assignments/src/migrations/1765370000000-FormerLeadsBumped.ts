import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUMP_BY_LEAD_UNIT } from './1765000000000-UnitTaskVersions';

/** The units a set of task rows touches: their lead, and every unit that led them before a transfer. */
const unitsOf = (rows: string) =>
  `SELECT lead_organisation_id FROM ${rows} UNION SELECT unnest(lead_transferred_from) FROM ${rows}`;

/** One bump of these units' versions, in unit order (two writers lock the same units in the same order). */
const bump = (units: string) => `INSERT INTO assignments.unit_task_version (unit_id)
            ${units} ORDER BY 1
            ON CONFLICT (unit_id) DO UPDATE SET version = assignments.unit_task_version.version + 1;`;

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
          ${bump(unitsOf('new_rows'))}
        ELSIF TG_OP = 'UPDATE' THEN
          ${bump(`${unitsOf('new_rows')} UNION ${unitsOf('old_rows')}`)}
        ELSE
          ${bump(unitsOf('old_rows'))}
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE ${BUMP_BY_LEAD_UNIT}`);
  }
}
