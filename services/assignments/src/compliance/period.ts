import { BadUserInputError, type CalendarDate } from '@giaoviec/shared';
import { defaultAsOf, type Period } from './rules';

/** The period and date of a figures request, checked: `from` ≤ `to`; `asOf` defaults by RULES.md. */
export function figuresPeriod(
  from: CalendarDate,
  to: CalendarDate,
  asOf: CalendarDate | null | undefined,
  today: CalendarDate,
): Period & { asOf: CalendarDate } {
  if (from > to) throw new BadUserInputError('from must not be after to', 'from');
  return { from, to, asOf: asOf ?? defaultAsOf(to, today) };
}
