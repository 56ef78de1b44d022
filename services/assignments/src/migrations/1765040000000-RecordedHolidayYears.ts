import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PUBLIC_HOLIDAYS } from '../working-days/public-holidays';

/**
 * Records the years of `PUBLIC_HOLIDAYS` that a database migrated before they were added lacks
 * (2018, for the 2017 demo's working days), so that `publicHolidays(year)` serves what the demo
 * counts with. A year already recorded is left as it is: the office may have set it itself.
 */
export class RecordedHolidayYears1765040000000 implements MigrationInterface {
  name = 'RecordedHolidayYears1765040000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [year, days] of Object.entries(PUBLIC_HOLIDAYS)) {
      const inserted: unknown[] = await db.query(
        `INSERT INTO assignments.public_holiday_year (year) VALUES ($1) ON CONFLICT (year) DO NOTHING RETURNING year`,
        [Number(year)],
      );
      if (inserted.length === 0) continue;
      for (const [day, name] of days) {
        await db.query(`INSERT INTO assignments.public_holiday (day, name, year) VALUES ($1, $2, $3)`, [
          day,
          name,
          Number(year),
        ]);
      }
    }
  }

  async down(): Promise<void> {
    // Which years this recorded is not kept, and recorded holidays are data: nothing to undo.
  }
}
