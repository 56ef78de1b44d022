import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { COUNTED, COUNTS, DEADLINE_AS_OF, LEAD_UNIT_AS_OF, LIVE } from '../compliance/figures.sql';
import type { Period } from '../compliance/rules';
import { NO_DOCUMENT, type BreakdownDimension, type Group } from './breakdown';

/**
 * `complianceBreakdown` as one SQL statement: the tasks of `complianceSummary` (figures.sql.ts: no
 * sub-task; withdrawn ones only in `withdrawn`) grouped by one or two fixed expressions, so the groups add up to the totals by construction. The
 * pure rules (breakdown.ts, `breakdownValue`) are the reference; a randomised test holds them equal.
 */

/** Calendar days an open task is past its deadline in force on `$3` (null: completed or withdrawn by then, or no deadline). */
const OVERDUE_DAYS = `CROSS JOIN LATERAL (SELECT CASE WHEN (completed_on IS NULL OR completed_on > $3::date) AND ${LIVE}
    THEN $3::date - (${DEADLINE_AS_OF}) END AS days) AS age`;

/** Each dimension's value, a fixed expression (never client text); `UNIT_KIND` is grouped by unit, then merged. */
const VALUE: Record<BreakdownDimension, string> = {
  LEAD_UNIT: `(${LEAD_UNIT_AS_OF})::text`,
  UNIT_KIND: `(${LEAD_UNIT_AS_OF})::text`,
  ASSIGNER: 'assigner_kind',
  PRIORITY: 'priority',
  DOCUMENT_KIND: `coalesce(document_kind, '${NO_DOCUMENT}')`,
  ASSIGNED_MONTH: `to_char(assigned_on, 'YYYY-MM')`,
  OVERDUE_AGE: `CASE WHEN age.days IS NULL OR age.days < 1 THEN 'NOT_OVERDUE'
    WHEN age.days <= 30 THEN 'D1_30' WHEN age.days <= 90 THEN 'D31_90'
    WHEN age.days <= 180 THEN 'D91_180' ELSE 'OVER_180' END`,
};

export interface BreakdownQuery extends Period {
  asOf: CalendarDate;
  /** One or two dimensions (checked by `breakdownDimensions`). */
  by: readonly BreakdownDimension[];
}

interface GroupRow {
  value_0: string;
  value_1: string;
  on_time: string;
  late: string;
  within: string;
  overdue: string;
  without_deadline: string;
  withdrawn: string;
  quality_rated: string;
  quality_sum: string;
}

/** The statement and its parameters. */
export function breakdownStatement(query: BreakdownQuery): { sql: string; parameters: unknown[] } {
  const [first, second] = query.by;
  return {
    sql: `SELECT value_0, value_1, on_time, late, counted - on_time - late - overdue AS within, overdue, without_deadline,
            withdrawn, quality_rated, quality_sum
       FROM (SELECT ${VALUE[first!]} AS value_0, ${second ? VALUE[second] : `''`} AS value_1, ${COUNTS}
               FROM assignments.task AS task ${query.by.includes('OVERDUE_AGE') ? OVERDUE_DAYS : ''}
              WHERE ${COUNTED} AND parent_id IS NULL
              GROUP BY 1, 2) AS grouped
      ORDER BY 1, 2`,
    parameters: [query.from, query.to, query.asOf],
  };
}

/** The non-empty groups of the counted tasks, with each dimension's raw value (units by id). */
export async function breakdownGroups(db: DataSource, query: BreakdownQuery): Promise<Group[]> {
  const { sql, parameters } = breakdownStatement(query);
  const rows: GroupRow[] = await db.query(sql, parameters);
  return rows.map((row) => ({
    values: query.by.length === 2 ? [row.value_0, row.value_1] : [row.value_0],
    counts: {
      completedOnTime: Number(row.on_time),
      completedLate: Number(row.late),
      inProgressWithinDeadline: Number(row.within),
      inProgressOverdue: Number(row.overdue),
      withoutDeadline: Number(row.without_deadline),
      withdrawn: Number(row.withdrawn),
      qualityRated: Number(row.quality_rated),
      qualitySum: Number(row.quality_sum),
    },
  }));
}
