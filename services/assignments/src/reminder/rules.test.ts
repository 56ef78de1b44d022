import { addDays, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';
import { taskRows } from '../task/task-records';
import { RECORDED_HOLIDAYS as holidays } from '../working-days/public-holidays';
import { workingDaysBetween } from '../working-days/rules';
import {
  dueSoonThreshold,
  isOpenOn,
  reminderSettings,
  reminderTaskOf,
  remindersOfDay,
  remindersOfRuns,
  type ReminderTask,
} from './rules';

const d = (text: string) => text as CalendarDate;
const settings = reminderSettings({});
const EXTENSION = '00000000-0000-4000-8000-00000000e001';

/** A task from its history (ids of reports as the loader gives them). */
function taskOf(events: TaskEvent[]): ReminderTask {
  return reminderTaskOf(
    taskRows(
      {
        id: '00000000-0000-4000-8000-000000000001',
        title: 't',
        description: null,
        document: null,
        assignerKind: 'PEOPLES_COMMITTEE',
        assignerName: null,
        leadOrganisationId: '00000000-0000-4000-8000-0000000000aa',
        coordinatingOrganisationIds: [],
        priority: 'ROUTINE',
        events,
      },
      'test',
    ),
  );
}

const assigned = (on: string, dueOn: string | null): TaskEvent => ({
  type: 'ASSIGNED',
  on: d(on),
  dueOn: dueOn === null ? null : d(dueOn),
});

function days(from: string, to: string): CalendarDate[] {
  const list: CalendarDate[] = [];
  for (let day = d(from); day <= d(to); day = addDays(day, 1)) list.push(day);
  return list;
}

/** The runs of every day from..to, as `kind threshold dueOn @ sentOn` lines. */
function runs(task: ReminderTask, from: string, to: string): string[] {
  return remindersOfRuns([task], days(from, to), holidays, settings).map(
    (reminder) =>
      `${reminder.kind}${reminder.threshold === null ? '' : ` ${reminder.threshold}`}${reminder.dueOn === null ? '' : ` ${reminder.dueOn}`} @ ${reminder.sentOn}`,
  );
}

describe('working days left', () => {
  it.each([
    ['2025-03-10', '2025-03-14', 4],
    ['2025-03-14', '2025-03-14', 0],
    ['2025-03-14', '2025-03-10', 0],
    ['2025-03-12', '2025-03-17', 3], // over a weekend
    ['2025-01-23', '2025-02-04', 3], // over Tết 2025: 24 January, 3 and 4 February
    ['2030-01-04', '2030-01-08', 2], // a year with no calendar: Monday to Friday
  ])('from %s to %s: %i', (from, to, left) => {
    expect(workingDaysBetween(d(from), d(to), holidays)).toBe(left);
  });
});

describe('due-soon thresholds', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 3],
    [3, 3],
    [4, null],
  ])('%i working days left: threshold %p', (left, threshold) => {
    expect(dueSoonThreshold(left, settings.dueSoon)).toBe(threshold);
  });

  it('reads the thresholds from the environment, and refuses nonsense', () => {
    expect(reminderSettings({})).toEqual({ dueSoon: [1, 3], awaiting: 3 });
    expect(reminderSettings({ REMINDER_DUE_SOON_WORKING_DAYS: '5, 2,5', REMINDER_AWAITING_WORKING_DAYS: '2' })).toEqual(
      {
        dueSoon: [2, 5],
        awaiting: 2,
      },
    );
    expect(() => reminderSettings({ REMINDER_DUE_SOON_WORKING_DAYS: '3,x' })).toThrow(/REMINDER_DUE_SOON/);
    expect(() => reminderSettings({ REMINDER_AWAITING_WORKING_DAYS: '0' })).toThrow(/REMINDER_AWAITING/);
  });
});

describe('open as of a day', () => {
  const task = taskOf([
    assigned('2025-03-03', '2025-03-14'),
    { type: 'COMPLETION_SUBMITTED', on: d('2025-03-05'), completedOn: d('2025-03-05'), note: 'n' },
    { type: 'COMPLETION_RETURNED', on: d('2025-03-07'), reason: 'r' },
    { type: 'COMPLETION_SUBMITTED', on: d('2025-03-12'), completedOn: d('2025-03-11'), note: 'n' },
    { type: 'COMPLETION_CONFIRMED', on: d('2025-03-14') },
  ]);
  it.each([
    ['2025-03-02', false], // before the assignment
    ['2025-03-04', true],
    ['2025-03-05', false], // a report awaits a decision
    ['2025-03-06', false],
    ['2025-03-07', true], // returned that day
    ['2025-03-10', true],
    ['2025-03-11', false], // completed on the 11th (confirmed later)
  ])('%s: %p', (day, open) => {
    expect(isOpenOn(task, d(day))).toBe(open);
  });

  it('not once withdrawn', () => {
    const withdrawn = taskOf([assigned('2025-03-03', null), { type: 'WITHDRAWN', on: d('2025-03-05'), reason: 'r' }]);
    expect([isOpenOn(withdrawn, d('2025-03-04')), isOpenOn(withdrawn, d('2025-03-05'))]).toEqual([true, false]);
  });
});

