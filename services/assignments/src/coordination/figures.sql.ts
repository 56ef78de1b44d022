import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import type { Period } from '../compliance/rules';
import type { CoordinationFigures } from './rules';

/**
 * `coordinationCompliance` of many units as one SQL statement (RULES.md, Coordination): each task
 * a unit of the request coordinates (found through the GIN index), joined with that unit's
 * contribution, counted by its status as of `$3`. The pure rules (rules.ts) are the reference; a
 * test holds the two equal on random histories.
 */

/** The coordination deadline in force on a date: the task's own for its coordinators, else its deadline then. */
const deadlineOn = (day: string) =>
  `coalesce(task.coordination_due_on,
            assignments.deadline_in_force(task.original_due_on, task.extension_decided_on, task.extension_due_on, ${day}))`;

const STATEMENT = `
  SELECT unit_id::text,
         count(*) AS requested,
         count(*) FILTER (WHERE contributed AND (due_then IS NULL OR submitted_on <= due_then)) AS on_time,
         count(*) FILTER (WHERE contributed AND submitted_on > due_then) AS late,
         count(*) FILTER (WHERE NOT contributed AND due_now < $3::date) AS overdue
    FROM (SELECT unit.id AS unit_id, contribution.submitted_on,
                 coalesce(contribution.submitted_on <= $3::date, false) AS contributed,
                 ${deadlineOn('contribution.submitted_on')} AS due_then,
                 ${deadlineOn('$3::date')} AS due_now
            FROM assignments.task AS task
            CROSS JOIN LATERAL unnest(task.coordinating_organisation_ids) AS unit(id)
            LEFT JOIN assignments.contribution AS contribution
              ON contribution.task_id = task.id AND contribution.organisation_id = unit.id
           WHERE task.coordinating_organisation_ids && $4::uuid[] AND unit.id = ANY($4::uuid[])
             AND task.parent_id IS NULL
             AND task.assigned_on BETWEEN $1::date AND $2::date AND task.assigned_on <= $3::date
             AND (task.withdrawn_on IS NULL OR task.withdrawn_on > $3::date)) AS coordinated
   GROUP BY unit_id`;

interface Row {
  unit_id: string;
  requested: string;
  on_time: string;
  late: string;
  overdue: string;
}

/** The coordination figures of these units (absent: none requested), in one statement. */
export async function coordinationFiguresByUnit(
  db: DataSource,
  args: Period & { asOf: CalendarDate },
  unitIds: readonly string[],
): Promise<Map<string, CoordinationFigures>> {
  const rows: Row[] = await db.query(STATEMENT, [args.from, args.to, args.asOf, unitIds]);
  return new Map(
    rows.map((row) => {
      const [requested, onTime, late, overdue] = [row.requested, row.on_time, row.late, row.overdue].map(Number);
      return [
        row.unit_id,
        {
          requested: requested!,
          contributedOnTime: onTime!,
          contributedLate: late!,
          pendingWithinDeadline: requested! - onTime! - late! - overdue!,
          pendingOverdue: overdue!,
        },
      ];
    }),
  );
}
