import type { MigrationInterface, QueryRunner } from 'typeorm';

const TASK_DATES = ['assigned_on', 'original_due_on', 'due_on', 'completed_on', 'withdrawn_on', 'document_issued_on'];

/**
 * The database refuses a task date outside the `Date` scalar's range (1900 to 9999), whatever
 * path a write takes. NOT VALID: rows written before are left as they are, and read as stored.
 */
export class DatesInTheCalendar1765050000000 implements MigrationInterface {
  name = 'DatesInTheCalendar1765050000000';

  async up(db: QueryRunner): Promise<void> {
    for (const column of TASK_DATES) {
      await db.query(
        `ALTER TABLE assignments.task ADD CONSTRAINT task_${column}_in_calendar
           CHECK (${column} BETWEEN DATE '1900-01-01' AND DATE '9999-12-31') NOT VALID`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of TASK_DATES) {
      await db.query(`ALTER TABLE assignments.task DROP CONSTRAINT task_${column}_in_calendar`);
    }
  }
}
