import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { NO_COUNTS, figuresFromCounts, type ComplianceCounts, type ComplianceFigures, type Period } from './rules';

/**
 * RULES.md as one SQL aggregation: each task's bucket comes from its own row
 * (`assignments.compliance_bucket`, see the migration), grouped in the same pass. The pure rules
 * (rules.ts) are the reference; a test holds the two equal on thousands of random histories.
 */

/** What the figures can be grouped by; each maps to a fixed SQL expression, never to client text. */
const GROUPINGS = {
  unit: 'lead_organisation_id::text',
  month: `to_char(assigned_on, 'YYYY-MM')`,
  assigner: `assigner_kind || '|' || coalesce(assigner_name, '')`,
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
}

/** The aggregation as one SQL statement and its parameters (also run bare by the benchmark). */
export function complianceFiguresStatement(query: FiguresQuery): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [query.from, query.to, query.asOf];
  let unitFilter = '';
  if (query.unitIds) {
    parameters.push(query.unitIds);
    unitFilter = `AND lead_organisation_id = ANY($4::uuid[])`;
  }
  return {
    sql: `SELECT group_key,
            count(*) FILTER (WHERE bucket = 'COMPLETED_ON_TIME') AS on_time,
            count(*) FILTER (WHERE bucket = 'COMPLETED_LATE') AS late,
            count(*) FILTER (WHERE bucket = 'IN_PROGRESS_WITHIN_DEADLINE') AS within,
            count(*) FILTER (WHERE bucket = 'IN_PROGRESS_OVERDUE') AS overdue,
            count(*) FILTER (WHERE original_due_on IS NULL) AS without_deadline
       FROM (SELECT ${GROUPINGS[query.groupBy]} AS group_key, original_due_on,
                    assignments.compliance_bucket(assigned_on, original_due_on, extension_decided_on, extension_due_on,
                                                  completed_on, withdrawn_on, $3::date) AS bucket
               FROM assignments.task
              WHERE assigned_on BETWEEN $1::date AND $2::date ${unitFilter}
                -- the tasks that count as of the date: then every bucket is computed once, not twice
                AND assigned_on <= $3::date AND (withdrawn_on IS NULL OR withdrawn_on > $3::date)) AS counted
      GROUP BY group_key
      ORDER BY group_key`,
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
      };
      return [row.group_key, { ...period, ...figuresFromCounts(counts) }];
    }),
  );
}

/** Figures with no counted task. */
export function emptyFigures(period: Period & { asOf: CalendarDate }): DatedFigures {
  return { ...period, ...figuresFromCounts(NO_COUNTS) };
}