describe('the runs of a day', () => {
  it('due soon at 3 and 1 working days left, overdue once after the deadline', () => {
    expect(runs(taskOf([assigned('2025-03-03', '2025-03-14')]), '2025-03-03', '2025-03-25')).toEqual([
      'DUE_SOON 3 2025-03-14 @ 2025-03-11',
      'DUE_SOON 1 2025-03-14 @ 2025-03-13',
      'OVERDUE 2025-03-14 @ 2025-03-17',
    ]);
  });

  it('over a weekend: Friday has 1 working day left before Monday', () => {
    expect(runs(taskOf([assigned('2025-03-03', '2025-03-17')]), '2025-03-03', '2025-03-17')).toEqual([
      'DUE_SOON 3 2025-03-17 @ 2025-03-12',
      'DUE_SOON 1 2025-03-17 @ 2025-03-14',
    ]);
  });

  it('over Tết 2025, and nothing on a holiday or a weekend', () => {
    const task = taskOf([assigned('2025-01-20', '2025-02-04')]);
    expect(runs(task, '2025-01-20', '2025-02-05')).toEqual([
      'DUE_SOON 3 2025-02-04 @ 2025-01-23',
      'DUE_SOON 1 2025-02-04 @ 2025-02-03',
      'OVERDUE 2025-02-04 @ 2025-02-05',
    ]);
    expect(remindersOfDay(task, d('2025-01-28'), holidays, settings)).toEqual([]);
    expect(remindersOfDay(task, d('2025-02-01'), holidays, settings)).toEqual([]);
  });

  it('an extension approved on the due day arms the due-soon reminders again; a long wait is reminded', () => {
    const task = taskOf([
      assigned('2025-03-03', '2025-03-14'),
      {
        type: 'EXTENSION_REQUESTED',
        on: d('2025-03-10'),
        extensionId: EXTENSION,
        proposedDueOn: d('2025-03-28'),
        reason: 'r',
      },
      { type: 'EXTENSION_APPROVED', on: d('2025-03-14'), extensionId: EXTENSION },
    ]);
    expect(runs(task, '2025-03-03', '2025-04-02')).toEqual([
      'DUE_SOON 3 2025-03-14 @ 2025-03-11',
      'DUE_SOON 1 2025-03-14 @ 2025-03-13',
      'AWAITING_EXTENSION_DECISION @ 2025-03-13',
      'DUE_SOON 3 2025-03-28 @ 2025-03-25',
      'DUE_SOON 1 2025-03-28 @ 2025-03-27',
      'OVERDUE 2025-03-28 @ 2025-03-31',
    ]);
  });

  it('a report awaiting confirmation stops the deadline reminders and is reminded to the Office after 3 working days', () => {
    const task = taskOf([
      assigned('2025-03-03', '2025-03-14'),
      { type: 'COMPLETION_SUBMITTED', on: d('2025-03-12'), completedOn: d('2025-03-12'), note: 'n' },
      { type: 'COMPLETION_RETURNED', on: d('2025-03-18'), reason: 'r' },
    ]);
    expect(runs(task, '2025-03-03', '2025-03-19')).toEqual([
      'DUE_SOON 3 2025-03-14 @ 2025-03-11',
      'AWAITING_CONFIRMATION @ 2025-03-17',
      'OVERDUE 2025-03-14 @ 2025-03-18',
    ]);
  });

  it('nothing for a task with no deadline, nor after a withdrawal', () => {
    expect(runs(taskOf([assigned('2025-03-03', null)]), '2025-03-03', '2025-04-30')).toEqual([]);
    const withdrawn = taskOf([
      assigned('2025-03-03', '2025-03-14'),
      { type: 'COMPLETION_SUBMITTED', on: d('2025-03-05'), completedOn: d('2025-03-05'), note: 'n' },
      { type: 'WITHDRAWN', on: d('2025-03-07'), reason: 'r' },
    ]);
    expect(runs(withdrawn, '2025-03-03', '2025-04-30')).toEqual([]);
  });

  it('a year with no recorded calendar counts Monday to Friday', () => {
    expect(runs(taskOf([assigned('2030-01-01', '2030-01-08')]), '2030-01-01', '2030-01-09')).toEqual([
      'DUE_SOON 3 2030-01-08 @ 2030-01-03',
      'DUE_SOON 1 2030-01-08 @ 2030-01-07',
      'OVERDUE 2030-01-08 @ 2030-01-09',
    ]);
  });
});
