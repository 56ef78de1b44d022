import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PUBLIC_HOLIDAYS } from '../working-days/public-holidays';

/**
 * Tasks through restructurings: the transfers of a task's lead unit (kept on the row, like the
 * extensions, so that the lead unit as of any date comes from the row alone), the leader who
 * assigned it, deadlines given in working days, and the public holidays they skip.
 */
export class UnitsAndLeadersThroughTime1764800000000 implements MigrationInterface {
  name = 'UnitsAndLeadersThroughTime1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assignments.task
        ADD COLUMN lead_transferred_on date[] NOT NULL DEFAULT '{}',
        ADD COLUMN lead_transferred_from uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN assigned_by_official_id uuid,
        ADD COLUMN deadline_working_days smallint,
        ADD CONSTRAINT task_transfer_arrays CHECK (cardinality(lead_transferred_on) = cardinality(lead_transferred_from))`);
    // The lead unit on a date: before the first transfer after that date, the unit it came from.
    await db.query(`
      CREATE FUNCTION assignments.lead_unit_as_of(current_lead uuid, transferred_on date[], transferred_from uuid[], as_of date)
      RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(
          (SELECT transferred_from[i] FROM generate_subscripts(transferred_on, 1) AS i
            WHERE transferred_on[i] > as_of ORDER BY i LIMIT 1),
          current_lead)
      $$`);
    // Figures of untransferred tasks stay index-only; the few transferred ones have their own index.
    await db.query(`DROP INDEX assignments.task_lead_assigned_idx`);
    await db.query(`
      CREATE INDEX task_lead_assigned_idx ON assignments.task (lead_organisation_id, assigned_on)
        INCLUDE (original_due_on, completed_on, withdrawn_on, extension_decided_on, extension_due_on, lead_transferred_on)`);
    await db.query(
      `CREATE INDEX task_transferred_idx ON assignments.task (assigned_on) WHERE cardinality(lead_transferred_on) > 0`,
    );
    await db.query(`
      CREATE TABLE assignments.public_holiday_year (
        year smallint PRIMARY KEY,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE assignments.public_holiday (
        day date PRIMARY KEY,
        name varchar(255) NOT NULL,
        year smallint NOT NULL REFERENCES assignments.public_holiday_year (year)
      )`);
    for (const [year, days] of Object.entries(PUBLIC_HOLIDAYS)) {
      await db.query(`INSERT INTO assignments.public_holiday_year (year) VALUES ($1)`, [Number(year)]);
      for (const [day, name] of days) {
        await db.query(`INSERT INTO assignments.public_holiday (day, name, year) VALUES ($1, $2, $3)`, [
          day,
          name,
          Number(year),
        ]);
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assignments.public_holiday, assignments.public_holiday_year`);
    await db.query(`DROP INDEX assignments.task_transferred_idx`);
    await db.query(`DROP INDEX assignments.task_lead_assigned_idx`);
    await db.query(`
      CREATE INDEX task_lead_assigned_idx ON assignments.task (lead_organisation_id, assigned_on)
        INCLUDE (original_due_on, completed_on, withdrawn_on, extension_decided_on, extension_due_on)`);
    await db.query(`DROP FUNCTION assignments.lead_unit_as_of`);
    await db.query(`
      ALTER TABLE assignments.task DROP CONSTRAINT task_transfer_arrays,
        DROP COLUMN lead_transferred_on, DROP COLUMN lead_transferred_from,
        DROP COLUMN assigned_by_official_id, DROP COLUMN deadline_working_days`);
  }
}
