import { BadUserInputError, CALENDAR_YEARS, requireIntBetween, type CalendarDate } from '@giaoviec/shared';
import type { Period } from '../compliance/rules';

/** The cycles of periodic reports (kỳ báo cáo) of Decree 09/2019/NĐ-CP, Article 12. */
export type ReportingCycle = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';

/** How many periods of a cycle a year has; null: the cycle takes no index. */
const INDEXES: Record<ReportingCycle, number | null> = { MONTH: 12, QUARTER: 4, HALF_YEAR: null, YEAR: null };

/** The last month (1-12) of a cycle's period. */
function lastMonth(cycle: ReportingCycle, index: number): number {
  switch (cycle) {
    case 'MONTH':
      return index;
    case 'QUARTER':
      return index * 3;
    case 'HALF_YEAR':
      return 6;
    case 'YEAR':
      return 12;
  }
}

/** The number of months a cycle's period spans. */
const MONTHS: Record<ReportingCycle, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

const day = (year: number, month: number, dayOfMonth: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}` as CalendarDate;

/**
 * The cut-off window of a report (RULES.md, Reporting periods): from the 15th of the month before
 * the period's first month to the 14th of its last month, so a January or first-quarter window
 * starts on 15 December of the year before.
 */
export function reportingPeriod(cycle: ReportingCycle, year: number, index: number | null | undefined): Period {
  // The window starts in the year before: 1900 would start outside the calendar.
  requireIntBetween(year, 'year', CALENDAR_YEARS.min + 1, CALENDAR_YEARS.max);
  const count = INDEXES[cycle];
  if (count === null) {
    if (index !== null && index !== undefined) throw new BadUserInputError(`${cycle} takes no index`, 'index');
    index = 1;
  } else {
    if (index === null || index === undefined) throw new BadUserInputError(`${cycle} needs an index`, 'index');
    requireIntBetween(index, 'index', 1, count);
  }
  const last = lastMonth(cycle, index);
  // The month before the first month, counted from 1 to 12 over the year boundary.
  const before = last - MONTHS[cycle];
  return {
    from: before < 1 ? day(year - 1, before + 12, 15) : day(year, before, 15),
    to: day(year, last, 14),
  };
}
