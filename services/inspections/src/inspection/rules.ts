import { BadUserInputError, cleanText, type CalendarDate } from '@giaoviec/shared';

/** The dates of an inspection: the period in order, inspected after it ends, not in the future. */
export function checkInspectionDates(
  dates: { periodFrom: CalendarDate; periodTo: CalendarDate; inspectedOn: CalendarDate },
  today: CalendarDate,
): void {
  if (dates.periodTo < dates.periodFrom)
    throw new BadUserInputError('periodTo must not be before periodFrom', 'periodTo');
  if (dates.inspectedOn < dates.periodTo) {
    throw new BadUserInputError('inspectedOn must not be before the end of the inspected period', 'inspectedOn');
  }
  if (dates.inspectedOn > today)
    throw new BadUserInputError(`inspectedOn must not be in the future (today is ${today})`, 'inspectedOn');
}

/** A list of short texts (conclusions, recommendations): each cleaned, at most `max` of them. */
export function cleanTextList(
  texts: readonly string[],
  field: string,
  { min, max }: { min: number; max: number },
): string[] {
  if (texts.length < min)
    throw new BadUserInputError(`${field} must have at least ${min} item${min === 1 ? '' : 's'}`, field);
  if (texts.length > max) throw new BadUserInputError(`${field} must have at most ${max} items`, field);
  return texts.map((text) => cleanText(text, { field, max: 2000 }));
}
