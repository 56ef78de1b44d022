import { addDays, todayInVietnam, type CalendarDate, type Logger } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { runRemindersOf, type DailyRun } from './daily-run.sql';
import type { ReminderSettings } from './rules';

/** The local time the daily job runs at (Asia/Ho_Chi_Minh, UTC+7 all year: no summer time). */
export const DAILY_RUN_TIME = '07:00';

/** The instant of the daily run of a day. */
export function dailyRunAt(day: CalendarDate): Date {
  return new Date(`${day}T${DAILY_RUN_TIME}:00+07:00`);
}

/** The last day whose run is due at `now`: today from 07:00, else yesterday. */
export function lastDueDay(now: Date): CalendarDate {
  const today = todayInVietnam(now);
  return now >= dailyRunAt(today) ? today : addDays(today, -1);
}

/**
 * The next day to run after the last one run, if it is due by `upTo`: the day after, or on a fresh
 * database (`last` null) today itself, and only once today is due.
 */
export function nextDayToRun(last: CalendarDate | null, upTo: CalendarDate, today: CalendarDate): CalendarDate | null {
  const next = last === null ? today : addDays(last, 1);
  return next <= upTo ? next : null;
}

// Any constant of this subgraph's own: replicas share the database, so one of them runs a day.
const LOCK_KEY = 0x67766472; // "gvdr"

/**
 * Runs each due day not yet run, in order, one transaction a day: the transaction takes an
 * advisory lock (another replica holding it runs the days instead), reads the last day run, runs
 * the next and records it. Returns the runs it made.
 */
export async function catchUpReminders(db: DataSource, now: Date, settings: ReminderSettings): Promise<DailyRun[]> {
  const upTo = lastDueDay(now);
  const today = todayInVietnam(now);
  const runs: DailyRun[] = [];
  for (;;) {
    const run = await db.transaction(async (tx) => {
      const [lock]: Array<{ locked: boolean }> = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        LOCK_KEY,
      ]);
      if (!lock!.locked) return null;
      const [row]: Array<{ lastDay: CalendarDate }> = await tx.query(
        `SELECT last_day AS "lastDay" FROM assignments.reminder_schedule`,
      );
      const day = nextDayToRun(row?.lastDay ?? null, upTo, today);
      if (day === null) return null;
      const done = await runRemindersOf(tx, day, settings);
      await tx.query(
        `INSERT INTO assignments.reminder_schedule (last_day) VALUES ($1)
         ON CONFLICT (id) DO UPDATE SET last_day = excluded.last_day, ran_at = now()`,
        [day],
      );
      return done;
    });
    if (run === null) return runs;
    runs.push(run);
  }
}

/** What the job needs: the database, the thresholds, a clock (tests give their own) and a log. */
export interface ReminderJobOptions {
  db: DataSource;
  settings: ReminderSettings;
  log: Logger;
  now?: () => Date;
}

/**
 * The daily reminder job (decision 31): catches up at start, then wakes at the next 07:00
 * Asia/Ho_Chi_Minh, runs the due days and sleeps again. `stop` waits for a run under way.
 */
export function startReminderJob(options: ReminderJobOptions): { stop(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const wake = () => {
    running = catchUpReminders(options.db, now(), options.settings)
      .then((runs) => {
        for (const run of runs) options.log.info(run, 'daily reminders run');
      })
      .catch((error: unknown) => options.log.error({ err: error }, 'daily reminders failed; retried at the next run'))
      .finally(() => {
        if (stopped) return;
        const at = now();
        const next = dailyRunAt(addDays(todayInVietnam(at), at >= dailyRunAt(todayInVietnam(at)) ? 1 : 0));
        timer = setTimeout(wake, Math.max(1000, next.getTime() - at.getTime()));
        timer.unref();
      });
  };
  wake();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
