import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import type { Period } from '../compliance/rules';
import { ledOnSql, leadUnitOnSql } from '../transfer/rules';
import { COUNTED_REMINDER_KINDS, NO_FOLLOW_UP, type FollowUpCounts } from './rules';

/**
 * `followUpFigures` for any number of units in one statement: the reminders and the requests of the
 * period, each counted for the unit that led its task on its day.
 */
export async function followUpByUnit(
  db: DataSource,
  args: Period & { asOf: CalendarDate },
  unitIds: readonly string[],
): Promise<Map<string, FollowUpCounts>> {
  const rows: Array<FollowUpCounts & { unit: string }> = await db.query(
    `WITH reminders AS (
       SELECT ${leadUnitOnSql('t', 'r.sent_on')} AS unit, count(*)::int AS reminders
         FROM assignments.reminder r JOIN assignments.task t ON t.id = r.task_id
        WHERE r.kind = ANY($5::text[]) AND r.sent_on BETWEEN $2::date AND least($3::date, $4::date)
          AND (t.withdrawn_on IS NULL OR t.withdrawn_on > $4::date)
          AND ${ledOnSql('t', '$1::uuid[]', 'r.sent_on')}
        GROUP BY 1),
     explanations AS (
       SELECT ${leadUnitOnSql('t', 'x.requested_on')} AS unit,
              count(*)::int AS requested,
              count(*) FILTER (WHERE x.answered_on <= $4::date AND x.answered_on <= x.answer_by)::int AS on_time,
              count(*) FILTER (WHERE x.answered_on <= $4::date AND x.answered_on > x.answer_by)::int AS late,
              count(*) FILTER (WHERE (x.answered_on IS NULL OR x.answered_on > $4::date) AND x.answer_by < $4::date)::int AS overdue
         FROM assignments.explanation x JOIN assignments.task t ON t.id = x.task_id
        WHERE x.requested_on BETWEEN $2::date AND least($3::date, $4::date)
          AND (t.withdrawn_on IS NULL OR t.withdrawn_on > $4::date)
          AND ${ledOnSql('t', '$1::uuid[]', 'x.requested_on')}
        GROUP BY 1)
     SELECT u.unit, coalesce(r.reminders, 0) AS reminders,
            coalesce(x.requested, 0) AS "explanationsRequested",
            coalesce(x.on_time, 0) AS "explanationsAnsweredOnTime",
            coalesce(x.late, 0) AS "explanationsAnsweredLate",
            coalesce(x.overdue, 0) AS "explanationsOverdue",
            coalesce(x.requested - x.on_time - x.late - x.overdue, 0) AS "explanationsAwaitingAnswer"
       FROM unnest($1::uuid[]) AS u (unit)
       LEFT JOIN reminders r ON r.unit = u.unit
       LEFT JOIN explanations x ON x.unit = u.unit`,
    [unitIds, args.from, args.to, args.asOf, COUNTED_REMINDER_KINDS],
  );
  return new Map(rows.map(({ unit, ...counts }) => [unit, counts]));
}

export const emptyFollowUp = (): FollowUpCounts => ({ ...NO_FOLLOW_UP });
