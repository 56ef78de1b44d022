// @ts-check
// Calendar dates (YYYY-MM-DD) as the platform counts them: in Asia/Ho_Chi_Minh. Never from
// `new Date().toISOString()`, which gives the UTC day (wrong from 00:00 to 07:00 in Việt Nam).

const ZONE = 'Asia/Ho_Chi_Minh';
const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Việt Nam, `YYYY-MM-DD`. @param {Date} [now] */
export function todayInVietnam(now = new Date()) {
  const part = Object.fromEntries(dayParts.formatToParts(now).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/** @param {string} text */
export const isCalendarDate = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** `2017-10-15` → `15/10/2017`, as Vietnamese readers write dates. @param {string | null | undefined} date */
export function formatDate(date) {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `2017-10` → `T10/2017`. @param {string} month */
export function formatMonth(month) {
  const [year, number] = month.split('-');
  return `T${Number(number)}/${year}`;
}

// Pure calendar arithmetic on day numbers: UTC here only avoids daylight-saving gaps, no zone is meant.
/** @param {string} date */
function dayNumber(date) {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole days from `earlier` to `later`. @param {string} earlier @param {string} later */
export const daysBetween = (earlier, later) => dayNumber(later) - dayNumber(earlier);

/** @param {number} number */
const pad = (number) => String(number).padStart(2, '0');

/**
 * The months that `from..to` touches, each clipped to the period: `{ month, from, to }`.
 * @param {string} from
 * @param {string} to
 */
export function monthsOf(from, to) {
  const months = [];
  let [year = NaN, month = NaN] = from.split('-').map(Number);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    if (key > to.slice(0, 7)) break;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const start = `${key}-01`;
    const end = `${key}-${pad(last)}`;
    months.push({ month: key, from: start < from ? from : start, to: end > to ? to : end });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}
