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

/**
 * SQL for the unit that led a task (row alias `task`) on the date `day` (a parameter or column):
 * `assignments.lead_unit_as_of`, skipped for the tasks never transferred.
 */
export function leadUnitOnSql(task: string, day: string): string {
  return `CASE WHEN cardinality(${task}.lead_transferred_on) = 0 THEN ${task}.lead_organisation_id
    ELSE assignments.lead_unit_as_of(${task}.lead_organisation_id, ${task}.lead_transferred_on, ${task}.lead_transferred_from, ${day}) END`;
}

/**
 * SQL: the task (row alias `task`) was led on `day` by one of `units` (a uuid[] expression). The
 * first test lets the index on the lead unit, or the small index of transferred tasks, find them.
 */
export function ledOnSql(task: string, units: string, day: string): string {
  return `((${task}.lead_organisation_id = ANY(${units}) OR cardinality(${task}.lead_transferred_on) > 0)
    AND ${leadUnitOnSql(task, day)} = ANY(${units}))`;
}
