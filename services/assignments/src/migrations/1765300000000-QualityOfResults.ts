import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality (1 to 5) given when a completion is confirmed: on its report, and on the task row
 * beside `completed_on`, so that `qualityRated` and `averageQuality` are counted in the same pass
 * over the covering index as the four buckets (decision 23).
 */
export class QualityOfResults1765300000000 implements MigrationInterface {
  name = 'QualityOfResults1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE assignments.completion_report ADD COLUMN quality smallint CHECK (quality BETWEEN 1 AND 5)`,
    );
    await db.query(`ALTER TABLE assignments.task ADD COLUMN quality smallint CHECK (quality BETWEEN 1 AND 5)`);
    await db.query(`DROP INDEX assignments.task_lead_assigned_idx`);
    await db.query(`
      CREATE INDEX task_lead_assigned_idx ON assignments.task (lead_organisation_id, assigned_on)
        INCLUDE (original_due_on, completed_on, withdrawn_on, extension_decided_on, extension_due_on, lead_transferred_on,
                 extensions_settled_on, deadline_after_extensions, completed_late, quality)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_lead_assigned_idx`);
    await db.query(`
      CREATE INDEX task_lead_assigned_idx ON assignments.task (lead_organisation_id, assigned_on)
        INCLUDE (original_due_on, completed_on, withdrawn_on, extension_decided_on, extension_due_on, lead_transferred_on,
                 extensions_settled_on, deadline_after_extensions, completed_late)`);
    await db.query(`ALTER TABLE assignments.task DROP COLUMN quality`);
    await db.query(`ALTER TABLE assignments.completion_report DROP COLUMN quality`);
  }
}
