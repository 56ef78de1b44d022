import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { leadUnitOnSql } from '../transfer/rules';
import { NO_COUNTS, figuresFromCounts, type ComplianceCounts, type ComplianceFigures, type Period } from './rules';

/**
 * RULES.md as one SQL aggregation over the task rows alone: each task's bucket as of the date comes
 * from its own columns (its completion, its generated `completed_late`, its deadline in force that
 * day), counted in the same pass. The pure rules (rules.ts) are the reference; a test holds the two
 * equal on thousands of random histories.
 */

/** The lead unit of a task as of the figures' date (`$3`): transfers after it do not count yet. */
export const LEAD_UNIT_AS_OF = leadUnitOnSql('task', '$3::date');

/** What the figures can be grouped by; each maps to a fixed SQL expression, never to client text. */
const GROUPINGS = {
  unit: LEAD_UNIT_AS_OF,
  month: `to_char(assigned_on, 'YYYY-MM')`,
  assigner: `assigner_kind || '|' || coalesce(assigned_by_official_id::text, '') || '|' || coalesce(assigner_name, '')`,
  priority: 'priority',
  none: `''`,
} as const;
export type Grouping = keyof typeof GROUPINGS;

/** The figures of one period, as of a date, with the period echoed. */
export type DatedFigures = ComplianceFigures & Period & { asOf: CalendarDate };

export interface FiguresQuery extends Period {
  asOf: CalendarDate;
  groupBy: Grouping;
  /** Only tasks led by these units (all units when absent). */
  unitIds?: readonly string[];
}

interface CountsRow {
  group_key: string;
  on_time: string;
  late: string;
  within: string;
  overdue: string;
  without_deadline: string;
  withdrawn: string;
  quality_rated: string;
  quality_sum: string;
}

/**
 * The deadline in force on a day (an SQL expression), from the row's generated columns (migration
 * 1764900000000): the original one without extension, the last one once every extension is
 * decided, and only for a day before the last decision (or none) the reference function.
 */
export const deadlineOnSql = (day: string) => `CASE WHEN extensions_settled_on IS NULL THEN original_due_on
  WHEN extensions_settled_on <= ${day} THEN deadline_after_extensions
  ELSE assignments.deadline_in_force(original_due_on, extension_decided_on, extension_due_on, ${day}) END`;

/** The deadline in force on the figures' date, `$3`. */
export const DEADLINE_AS_OF = deadlineOnSql('$3::date');

/** Not withdrawn as of the date: the tasks that count (RULES.md); the others are `withdrawn`. */
export const LIVE = `(withdrawn_on IS NULL OR withdrawn_on > $3::date)`;

/**
 * RULES.md's four buckets, counted over rows of tasks: completed by the date, on time or late (the
 * row's generated `completed_late`); else overdue when the deadline in force that day has passed,
 * worked out only for the tasks still open then; else within the deadline (the rest). Beside them,
 * in the same pass, the withdrawn tasks and the qualities of the completed ones.
 */
export const COUNTS = `count(*) FILTER (WHERE ${LIVE}) AS counted,
  count(*) FILTER (WHERE ${LIVE} AND completed_on <= $3::date AND completed_late IS NOT TRUE) AS on_time,
  count(*) FILTER (WHERE ${LIVE} AND completed_on <= $3::date AND completed_late) AS late,
  count(*) FILTER (WHERE ${LIVE} AND (completed_on IS NULL OR completed_on > $3::date) AND ${DEADLINE_AS_OF} < $3::date) AS overdue,
  count(*) FILTER (WHERE ${LIVE} AND original_due_on IS NULL) AS without_deadline,
  count(*) FILTER (WHERE NOT ${LIVE}) AS withdrawn,
  count(quality) FILTER (WHERE ${LIVE} AND completed_on <= $3::date) AS quality_rated,
  coalesce(sum(quality) FILTER (WHERE ${LIVE} AND completed_on <= $3::date), 0) AS quality_sum`;

/** The tasks of the period as of the date (RULES.md: assigned by then), withdrawn ones included. */
export const COUNTED = `assigned_on BETWEEN $1::date AND $2::date AND assigned_on <= $3::date`;

/** The aggregation as one SQL statement and its parameters (also run bare by the benchmark). */
export function complianceFiguresStatement(query: FiguresQuery): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [query.from, query.to, query.asOf];
  let grouped: string;
  if (query.unitIds) {
    // Units' figures count each task for the unit that led it on the date. Tasks never transferred
    // (nearly all) are counted straight off the covering index, in its order; the transferred few
    // (an index of their own) are counted for their unit of the day, and the two added up.
    parameters.push(query.unitIds);
    grouped = `SELECT group_key, sum(counted) AS counted, sum(on_time) AS on_time, sum(late) AS late,
                      sum(overdue) AS overdue, sum(without_deadline) AS without_deadline,
                      sum(withdrawn) AS withdrawn, sum(quality_rated) AS quality_rated, sum(quality_sum) AS quality_sum
                 FROM (SELECT lead_organisation_id AS group_key, ${COUNTS}
                         FROM assignments.task AS task
                        WHERE lead_organisation_id = ANY($4::uuid[]) AND cardinality(lead_transferred_on) = 0
                          AND ${COUNTED}
                        GROUP BY lead_organisation_id
                       UNION ALL
                       SELECT lead_unit, ${COUNTS}
                         FROM (SELECT ${LEAD_UNIT_AS_OF} AS lead_unit, *
                                 FROM assignments.task AS task
                                WHERE cardinality(lead_transferred_on) > 0 AND ${COUNTED}
                               -- its own step: else the planner may split the union over parallel workers
                               OFFSET 0) AS transferred
                        WHERE lead_unit = ANY($4::uuid[])
                        GROUP BY lead_unit) AS per_branch
                GROUP BY group_key`;
  } else {
    grouped = `SELECT ${GROUPINGS[query.groupBy]} AS group_key, ${COUNTS}
                 FROM assignments.task AS task
                -- Sub-tasks count only in their divisions' figures (RULES.md, Delegation inside a unit).
                WHERE ${COUNTED} AND parent_id IS NULL GROUP BY 1`;
  }
  return {
    sql: `SELECT group_key::text, on_time, late, counted - on_time - late - overdue AS within, overdue, without_deadline,
            withdrawn, quality_rated, quality_sum
       FROM (${grouped}) AS grouped
      ORDER BY 1`,
    parameters,
  };
}

/** One SQL statement, whatever the number of units or groups. */
export async function complianceFiguresByGroup(
  db: DataSource,
  query: FiguresQuery,
): Promise<Map<string, DatedFigures>> {
  const { sql, parameters } = complianceFiguresStatement(query);
  const rows: CountsRow[] = await db.query(sql, parameters);
  const period = { from: query.from, to: query.to, asOf: query.asOf };
  return new Map(
    rows.map((row) => {
      const counts: ComplianceCounts = {
        completedOnTime: Number(row.on_time),
        completedLate: Number(row.late),
        inProgressWithinDeadline: Number(row.within),
        inProgressOverdue: Number(row.overdue),
        withoutDeadline: Number(row.without_deadline),
        withdrawn: Number(row.withdrawn),
        qualityRated: Number(row.quality_rated),
        qualitySum: Number(row.quality_sum),
      };
      return [row.group_key, { ...period, ...figuresFromCounts(counts) }];
    }),
  );
}

/** Figures with no counted task. */
export function emptyFigures(period: Period & { asOf: CalendarDate }): DatedFigures {
  return { ...period, ...figuresFromCounts(NO_COUNTS) };
}
