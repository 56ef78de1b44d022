import { uuidFromName } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';
import { dateOfDay } from './demo-calendar';
import {
  COMPLETION_NOTES,
  EXTENSION_APPROVAL_NOTES,
  EXTENSION_REASONS,
  EXTENSION_REJECTION_NOTES,
  PROGRESS_NOTES,
  RETURN_REASONS,
  WITHDRAWAL_REASONS,
} from './demo-texts';
import type { Dice } from './dice';
import type { Plan } from './history-plan';

// Module bindings for the hot path (see `dice.ts`).
const { max, min, round } = Math;

/** The events of a plan, progress reports woven in, cut at today. */
export function historyOf(dice: Dice, plan: Plan, taskId: string, today: number): TaskEvent[] {
  const main: TaskEvent[] = [
    { type: 'ASSIGNED', on: dateOfDay(plan.assignedOn), dueOn: plan.dueOn === null ? null : dateOfDay(plan.dueOn) },
  ];
  const { extension, returnedReport, completion } = plan;
  if (extension) {
    const extensionId = uuidFromName(`extension:${taskId}:1`);
    main.push({
      type: 'EXTENSION_REQUESTED',
      on: dateOfDay(extension.requestedOn),
      extensionId,
      proposedDueOn: dateOfDay(extension.proposedDueOn),
      reason: dice.pick(EXTENSION_REASONS),
    });
    const decision = {
      type: extension.approved ? ('EXTENSION_APPROVED' as const) : ('EXTENSION_REJECTED' as const),
      on: dateOfDay(extension.decidedOn),
      extensionId,
    };
    const notes = extension.approved ? EXTENSION_APPROVAL_NOTES : EXTENSION_REJECTION_NOTES;
    main.push(dice.chance(0.6) ? { ...decision, note: dice.pick(notes) } : decision);
  }
  if (returnedReport) {
    main.push({
      type: 'COMPLETION_SUBMITTED',
      on: dateOfDay(returnedReport.submittedOn),
      completedOn: dateOfDay(returnedReport.completedOn),
      note: dice.pick(COMPLETION_NOTES),
    });
    main.push({
      type: 'COMPLETION_RETURNED',
      on: dateOfDay(returnedReport.returnedOn),
      reason: dice.pick(RETURN_REASONS),
    });
  }
  if (completion) {
    main.push({
      type: 'COMPLETION_SUBMITTED',
      on: dateOfDay(completion.submittedOn),
      completedOn: dateOfDay(completion.completedOn),
      note: dice.pick(COMPLETION_NOTES),
    });
    main.push({ type: 'COMPLETION_CONFIRMED', on: dateOfDay(completion.confirmedOn) });
  }
  if (plan.withdrawnOn !== null) {
    main.push({ type: 'WITHDRAWN', on: dateOfDay(plan.withdrawnOn), reason: dice.pick(WITHDRAWAL_REASONS) });
  }

  // Progress reports while the work goes on: before the work is done (so before the task is
  // closed), each placed before the first event on or after its day, so the history stays in order.
  const a = plan.assignedOn;
  const horizon = completion?.completedOn ?? plan.withdrawnOn ?? a + 150;
  const reports = dice.weighted<number>([
    [0, 0.35],
    [1, 0.35],
    [2, 0.2],
    [3, 0.1],
  ]);
  const events: TaskEvent[] = [main[0]!];
  if (reports > 0 && horizon - 1 >= a + 1) {
    const days: number[] = [];
    for (let i = 0; i < reports; i++) days.push(dice.int(a + 1, horizon - 1));
    days.sort((x, y) => x - y);
    let next = 1;
    for (const day of days) {
      const on = dateOfDay(day);
      while (next < main.length && main[next]!.on < on) events.push(main[next++]!);
      const share = min(1, (day - a) / max(1, horizon - a));
      const percent = min(95, max(5, round((share * (completion ? 100 : 70)) / 5) * 5));
      events.push({
        type: 'PROGRESS_REPORTED',
        on,
        percentComplete: dice.chance(0.15) ? null : percent,
        note: dice.pick(PROGRESS_NOTES),
      });
    }
    while (next < main.length) events.push(main[next++]!);
  } else {
    for (let i = 1; i < main.length; i++) events.push(main[i]!);
  }

  const last = dateOfDay(today);
  let kept = events.length;
  while (kept > 1 && events[kept - 1]!.on > last) kept--;
  if (kept < events.length) events.length = kept;
  return events;
}
