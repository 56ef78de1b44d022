import type { TaskPriority } from '../task/task-history';
import type { WorkCalendar } from './demo-calendar';
import type { Dice } from './dice';

// What should happen to a task (its shape): when it is assigned, its deadline, its fate, and the
// bounds a pinned task must keep. `history-plan` turns it into dates. Days are day numbers.

const INFINITY = Number.POSITIVE_INFINITY;

export type Fate = 'ON_TIME' | 'LATE' | 'STALLED' | 'WITHDRAWN';

export interface Shape {
  assignedOn: number;
  priority: TaskPriority;
  dueOn: number | null;
  /** ON_TIME / LATE: completed, against the deadline in force; STALLED: never completed. */
  fate: Fate;
  extension: 'NONE' | 'APPROVED' | 'REJECTED';
  /** False: the extension (and the returned report) may be dropped when the dates leave no room. */
  extensionRequired: boolean;
  /** A completion report returned before the final one (or, for STALLED, left returned). */
  returned: boolean;
  /** The completion date is after this day… */
  completeAfter: number;
  /** …and on or before this one. */
  completeBy: number;
  /** The confirmation comes on or before this day (so that a pinned completion is in the history). */
  confirmBy: number;
  /** The extension is decided on or before this day… */
  decideBy: number;
  /** …and proposes at least this day. */
  proposeAtLeast: number;
}

/** A shape with no options and no bounds (one object literal: one hidden class, cheap to build). */
export function shapeOf(assignedOn: number, priority: TaskPriority, dueOn: number | null, fate: Fate): Shape {
  return {
    assignedOn,
    priority,
    dueOn,
    fate,
    extension: 'NONE',
    extensionRequired: false,
    returned: false,
    completeAfter: -INFINITY,
    completeBy: INFINITY,
    confirmBy: INFINITY,
    decideBy: INFINITY,
    proposeAtLeast: -INFINITY,
  };
}

export const PRIORITIES: ReadonlyArray<readonly [TaskPriority, number]> = [
  ['KEY', 0.2],
  ['ROUTINE', 0.6],
  ['AD_HOC', 0.2],
];

/** Days given to do a task, by how it is weighed. */
export function deadlineLength(dice: Dice, priority: TaskPriority): number {
  if (priority === 'AD_HOC') return dice.int(5, 20);
  if (priority === 'KEY') return dice.int(30, 90);
  return dice.int(15, 60);
}

/** A task of an ordinary unit: ~2% withdrawn, ~4% never done, ~15% late, the rest on time. */
export function randomShape(dice: Dice, calendar: WorkCalendar, assignedOn: number): Shape {
  const priority = dice.weighted(PRIORITIES);
  const dueOn = dice.chance(0.05) ? null : calendar.onOrAfter(assignedOn + deadlineLength(dice, priority));
  const roll = dice.next();
  let fate: Fate = roll < 0.02 ? 'WITHDRAWN' : roll < 0.06 ? 'STALLED' : roll < 0.21 ? 'LATE' : 'ON_TIME';
  if (fate === 'LATE' && dueOn === null) fate = 'ON_TIME';
  const extension =
    dueOn !== null && fate !== 'WITHDRAWN' && dice.chance(0.085)
      ? dice.chance(2 / 3)
        ? 'APPROVED'
        : 'REJECTED'
      : 'NONE';
  const returned = fate !== 'WITHDRAWN' && dice.chance(0.05);
  const shape = shapeOf(assignedOn, priority, dueOn, fate);
  shape.extension = extension;
  shape.returned = returned;
  return shape;
}
