import type { CalendarDate } from '@giaoviec/shared';

/** A change of lead unit: from the first day the new unit leads the task. */
export interface LeadChange {
  on: CalendarDate;
  from: string;
}

/**
 * The unit that led a task on a day (the reference for `assignments.lead_unit_as_of`): the unit the
 * first transfer after that day took it from, or its current lead unit when none came after.
 */
export function leadUnitOn(currentLead: string, transfers: readonly LeadChange[], day: CalendarDate): string {
  return transfers.find((transfer) => transfer.on > day)?.from ?? currentLead;
}
