import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { NO_COUNTS, figuresFromCounts, type ComplianceCounts, type ComplianceFigures, type Period } from './rules';

/**
 * RULES.md as one SQL aggregation: each task's bucket comes from its own row
 * (`assignments.compliance_bucket`, see the migration), grouped in the same pass. The pure rules
 * (rules.ts) are the reference; a test holds the two equal on thousands of random histories.
 */

/** The lead unit of a task as of the figures' date (`$3`): transfers after it do not count yet. */
const LEAD_UNIT_AS_OF = `CASE WHEN cardinality(lead_transferred_on) = 0 THEN lead_organisation_id
  ELSE assignments.lead_unit_as_of(lead_organisation_id, lead_transferred_on, lead_transferred_from, $3::date) END`;

/** What the figures can be grouped by; each maps to a fixed SQL expression, never to client text. */
const GROUPINGS = {
  unit: `(${LEAD_UNIT_AS_OF})::text`,
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
}

/** A task's bucket as of `$3`, from its row alone. */
const BUCKET = `assignments.compliance_bucket(assigned_on, original_due_on, extension_decided_on, extension_due_on,
                                                  completed_on, withdrawn_on, $3::date)`;

/** The tasks of the period that count as of the date: then every bucket is computed once, not twice. */
const COUNTED = `assigned_on BETWEEN $1::date AND $2::date
                AND assigned_on <= $3::date AND (withdrawn_on IS NULL OR withdrawn_on > $3::date)`;

/** The aggregation as one SQL statement and its parameters (also run bare by the benchmark). */
export function complianceFiguresStatement(query: FiguresQuery): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [query.from, query.to, query.asOf];
  let counted: string;
  if (query.unitIds) {
    // Units' figures count each task for the unit that led it on the date. Tasks never transferred
    // (nearly all) are read from the covering index; the transferred few have an index of their own.
    parameters.push(query.unitIds);
    counted = `SELECT lead_organisation_id::text AS group_key, original_due_on, ${BUCKET} AS bucket
                 FROM assignments.task
                WHERE lead_organisation_id = ANY($4::uuid[]) AND cardinality(lead_transferred_on) = 0 AND ${COUNTED}
               UNION ALL
               SELECT lead_unit::text, original_due_on, bucket
                 FROM (SELECT ${LEAD_UNIT_AS_OF} AS lead_unit, original_due_on, ${BUCKET} AS bucket
                         FROM assignments.task
                        WHERE cardinality(lead_transferred_on) > 0 AND ${COUNTED}) AS transferred
                WHERE lead_unit = ANY($4::uuid[])`;
  } else {
    counted = `SELECT ${GROUPINGS[query.groupBy]} AS group_key, original_due_on, ${BUCKET} AS bucket
                 FROM assignments.task WHERE ${COUNTED}`;
  }
  return {
    sql: `SELECT group_key,
            count(*) FILTER (WHERE bucket = 'COMPLETED_ON_TIME') AS on_time,
            count(*) FILTER (WHERE bucket = 'COMPLETED_LATE') AS late,
            count(*) FILTER (WHERE bucket = 'IN_PROGRESS_WITHIN_DEADLINE') AS within,
            count(*) FILTER (WHERE bucket = 'IN_PROGRESS_OVERDUE') AS overdue,
            count(*) FILTER (WHERE original_due_on IS NULL) AS without_deadline
       FROM (${counted}) AS counted
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
