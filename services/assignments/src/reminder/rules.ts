import type { CalendarDate } from '@giaoviec/shared';
import { deadlineInForce, factsOf, type TaskFacts } from '../task/deadline';
import type { TaskRows } from '../task/task-records';
import { countsAsWorkingDay, workingDaysBetween, type HolidayCalendar } from '../working-days/rules';

/**
 * The reminders (đôn đốc) of RULES.md as plain functions: which task is open on a day, and what
 * the daily run of a day creates. `reminder.sql.ts` does the same in one statement; the
 * randomised e2e test holds them equal.
 */

/** Why a reminder was sent. */
export type ReminderKind = 'DUE_SOON' | 'OVERDUE' | 'AWAITING_CONFIRMATION' | 'AWAITING_EXTENSION_DECISION' | 'MANUAL';

/** A completion report or an extension request, as the reminders see it: when made, when decided. */
export interface PendingItem {
  id: string;
  /** The day it was submitted (a report) or requested (an extension). */
  madeOn: CalendarDate;
  /** The day it was confirmed, returned, approved or rejected; null while it waits. */
  decidedOn: CalendarDate | null;
}

/** What the reminders of a task depend on. */
export interface ReminderTask {
  id: string;
  facts: TaskFacts;
  completionReports: readonly PendingItem[];
  extensionRequests: readonly PendingItem[];
}

/** A task's reminder facts from its stored rows. */
export function reminderTaskOf(rows: Pick<TaskRows, 'task' | 'extensions' | 'completionReports'>): ReminderTask {
  return {
    id: rows.task.id,
    facts: factsOf(rows.task),
    completionReports: rows.completionReports.map((report) => ({
      id: report.id,
      madeOn: report.submittedOn,
      decidedOn: report.decidedOn,
    })),
    extensionRequests: rows.extensions.map((request) => ({
      id: request.id,
      madeOn: request.requestedOn,
      decidedOn: request.decidedOn,
    })),
  };
}

/** The thresholds of a run (from the environment, see `reminderSettings`). */
export interface ReminderSettings {
  /** Due-soon thresholds in working days, ascending (default 1 and 3). */
  dueSoon: readonly number[];
  /** Working days after which a report or a request still undecided is reminded to the Office. */
  awaiting: number;
}

/** An automatic reminder: its kind, its day and what makes it unique. */
export interface AutomaticReminder {
  taskId: string;
  kind: Exclude<ReminderKind, 'MANUAL'>;
  sentOn: CalendarDate;
  /** DUE_SOON only. */
  threshold: number | null;
  /** The deadline in force it is about (DUE_SOON, OVERDUE). */
  dueOn: CalendarDate | null;
  /** The completion report (AWAITING_CONFIRMATION) or extension request (AWAITING_EXTENSION_DECISION). */
  itemId: string | null;
}

const waitingOn = (item: PendingItem, day: CalendarDate) =>
  item.madeOn <= day && (item.decidedOn === null || item.decidedOn > day);

/**
 * Open as of D: assigned on or before D, not withdrawn, not completed, and no completion report
 * submitted on or before D still awaiting a decision on D.
 */
export function isOpenOn(task: ReminderTask, day: CalendarDate): boolean {
  const { facts } = task;
  if (facts.assignedOn > day) return false;
  if (facts.withdrawnOn !== null && facts.withdrawnOn <= day) return false;
  if (facts.completedOn !== null && facts.completedOn <= day) return false;
  return !task.completionReports.some((report) => waitingOn(report, day));
}

/** The smallest threshold k with left ≤ k; null when left is above them all. */
export function dueSoonThreshold(left: number, thresholds: readonly number[]): number | null {
  const fitting = thresholds.filter((threshold) => left <= threshold);
  return fitting.length === 0 ? null : Math.min(...fitting);
}

/** What the run of day D would create for one task, before removing what earlier runs created. */
export function remindersOfDay(
  task: ReminderTask,
  day: CalendarDate,
  holidays: HolidayCalendar,
  settings: ReminderSettings,
): AutomaticReminder[] {
  if (!countsAsWorkingDay(day, holidays)) return [];
  const { facts } = task;
  const reminders: AutomaticReminder[] = [];
  const reminder = (kind: AutomaticReminder['kind'], fields: Partial<AutomaticReminder>) =>
    reminders.push({ taskId: task.id, kind, sentOn: day, threshold: null, dueOn: null, itemId: null, ...fields });
  const deadline = deadlineInForce(facts, day);
  if (deadline !== null && isOpenOn(task, day)) {
    if (deadline < day) {
      reminder('OVERDUE', { dueOn: deadline });
    } else {
      const threshold = dueSoonThreshold(workingDaysBetween(day, deadline, holidays), settings.dueSoon);
      if (threshold !== null) reminder('DUE_SOON', { dueOn: deadline, threshold });
    }
  }
  if (facts.withdrawnOn !== null && facts.withdrawnOn <= day) return reminders;
  const longWaiting = (item: PendingItem) =>
    waitingOn(item, day) && workingDaysBetween(item.madeOn, day, holidays) >= settings.awaiting;
  for (const report of task.completionReports.filter(longWaiting)) {
    reminder('AWAITING_CONFIRMATION', { itemId: report.id });
  }
  for (const request of task.extensionRequests.filter(longWaiting)) {
    reminder('AWAITING_EXTENSION_DECISION', { itemId: request.id });
  }
  return reminders;
}

/** What makes an automatic reminder unique: a second one with the same key is never created. */
export function reminderKey(reminder: AutomaticReminder): string {
  switch (reminder.kind) {
    case 'DUE_SOON':
      return `${reminder.taskId}:DUE_SOON:${reminder.threshold}:${reminder.dueOn}`;
    case 'OVERDUE':
      return `${reminder.taskId}:OVERDUE:${reminder.dueOn}`;
    default:
      return `${reminder.kind}:${reminder.itemId}`;
  }
}

/** The reminders runs of these days, in this order, create: each key once, on the first day it comes. */
export function remindersOfRuns(
  tasks: readonly ReminderTask[],
  days: readonly CalendarDate[],
  holidays: HolidayCalendar,
  settings: ReminderSettings,
): AutomaticReminder[] {
  const created = new Map<string, AutomaticReminder>();
  for (const day of days) {
    for (const task of tasks) {
      for (const reminder of remindersOfDay(task, day, holidays, settings)) {
        const key = reminderKey(reminder);
        if (!created.has(key)) created.set(key, reminder);
      }
    }
  }
  return [...created.values()];
}

const MAX_THRESHOLD = 30;

function workingDayCount(text: string, variable: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1 || value > MAX_THRESHOLD) {
    throw new Error(`${variable}: "${text}" is not a number of working days from 1 to ${MAX_THRESHOLD}`);
  }
  return value;
}

/**
 * The thresholds from `REMINDER_DUE_SOON_WORKING_DAYS` (comma-separated, default `3,1`) and
 * `REMINDER_AWAITING_WORKING_DAYS` (default 3); a bad value stops the service at start.
 */
export function reminderSettings(env: Record<string, string | undefined> = process.env): ReminderSettings {
  const dueSoonText = env.REMINDER_DUE_SOON_WORKING_DAYS ?? '3,1';
  const dueSoon = [
    ...new Set(dueSoonText.split(',').map((part) => workingDayCount(part, 'REMINDER_DUE_SOON_WORKING_DAYS'))),
  ];
  return {
    dueSoon: dueSoon.sort((a, b) => a - b),
    awaiting: workingDayCount(env.REMINDER_AWAITING_WORKING_DAYS ?? '3', 'REMINDER_AWAITING_WORKING_DAYS'),
  };
}
