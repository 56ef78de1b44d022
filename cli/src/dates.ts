/** A calendar date as the API takes it: `YYYY-MM-DD`, in Asia/Ho_Chi_Minh. */
export type CalendarDate = string;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MS_PER_DAY = 86_400_000;

function isoDate(year: number, month: number, day: number): CalendarDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31/02 and the like: Date.UTC would roll them over into the next month.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * An Excel serial day number as a calendar date. Excel counts from 1900-01-01 = 1 and keeps the
 * leap day 1900-02-29 that never was (serial 60), so from serial 61 on day 0 is 1899-12-30.
 * The fraction is the time of day: dropped.
 */
export function excelSerialToDate(serial: number): CalendarDate | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days === 60 || days > 2_958_465) return null;
  const epoch = days > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A spreadsheet cell as a calendar date, or null when it is not one. Accepts `dd/mm/yyyy` (also
 * with `.` or `-`), `yyyy-mm-dd`, an Excel date cell and an Excel serial number.
 *
 * Excel dates have no time zone: the reader hands them over as a `Date` at that day's UTC
 * midnight, so the day is read in UTC. Reading it in local time would move every date one day
 * back on a machine west of Greenwich, and taking "now" in UTC would move today one day back
 * between 00:00 and 07:00 in Viet Nam.
 */
export function parseCalendarDate(value: unknown): CalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Round to the second: a serial stored as a float can land a hair before midnight.
    return new Date(Math.round(value.getTime() / 1000) * 1000).toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return excelSerialToDate(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** Today in Asia/Ho_Chi_Minh, the API's calendar. */
export function todayInVietnam(now: Date = new Date()): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar date as the `Date` an Excel date cell holds (that day's UTC midnight). */
export function excelDate(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
