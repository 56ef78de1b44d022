import { parseCalendarDate, type CalendarDate } from '@giaoviec/shared';
import { PUBLIC_HOLIDAYS } from '../working-days/public-holidays';

/**
 * Day arithmetic for the demo generator. Dates are handled as day numbers (days since 1970-01-01)
 * so that generating a million task histories costs no `Date` per event; they become
 * `CalendarDate` strings only when an event is written, through a cache.
 */

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date. */
export function dayNumber(date: CalendarDate | string): number {
  const valid = parseCalendarDate(date);
  if (!valid) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

const dateCache = new Map<number, CalendarDate>();

/** The calendar date of a day number (memoised: a demo uses a few hundred distinct days). */
export function dateOfDay(day: number): CalendarDate {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
    dateCache.set(day, date);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// The days off are the holidays recorded for deadlines in working days (`PUBLIC_HOLIDAYS`, which
// the database is seeded with and `publicHolidays(year)` serves): one calendar for both. A year
// with none recorded has only its weekends off here, where deadlines in working days are refused.
function holidaysOf(year: number): number[] {
  return (PUBLIC_HOLIDAYS[year] ?? []).map(([day]) => dayNumber(day));
}

/** Working days (Monday to Friday, recorded public holidays excepted) around one year. */
export class WorkCalendar {
  private readonly holidays: ReadonlySet<number>;

  constructor(year: number) {
    this.holidays = new Set([...holidaysOf(year - 1), ...holidaysOf(year), ...holidaysOf(year + 1)]);
  }

  isWorkingDay(day: number): boolean {
    const dow = weekday(day);
    return dow !== 0 && dow !== 6 && !this.holidays.has(day);
  }

  /** The first working day on or after `day`. */
  onOrAfter(day: number): number {
    let result = day;
    while (!this.isWorkingDay(result)) result++;
    return result;
  }

  /** The last working day on or before `day`, but not before `floor` (then `day` as it is). */
  onOrBefore(day: number, floor: number): number {
    for (let result = day; result >= floor; result--) if (this.isWorkingDay(result)) return result;
    return day;
  }

  /** The working days from `first` to `last`, both included, in order. */
  workingDays(first: number, last: number): number[] {
    const days: number[] = [];
    for (let day = first; day <= last; day++) if (this.isWorkingDay(day)) days.push(day);
    return days;
  }
}

/** The index of the first element of a sorted array that is >= value (array length if none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
