import { PLATFORM_ACTOR, type CalendarDate } from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { DEADLINE_AS_OF, LIVE } from '../compliance/figures.sql';
import type { ReminderSettings } from './rules';

/** What the run of one day did. */
export interface DailyRun {
  on: CalendarDate;
  created: number;
  calendarRecorded: boolean;
}

// Working days are counted in a window of days around D, wide enough for thresholds of up to 30
// working days and the longest Tết break.
const WINDOW_DAYS = 120;

/**
 * The first day a task (row alias `t`) is no longer open: completed or withdrawn, whichever came
 * first ('infinity' for neither), so that "not withdrawn and not completed on D" is one range,
 * `> D`, of the index `task_unfinished_idx` (migration 1765350000000) on exactly this expression.
 */
const UNFINISHED_UNTIL = `coalesce(least(t.completed_on, t.withdrawn_on), 'infinity'::date)`;

/** The statement timeout of one day's run (REMINDER_RUN_TIMEOUT_MS, default 10 minutes). */
const REMINDER_RUN_TIMEOUT_MS = Math.max(1000, Number(process.env.REMINDER_RUN_TIMEOUT_MS ?? 600_000) || 600_000);

/**
 * The automatic reminders of day D (RULES.md, Reminders), as `remindersOfDay` says, in a transaction
 * of its own (with its own statement timeout) and two
 * statements whatever the number of tasks: one reads the calendar of D, one inserts every reminder
 * of the day with its history row (the task feed's REMINDED event). The working days left before a
 * deadline E are compared through the k-th working day after D (left ≤ k ⇔ E < the (k+1)-th), the
 * wait of a report through the N-th working day back from D (≥ N working days after S ⇔ S < it).
 * It reads what is open on D, not every task: the open tasks from `task_unfinished_idx`, their
 * deadline from the generated columns (`DEADLINE_AS_OF`), the reports awaiting a decision once.
 * A candidate already reminded is dropped before the insert (the unique indexes' own keys, probed
 * by those indexes), so a day with nothing left to create inserts nothing and conflicts with
 * nothing; `ON CONFLICT DO NOTHING` stays for two runs at once.
 */
