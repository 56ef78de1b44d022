import { BadUserInputError, addDays, type CalendarDate } from '@giaoviec/shared';

/** The public holidays known for each year (ngày nghỉ lễ), as dates. */
export type HolidayCalendar = ReadonlyMap<number, ReadonlySet<CalendarDate>>;

const yearOf = (day: CalendarDate) => Number(day.slice(0, 4));

/** Saturday or Sunday, by the calendar date alone (no time zone involved). */
export function isWeekend(day: CalendarDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether public bodies work that day; refused for a year with no holiday calendar. */
export function isWorkingDay(day: CalendarDate, holidays: HolidayCalendar): boolean {
  const year = holidays.get(yearOf(day));
  if (!year) {
    throw new BadUserInputError(
      `No public holiday calendar is recorded for ${yearOf(day)}: working days cannot be counted`,
      'deadlineInWorkingDays',
    );
  }
  return !isWeekend(day) && !year.has(day);
}

/**
 * Whether a day counts as a working day for reminders (RULES.md, Working days): Monday to Friday
 * except the recorded holidays; in a year with no recorded calendar, Monday to Friday.
 */
export function countsAsWorkingDay(day: CalendarDate, holidays: HolidayCalendar): boolean {
  return !isWeekend(day) && !(holidays.get(yearOf(day))?.has(day) ?? false);
}

/** The working days d with after < d ≤ upTo (0 when upTo ≤ after). */
export function workingDaysBetween(after: CalendarDate, upTo: CalendarDate, holidays: HolidayCalendar): number {
  let count = 0;
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) {
    if (countsAsWorkingDay(day, holidays)) count += 1;
  }
  return count;
}

/**
 * The day `count` working days after `start` (thời hạn tính theo ngày làm việc): the counting
 * starts the day after, skips weekends and public holidays, and ends on a working day.
 */
export function addWorkingDays(start: CalendarDate, count: number, holidays: HolidayCalendar): CalendarDate {
  if (!Number.isInteger(count) || count < 1 || count > 366) {
    throw new BadUserInputError('a deadline in working days must be between 1 and 366', 'deadlineInWorkingDays');
  }
  let day = start;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return day;
}

/** The calendar from rows of dates. */
export function holidayCalendar(years: Iterable<number>, days: Iterable<CalendarDate>): HolidayCalendar {
  const calendar = new Map<number, Set<CalendarDate>>([...years].map((year) => [year, new Set<CalendarDate>()]));
  for (const day of days) calendar.get(yearOf(day))?.add(day);
  return calendar;
}
