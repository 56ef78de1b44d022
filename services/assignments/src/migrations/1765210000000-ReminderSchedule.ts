import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last day the daily reminder job ran: one row, absent on a fresh database. */
export class ReminderSchedule1765210000000 implements MigrationInterface {
  name = 'ReminderSchedule1765210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assignments.reminder_schedule (
        id smallint PRIMARY KEY DEFAULT 1 CONSTRAINT reminder_schedule_one_row CHECK (id = 1),
        last_day date NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assignments.reminder_schedule`);
  }
}
