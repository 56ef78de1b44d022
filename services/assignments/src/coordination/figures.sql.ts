import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { COUNTED, DEADLINE_AS_OF, LIVE, deadlineOnSql } from '../compliance/figures.sql';
import type { Period } from '../compliance/rules';
import type { CoordinationFigures } from './rules';

/**
 * `coordinationCompliance` of many units as one SQL statement (RULES.md, Coordination): each pair
 * of a task of the period and a unit of the request that coordinates it, joined with that unit's
 * contribution, counted by its status as of `$3`. The pure rules (rules.ts) are the reference; a
 * test holds the two equal on random histories, through both forms below.
 */

/**
 * Up to this many units, `&&` on the task's coordinating units leaves only their tasks before the
 * pairs are made; beyond it, comparing every task's array with every unit asked costs more than a
 * hashed `= ANY` on each pair (decision record 0041, measured at national).
 */
export const FEW_UNITS = 32;

/**
 * The period's top-level coordinated tasks come from their covering index by `assigned_on`
 * (migration 1765330000000), one row per coordinating unit. A contribution is a step of its task,
 * never dated before the assignment (the lifecycle refuses it, and a correction cannot move the
 * assignment past a step), so only those of `$1` to `$3` can count: the others are not read.
 */
const statement = (fewUnits: boolean) => `
  SELECT unit_id::text,
         count(*) AS requested,
         count(*) FILTER (WHERE submitted_on IS NOT NULL AND (due_then IS NULL OR submitted_on <= due_then)) AS on_time,
         count(*) FILTER (WHERE submitted_on > due_then) AS late,
         count(*) FILTER (WHERE submitted_on IS NULL AND due_now < $3::date) AS overdue
    FROM (SELECT pair.unit_id, contribution.submitted_on, pair.due_now,
                 coalesce(pair.coordination_due_on, ${deadlineOnSql('contribution.submitted_on')}) AS due_then
            FROM (SELECT id, unnest(coordinating_organisation_ids) AS unit_id, coordination_due_on,
                         original_due_on, extension_decided_on, extension_due_on, extensions_settled_on,
                         deadline_after_extensions, coalesce(coordination_due_on, ${DEADLINE_AS_OF}) AS due_now
                    FROM assignments.task
                   WHERE parent_id IS NULL AND cardinality(coordinating_organisation_ids) > 0
                     AND ${COUNTED} AND ${LIVE}${fewUnits ? ' AND coordinating_organisation_ids && $4::uuid[]' : ''}) AS pair
            LEFT JOIN assignments.contribution AS contribution
              ON contribution.task_id = pair.id AND contribution.organisation_id = pair.unit_id
             AND contribution.submitted_on BETWEEN $1::date AND $3::date
           WHERE pair.unit_id = ANY($4::uuid[])) AS coordinated
   GROUP BY unit_id`;

const FEW_UNITS_STATEMENT = statement(true);
const MANY_UNITS_STATEMENT = statement(false);

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
  const sql = unitIds.length <= FEW_UNITS ? FEW_UNITS_STATEMENT : MANY_UNITS_STATEMENT;
  const rows: Row[] = await db.query(sql, [args.from, args.to, args.asOf, unitIds]);
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
