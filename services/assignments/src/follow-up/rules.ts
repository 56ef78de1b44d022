import type { CalendarDate } from '@giaoviec/shared';
import type { Period } from '../compliance/rules';
import { explanationStatus, type ExplanationFacts } from '../explanation/rules';
import type { ReminderKind } from '../reminder/rules';

/** What a unit's follow-up figures count of a task (RULES.md, Follow-up figures). */
export interface FollowUpTask {
  /** The unit that led the task on a day (transfers included). */
  leadOn: (day: CalendarDate) => string;
  withdrawnOn: CalendarDate | null;
  reminders: ReadonlyArray<{ kind: ReminderKind; sentOn: CalendarDate }>;
  explanations: readonly ExplanationFacts[];
}

/** How often a unit had to be chased over a period, and how it answered, as of a date. */
export interface FollowUpCounts {
  reminders: number;
  explanationsRequested: number;
  explanationsAnsweredOnTime: number;
  explanationsAnsweredLate: number;
  explanationsOverdue: number;
  explanationsAwaitingAnswer: number;
}

export const NO_FOLLOW_UP: FollowUpCounts = {
  reminders: 0,
  explanationsRequested: 0,
  explanationsAnsweredOnTime: 0,
  explanationsAnsweredLate: 0,
  explanationsOverdue: 0,
  explanationsAwaitingAnswer: 0,
};

/** The reminders a unit is counted for: those sent to it, not the Office's AWAITING_… ones. */
export const COUNTED_REMINDER_KINDS: readonly ReminderKind[] = ['DUE_SOON', 'OVERDUE', 'MANUAL'];

const STATUS_FIELD = {
  ANSWERED_ON_TIME: 'explanationsAnsweredOnTime',
  ANSWERED_LATE: 'explanationsAnsweredLate',
  OVERDUE: 'explanationsOverdue',
  AWAITING_ANSWER: 'explanationsAwaitingAnswer',
} as const;

/**
 * The follow-up figures of a unit: reminders sent in the period on or before `asOf` to tasks it led
 * that day, requests for explanation made then about tasks it led that day, by their status as of
 * `asOf`; a task withdrawn on or before `asOf` is left out with all of them.
 */
export function followUpFigures(
  tasks: readonly FollowUpTask[],
  unit: string,
  period: Period,
  asOf: CalendarDate,
): FollowUpCounts {
  const counts = { ...NO_FOLLOW_UP };
  const counted = (day: CalendarDate, task: FollowUpTask) =>
    day >= period.from && day <= period.to && day <= asOf && task.leadOn(day) === unit;
  for (const task of tasks) {
    if (task.withdrawnOn !== null && task.withdrawnOn <= asOf) continue;
    for (const reminder of task.reminders) {
      if (COUNTED_REMINDER_KINDS.includes(reminder.kind) && counted(reminder.sentOn, task)) counts.reminders += 1;
    }
    for (const request of task.explanations) {
      if (!counted(request.requestedOn, task)) continue;
      counts.explanationsRequested += 1;
      counts[STATUS_FIELD[explanationStatus(request, asOf)!]] += 1;
    }
  }
  return counts;
}
