import {
  catchUpReminders,
  insertTaskRecords,
  reminderSettings,
  startReminderJob,
  type TaskRecord,
} from '@giaoviec/assignments';
import { createLogger, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import { startTestStack, type TestStack } from './harness/stack';

/** The daily job over a real database, with a clock of the test's own. */
const settings = reminderSettings({});
const at = (local: string) => new Date(`${local}+07:00`);

let stack: TestStack;
const db = () => stack.services.assignments.database.dataSource;
const task: TaskRecord = {
  id: uuidFromName('schedule-task'),
  title: 'Nhiệm vụ',
  description: null,
  document: null,
  assignerKind: 'PEOPLES_COMMITTEE',
  assignerName: null,
  leadOrganisationId: uuidFromName('schedule-unit'),
  coordinatingOrganisationIds: [],
  priority: 'ROUTINE',
  events: [{ type: 'ASSIGNED', on: '2018-02-01' as CalendarDate, dueOn: '2018-02-09' as CalendarDate }],
};

beforeAll(async () => {
  stack = await startTestStack();
  await insertTaskRecords(db(), [task], 'test');
});

afterAll(async () => {
  await stack?.stop();
});

const lastDay = async () =>
  (
    (await db().query(`SELECT last_day AS "lastDay" FROM assignments.reminder_schedule`)) as Array<{ lastDay: string }>
  )[0]?.lastDay ?? null;
const reminders = async () =>
  (
    (await db().query(
      `SELECT kind, threshold, sent_on AS "sentOn" FROM assignments.reminder ORDER BY sent_on, kind`,
    )) as Array<{ kind: string; threshold: number | null; sentOn: string }>
  ).map((row) => `${row.kind} ${row.threshold ?? ''} ${row.sentOn}`.replace('  ', ' '));

describe('the daily reminder job', () => {
  it('starts with today on a fresh database, and not before 07:00', async () => {
    expect(await catchUpReminders(db(), at('2018-02-05T06:59:00'), settings)).toEqual([]);
    expect(await lastDay()).toBeNull();
    const runs = await catchUpReminders(db(), at('2018-02-05T07:00:00'), settings);
    expect(runs.map((run) => run.on)).toEqual(['2018-02-05']);
    expect(await lastDay()).toBe('2018-02-05');
  });

  it('after downtime, runs each missed day in order, up to yesterday before 07:00', async () => {
    const runs = await catchUpReminders(db(), at('2018-02-09T06:00:00'), settings);
    expect(runs.map((run) => run.on)).toEqual(['2018-02-06', '2018-02-07', '2018-02-08']);
    expect(await lastDay()).toBe('2018-02-08');
    // Due 9 February: 3 working days left on the 6th, 1 on the 8th.
    expect(await reminders()).toEqual(['DUE_SOON 3 2018-02-06', 'DUE_SOON 1 2018-02-08']);
  });

  it('with several replicas at once, each day runs once', async () => {
    const now = at('2018-02-13T07:30:00');
    const replicas = await Promise.all([1, 2, 3].map(() => catchUpReminders(db(), now, settings)));
    const days = replicas.flatMap((runs) => runs.map((run) => run.on)).sort();
    expect(days).toEqual(['2018-02-09', '2018-02-10', '2018-02-11', '2018-02-12', '2018-02-13']);
    expect(await reminders()).toEqual(['DUE_SOON 3 2018-02-06', 'DUE_SOON 1 2018-02-08', 'OVERDUE 2018-02-12']);
  });

  it('the job catches up when it starts, and stops cleanly', async () => {
    const log = createLogger('test');
    log.level = 'silent';
    const job = startReminderJob({ db: db(), settings, log, now: () => at('2018-02-15T09:00:00') });
    await job.stop();
    expect(await lastDay()).toBe('2018-02-15');
  });
});
