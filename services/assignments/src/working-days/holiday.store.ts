import { BadUserInputError, runIdempotently, type CalendarDate, type MutationRequest } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { holidayCalendar, isWeekend, type HolidayCalendar } from './rules';

export interface PublicHolidayRow {
  day: CalendarDate;
  name: string;
}

/** Every recorded year's holidays, in one statement (a few dozen rows a year). */
export async function loadHolidayCalendar(db: DataSource): Promise<HolidayCalendar> {
  const rows: Array<{ year: number; day: CalendarDate | null }> = await db.query(
    `SELECT y.year, h.day FROM assignments.public_holiday_year y
       LEFT JOIN assignments.public_holiday h ON h.year = y.year`,
  );
  return holidayCalendar(
    rows.map((row) => row.year),
    rows.flatMap((row) => (row.day ? [row.day] : [])),
  );
}

export async function holidaysOf(db: DataSource, year: number): Promise<PublicHolidayRow[] | null> {
  const [known] = await db.query(`SELECT 1 FROM assignments.public_holiday_year WHERE year = $1`, [year]);
  if (!known) return null;
  return db.query(`SELECT day, name FROM assignments.public_holiday WHERE year = $1 ORDER BY day`, [year]);
}

/** Replaces a year's holidays (the Government's notice for that year). Deadlines already computed stay. */
export async function setHolidays(
  db: DataSource,
  request: MutationRequest,
  year: number,
  days: readonly PublicHolidayRow[],
): Promise<PublicHolidayRow[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new BadUserInputError('year must be 2000 to 2100', 'year');
  const seen = new Set<string>();
  for (const { day } of days) {
    if (!day.startsWith(`${year}-`)) throw new BadUserInputError(`${day} is not in ${year}`, 'days');
    if (isWeekend(day)) throw new BadUserInputError(`${day} is a weekend day already`, 'days');
    if (seen.has(day)) throw new BadUserInputError(`${day} is listed twice`, 'days');
    seen.add(day);
  }
  return runIdempotently(db, 'assignments', request, async (tx) => {
    await tx.query(
      `INSERT INTO assignments.public_holiday_year (year) VALUES ($1)
       ON CONFLICT (year) DO UPDATE SET recorded_at = now()`,
      [year],
    );
    await tx.query(`DELETE FROM assignments.public_holiday WHERE year = $1`, [year]);
    for (const { day, name } of days) {
      await tx.query(`INSERT INTO assignments.public_holiday (day, name, year) VALUES ($1, $2, $3)`, [day, name, year]);
    }
    return [...days].sort((a, b) => a.day.localeCompare(b.day));
  });
}
