/**
 * Calendar dates of the domain (ngày): `YYYY-MM-DD` in Asia/Ho_Chi_Minh, never instants.
 * Kept as strings so that no conversion through UTC can shift a day.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

/** The time zone every domain date is read in (RULES.md, Dates). */
export const DOMAIN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// A timestamp names an instant only with a zone; without one it is a local time in the domain zone.
const TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DOMAIN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date if `text` is a real `YYYY-MM-DD` calendar date (years 1900 to 9999), else null. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return text as CalendarDate;
}

/** The calendar date in Asia/Ho_Chi_Minh at the given instant. */
export function calendarDateAt(instant: Date): CalendarDate {
  return localDateFormat.format(instant) as CalendarDate;
}

/** Today in Asia/Ho_Chi_Minh ("today" of RULES.md). */
export function todayInVietnam(now: Date = new Date()): CalendarDate {
  // Formatting a date is costly and a request asks for today once per unit: one answer a second.
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastToday.second) lastToday = { second, date: calendarDateAt(now) };
  return lastToday.date;
}

let lastToday = { second: Number.NaN, date: '' as CalendarDate };

/**
 * Reads what a client sent where a date is meant: a `YYYY-MM-DD` date as it is, or a timestamp
 * turned into its local date in Asia/Ho_Chi_Minh. Null when it is neither.
 */
export function toCalendarDate(text: string): CalendarDate | null {
  const trimmed = text.trim();
  const date = parseCalendarDate(trimmed);
  if (date) return date;
  const match = TIMESTAMP_PATTERN.exec(trimmed);
  if (!match || !parseCalendarDate(match[1]!)) return null;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (!match[5]) return match[1] as CalendarDate;
  const instant = new Date(trimmed.replace(' ', 'T'));
  // The local date of an instant may leave the calendar's range (9999-12-31T20:00Z is 10000-01-01 there).
  return Number.isNaN(instant.getTime()) ? null : parseCalendarDate(calendarDateAt(instant));
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10) as CalendarDate;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
