import {
  RECORDED_HOLIDAYS,
  insertTaskRecords,
  reminderSettings,
  reminderTaskOf,
  remindersOfRuns,
  runRemindersOf,
  taskFacts,
  taskRows,
  type AutomaticReminder,
  type TaskRecord,
} from '@giaoviec/assignments';
import { addDays, mulberry32, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { randomHistory } from './support/random-histories';

/**
 * The daily run in SQL against the pure rules (the reference), on random histories run day after
 * day across Tết 2018: the reminders in the table must be those the rules create, each on the day
 * they say, and a day run twice creates nothing the second time.
 */
const TASKS = 1500;
const START = '2018-01-20' as CalendarDate;
const DAYS = Array.from({ length: 75 }, (_, index) => addDays(START, index - 3));
const UNIT = uuidFromName('reminder-unit');
const RUN = contractOperation('follow-up.graphql', 'RunDailyReminders');

let stack: TestStack;
let records: TaskRecord[];

beforeAll(async () => {
  stack = await startTestStack();
  const next = mulberry32(20180216);
  records = Array.from({ length: TASKS }, (_, index) => ({
    id: uuidFromName(`reminder-task:${index}`),
    title: `Nhiệm vụ ${index}`,
    description: null,
    document: null,
    assignerKind: 'PEOPLES_COMMITTEE' as const,
    assignerName: null,
    leadOrganisationId: UNIT,
    coordinatingOrganisationIds: [],
    priority: 'ROUTINE' as const,
    events: randomHistory(next, `reminder-task:${index}`, START, { longestWait: 12 }),
  }));
  await insertTaskRecords(stack.services.assignments.database.dataSource, records, 'test');
});

afterAll(async () => {
  await stack?.stop();
});

const line = (reminder: Omit<AutomaticReminder, 'threshold'> & { threshold: number | null }) =>
  [reminder.taskId, reminder.kind, reminder.sentOn, reminder.threshold, reminder.dueOn, reminder.itemId].join(' ');

describe('the daily run in SQL equals the pure rules', () => {
  it('day after day over random histories, in a bounded number of statements, twice each day', async () => {
    const db = stack.services.assignments.database.dataSource;
    const settings = reminderSettings({});
    const counter = stack.services.assignments.database.queries;
    let total = 0;
    for (const day of DAYS) {
      const before = counter.statements;
      const first = await runRemindersOf(db, day, settings);
      // BEGIN, its statement timeout, the calendar, the insert, COMMIT: whatever the number of tasks.
      expect(counter.statements - before).toBeLessThanOrEqual(5);
      const second = await runRemindersOf(db, day, settings);
      expect([day, second.created]).toEqual([day, 0]);
      expect(first.calendarRecorded).toBe(true);
      total += first.created;
    }
    const rows: Array<AutomaticReminder> = await db.query(
      `SELECT task_id AS "taskId", kind, sent_on AS "sentOn", threshold, due_on AS "dueOn",
              coalesce(completion_report_id, extension_id) AS "itemId"
         FROM assignments.reminder`,
    );
    const expected = remindersOfRuns(
      records.map((record) => reminderTaskOf(taskRows(record, 'test'))),
      DAYS,
      RECORDED_HOLIDAYS,
      settings,
    );
    expect(rows.map(line).sort()).toEqual(expected.map(line).sort());
    expect(total).toBe(expected.length);
    // Every kind happens often enough for the comparison to mean something.
    const kinds = new Map<string, number>();
    for (const reminder of expected) kinds.set(reminder.kind, (kinds.get(reminder.kind) ?? 0) + 1);
    for (const kind of ['DUE_SOON', 'OVERDUE', 'AWAITING_CONFIRMATION', 'AWAITING_EXTENSION_DECISION']) {
      expect([kind, (kinds.get(kind) ?? 0) > 20]).toEqual([kind, true]);
    }
    // The boundaries the rules care about happen: extensions approved on the due day, deadlines
    // counted across Tết 2018 (14 to 20 February), days of no run (weekends and Tết).
    const approvedOnDueDay = records.filter((record) => {
      const facts = taskFacts(record.events);
      return facts.approvedExtensions.some((extension) => extension.decidedOn === facts.originalDueOn);
    }).length;
    const acrossTet = expected.filter(
      (reminder) => reminder.kind === 'DUE_SOON' && reminder.sentOn < '2018-02-14' && reminder.dueOn! > '2018-02-20',
    ).length;
    const sentOnDaysOff = expected.filter((reminder) =>
      ['2018-02-14', '2018-02-15', '2018-02-16', '2018-02-17', '2018-02-19', '2018-02-20'].includes(reminder.sentOn),
    ).length;
    expect({ approvedOnDueDay: approvedOnDueDay > 10, acrossTet: acrossTet > 10, sentOnDaysOff }).toEqual({
      approvedOnDueDay: true,
      acrossTet: true,
      sentOnDaysOff: 0,
    });
    // Each reminder is an event of the task feed, by the platform.
    const [history] = await db.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE actor_id IS NULL)::int AS platform
         FROM assignments.task_history WHERE action = 'REMINDED'`,
    );
    expect(history).toEqual({ count: total, platform: total });
  });

  it('through the API: the Office only, and never a future day', async () => {
    const { runDailyReminders } = await stack.gateway.client.data<any>(RUN, { on: DAYS[10] });
    expect(runDailyReminders).toEqual({ on: DAYS[10], created: 0, calendarRecorded: true });
    const future = await stack.gateway.client.request(RUN, { on: '2999-01-01' });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    const leader = await stack.as({ roles: ['LEADER'] }).request(RUN, { on: DAYS[10] });
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