export async function runRemindersOf(
  db: DataSource | EntityManager,
  on: CalendarDate,
  settings: ReminderSettings,
): Promise<DailyRun> {
  const manager = 'manager' in db ? db.manager : db;
  if (manager.queryRunner?.isTransactionActive !== true)
    return manager.transaction((tx) => runRemindersOf(tx, on, settings));
  // One day over a million tasks takes longer than a request's statement timeout (measured at the
  // benchmark's national scale: 27.7 s for 124,248 reminders); the run has its own.
  await db.query(`SET LOCAL statement_timeout = ${REMINDER_RUN_TIMEOUT_MS}`);
  const [calendar]: Array<{ recorded: boolean; working: boolean }> = await db.query(
    `SELECT EXISTS (SELECT 1 FROM assignments.public_holiday_year WHERE year = extract(year FROM $1::date)) AS recorded,
            extract(isodow FROM $1::date) < 6
              AND NOT EXISTS (SELECT 1 FROM assignments.public_holiday WHERE day = $1::date) AS working`,
    [on],
  );
  if (!calendar!.working) return { on, created: 0, calendarRecorded: calendar!.recorded };
  const [result]: Array<{ created: number }> = await db.query(
    `WITH working AS (
       SELECT g.day::date AS day
         FROM generate_series($3::date - ${WINDOW_DAYS}, $3::date + ${WINDOW_DAYS}, interval '1 day') AS g (day)
        WHERE extract(isodow FROM g.day) < 6
          AND NOT EXISTS (SELECT 1 FROM assignments.public_holiday h WHERE h.day = g.day::date)),
     ahead AS (SELECT day, row_number() OVER (ORDER BY day) AS n FROM working WHERE day > $3::date),
     thresholds AS (
       SELECT k, (SELECT day FROM ahead WHERE n = k + 1) AS beyond FROM unnest($1::int[]) AS k),
     waited AS (
       SELECT day FROM (SELECT day, row_number() OVER (ORDER BY day DESC) AS n FROM working WHERE day <= $3::date) w
        WHERE n = $2::int),
     pending AS (
       SELECT r.id, r.task_id, r.submitted_on FROM assignments.completion_report r
        WHERE r.submitted_on <= $3::date AND (r.decided_on IS NULL OR r.decided_on > $3::date)),
     open AS (
       SELECT t.id, ${DEADLINE_AS_OF} AS due
         FROM assignments.task t
        WHERE t.original_due_on IS NOT NULL
          AND ${UNFINISHED_UNTIL} > $3::date
          AND t.assigned_on <= $3::date
          AND NOT EXISTS (SELECT 1 FROM pending r WHERE r.task_id = t.id)),
     due_soon AS (
       SELECT id, due, (SELECT min(k) FROM thresholds WHERE open.due < beyond)::smallint AS threshold
         FROM open WHERE due >= $3::date AND due < (SELECT max(beyond) FROM thresholds)),
     candidate AS (
       SELECT id AS task_id, 'OVERDUE' AS kind, NULL::smallint AS threshold, due AS due_on,
              NULL::uuid AS completion_report_id, NULL::uuid AS extension_id
         FROM open WHERE due < $3::date
          AND NOT EXISTS (SELECT 1 FROM assignments.reminder x
                           WHERE x.kind = 'OVERDUE' AND x.task_id = open.id AND x.due_on = open.due)
       UNION ALL
       SELECT id, 'DUE_SOON', threshold, due, NULL, NULL
         FROM due_soon s
        WHERE NOT EXISTS (SELECT 1 FROM assignments.reminder x
                           WHERE x.kind = 'DUE_SOON' AND x.task_id = s.id AND x.threshold = s.threshold AND x.due_on = s.due)
       UNION ALL
       SELECT r.task_id, 'AWAITING_CONFIRMATION', NULL, NULL, r.id, NULL
         FROM pending r JOIN assignments.task t ON t.id = r.task_id
        WHERE r.submitted_on < (SELECT day FROM waited) AND ${LIVE}
          AND NOT EXISTS (SELECT 1 FROM assignments.reminder x
                           WHERE x.kind = 'AWAITING_CONFIRMATION' AND x.completion_report_id = r.id)
       UNION ALL
       SELECT e.task_id, 'AWAITING_EXTENSION_DECISION', NULL, NULL, NULL, e.id
         FROM assignments.extension e JOIN assignments.task t ON t.id = e.task_id
        WHERE e.requested_on < (SELECT day FROM waited) AND (e.decided_on IS NULL OR e.decided_on > $3::date) AND ${LIVE}
          AND NOT EXISTS (SELECT 1 FROM assignments.reminder x
                           WHERE x.kind = 'AWAITING_EXTENSION_DECISION' AND x.extension_id = e.id)),
     inserted AS (
       INSERT INTO assignments.reminder (task_id, kind, sent_on, threshold, due_on, completion_report_id, extension_id, actor)
       SELECT task_id, kind, $3::date, threshold, due_on, completion_report_id, extension_id, $4 FROM candidate
        -- A one-time filter: every candidate is read before the first insert, so that the checks
        -- against the reminders above never read rows this statement adds (on an empty table, a
        -- scan of it per candidate grew with each insert: minutes for a first national day).
        WHERE (SELECT count(*) FROM candidate) > 0
       ON CONFLICT DO NOTHING
       RETURNING id, task_id, kind, threshold, due_on),
     history AS (
       INSERT INTO assignments.task_history (task_id, on_date, action, actor, details)
       SELECT task_id, $3::date, 'REMINDED', $4,
              jsonb_strip_nulls(jsonb_build_object('reminderId', id, 'kind', kind, 'threshold', threshold, 'dueOn', due_on))
         FROM inserted)
     SELECT count(*)::int AS created FROM inserted`,
    // D is $3, as in the compliance fragments (`DEADLINE_AS_OF`, `LIVE`) this statement shares.
    [settings.dueSoon, settings.awaiting, on, PLATFORM_ACTOR.name],
  );
  return { on, created: result!.created, calendarRecorded: calendar!.recorded };
}
