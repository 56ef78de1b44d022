import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (đôn đốc). The daily run is idempotent through the unique indexes: one DUE_SOON per
 * task, threshold and deadline in force; one OVERDUE per task and deadline; one AWAITING_… per
 * completion report or extension request. A second run of a day inserts nothing
 * (`ON CONFLICT DO NOTHING`), even two runs at once.
 */
export class Reminders1765200000000 implements MigrationInterface {
  name = 'Reminders1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assignments.reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        kind varchar(32) NOT NULL CONSTRAINT reminder_kind CHECK (
          kind IN ('DUE_SOON', 'OVERDUE', 'AWAITING_CONFIRMATION', 'AWAITING_EXTENSION_DECISION', 'MANUAL')),
        sent_on date NOT NULL,
        threshold smallint CONSTRAINT reminder_threshold CHECK ((threshold IS NOT NULL) = (kind = 'DUE_SOON')),
        due_on date,
        completion_report_id uuid REFERENCES assignments.completion_report (id),
        extension_id uuid REFERENCES assignments.extension (id),
        note text,
        actor varchar(255) NOT NULL,
        actor_id varchar,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX reminder_task_idx ON assignments.reminder (task_id, sent_on)`);
    // The follow-up figures of a period read the reminders sent to units by day.
    await db.query(
      `CREATE INDEX reminder_sent_idx ON assignments.reminder (sent_on) INCLUDE (task_id) WHERE kind IN ('DUE_SOON', 'OVERDUE', 'MANUAL')`,
    );
    await db.query(
      `CREATE UNIQUE INDEX reminder_due_soon_once ON assignments.reminder (task_id, threshold, due_on) WHERE kind = 'DUE_SOON'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX reminder_overdue_once ON assignments.reminder (task_id, due_on) WHERE kind = 'OVERDUE'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX reminder_confirmation_once ON assignments.reminder (completion_report_id) WHERE kind = 'AWAITING_CONFIRMATION'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX reminder_extension_once ON assignments.reminder (extension_id) WHERE kind = 'AWAITING_EXTENSION_DECISION'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assignments.reminder`);
  }
}
