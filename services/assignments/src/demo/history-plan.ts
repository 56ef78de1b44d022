import type { WorkCalendar } from './demo-calendar';
import type { Dice } from './dice';
import type { Shape } from './task-shape';

// A task's shape planned into dates (day numbers): its extension, returned report, completion or
// withdrawal. Module bindings for the hot path (see `dice.ts`).
const { floor, max, min, sqrt } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

export interface Plan {
  assignedOn: number;
  dueOn: number | null;
  extension: { requestedOn: number; decidedOn: number; proposedDueOn: number; approved: boolean } | null;
  returnedReport: { completedOn: number; submittedOn: number; returnedOn: number } | null;
  completion: { completedOn: number; submittedOn: number; confirmedOn: number } | null;
  withdrawnOn: number | null;
}

function planExtension(
  dice: Dice,
  calendar: WorkCalendar,
  shape: Shape,
  dueOn: number,
): NonNullable<Plan['extension']> {
  const a = shape.assignedOn;
  // Requested in the last days before the deadline (never after it), decided within a week.
  const requestedOn = calendar.onOrBefore(dueOn - dice.int(0, min(10, dueOn - a)), a);
  let decidedOn = calendar.onOrAfter(requestedOn + dice.int(1, 7));
  if (decidedOn > shape.decideBy) decidedOn = max(requestedOn, shape.decideBy);
  const proposed = calendar.onOrAfter(dueOn + dice.int(10, 45));
  const proposedDueOn = max(proposed, decidedOn + 5, shape.proposeAtLeast);
  return { requestedOn, decidedOn, proposedDueOn, approved: shape.extension === 'APPROVED' };
}

/** The days the (final) completion date may fall on, or null when there are none. */
function completionWindow(shape: Shape, extension: Plan['extension']): [number, number] | null {
  const a = shape.assignedOn;
  let low: number;
  let high: number;
  if (shape.fate === 'ON_TIME') {
    if (extension) {
      // Approved: from its decision (so the new deadline is in force) to the new deadline.
      // Rejected: after the refusal when the deadline allows it, else while it was pending.
      const dueOn = shape.dueOn!;
      low = extension.approved
        ? extension.decidedOn
        : extension.decidedOn <= dueOn
          ? extension.decidedOn
          : extension.requestedOn;
      high = extension.approved ? extension.proposedDueOn : dueOn;
    } else {
      high = shape.dueOn ?? INFINITY;
      low = min(a + 1, min(high, shape.completeBy)); // same day, when there is no other
    }
  } else {
    const deadline = extension?.approved ? extension.proposedDueOn : shape.dueOn;
    if (deadline === null) return null;
    low = deadline + 1;
    high = INFINITY;
  }
  low = max(low, shape.completeAfter + 1);
  high = min(high, shape.completeBy);
  return low <= high ? [low, high] : null;
}

/** The dates of a shape's history; without the optional extension and return when they do not fit. */
export function planHistory(dice: Dice, calendar: WorkCalendar, shape: Shape): Plan {
  const plan = tryPlan(dice, calendar, shape, true);
  if (plan) return plan;
  if (!shape.extensionRequired) {
    const plain = tryPlan(dice, calendar, shape, false);
    if (plain) return plain;
  }
  throw new Error(`no history fits the task shape ${JSON.stringify(shape)}`);
}

function tryPlan(dice: Dice, calendar: WorkCalendar, shape: Shape, withOptions: boolean): Plan | null {
  const a = shape.assignedOn;
  const plan: Plan = {
    assignedOn: a,
    dueOn: shape.dueOn,
    extension: null,
    returnedReport: null,
    completion: null,
    withdrawnOn: null,
  };
  if (shape.fate === 'WITHDRAWN') {
    plan.withdrawnOn = calendar.onOrAfter(a + dice.int(7, 60));
    return plan;
  }
  if (withOptions && shape.extension !== 'NONE' && shape.dueOn !== null) {
    plan.extension = planExtension(dice, calendar, shape, shape.dueOn);
  }
  const start = plan.extension ? plan.extension.decidedOn : a;

  if (shape.fate === 'STALLED') {
    if (withOptions && shape.returned) {
      const submittedOn = start + dice.int(5, 40);
      plan.returnedReport = {
        completedOn: max(a, submittedOn - dice.int(0, 5)),
        submittedOn,
        returnedOn: submittedOn + dice.int(1, 5),
      };
    }
    return plan;
  }

  const window = completionWindow(shape, plan.extension);
  if (window === null) return null;
  const [low, high] = window;
  let completedOn: number;
  if (shape.fate === 'LATE') completedOn = min(high, low + floor(dice.next() ** 2 * 45));
  else if (high === INFINITY || shape.dueOn === null) completedOn = min(high, low + dice.int(3, 75));
  else completedOn = min(high, low + floor(sqrt(dice.next()) * (high - low + 1)));

  // A first report returned for more work, when there is room before the completion.
  if (withOptions && shape.returned && completedOn - start >= 4) {
    const submittedOn = start + dice.int(1, completedOn - start - 3);
    plan.returnedReport = {
      completedOn: max(a, submittedOn - dice.int(0, 5)),
      submittedOn,
      returnedOn: submittedOn + dice.int(1, min(3, completedOn - submittedOn - 1)),
    };
  }
  const earliest = max(completedOn, plan.returnedReport ? plan.returnedReport.returnedOn : start);
  if (earliest > shape.confirmBy) return null;
  const submittedOn = min(calendar.onOrAfter(earliest + dice.int(0, 4)), max(earliest, shape.confirmBy));
  const confirmedOn = max(submittedOn, min(calendar.onOrAfter(submittedOn + dice.int(1, 10)), shape.confirmBy));
  plan.completion = { completedOn, submittedOn, confirmedOn };
  return plan;
}
