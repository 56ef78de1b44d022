import type { CalendarDate } from '@giaoviec/shared';
import { complianceFigures } from '../compliance/rules';
import { taskFacts } from '../task/deadline';
import type { TaskPriority } from '../task/task-history';
import { dayNumber } from './demo-calendar';
import type { Dice } from './dice';
import type { GeneratedTask } from './generated-task';
import { dayBetween, workingDaysBetween, type Context } from './generation-context';
import { PRIORITIES, deadlineLength, shapeOf, type Fate, type Shape } from './task-shape';

// Figures pinned to the seed: a unit's tasks of a period land in the buckets asked for, whatever
// the dice say. Module bindings for the hot path (see `dice.ts`).
const { max, min } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/**
 * Pins a unit's figures: the tasks it leads that are assigned in `from..to` get exactly these
 * buckets as of `asOf` (RULES.md). Tasks of the rest of the year are generated as usual.
 */
export interface UnitFiguresTarget {
  from: CalendarDate;
  to: CalendarDate;
  /** On or after `to`, on or before `today`. */
  asOf: CalendarDate;
  completedOnTime: number;
  completedLate: number;
  inProgressWithinDeadline: number;
  inProgressOverdue: number;
  /** How many of the in-progress tasks within deadline have no deadline at all (default 0). */
  inProgressWithoutDeadline?: number;
}

/** The Department of Construction's figures of the worked example (RULES.md). */
export const SXD_WORKED_EXAMPLE: UnitFiguresTarget = {
  from: '2017-01-01' as CalendarDate,
  to: '2017-10-15' as CalendarDate,
  asOf: '2017-10-15' as CalendarDate,
  completedOnTime: 106,
  completedLate: 21,
  inProgressWithinDeadline: 4,
  inProgressOverdue: 3,
  inProgressWithoutDeadline: 2,
};

export const LANG_SON_DEMO_SEED = 2017;

/** The shapes of a pinned period: each one lands in its bucket as of `asOf`, whatever the dice say. */
export function pinnedShapes(dice: Dice, ctx: Context, code: string, target: UnitFiguresTarget): Shape[] {
  const from = dayNumber(target.from);
  const to = dayNumber(target.to);
  const asOf = dayNumber(target.asOf);
  const withoutDeadline = target.inProgressWithoutDeadline ?? 0;
  const counts = [
    target.completedOnTime,
    target.completedLate,
    target.inProgressWithinDeadline,
    target.inProgressOverdue,
    withoutDeadline,
  ];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) throw new RangeError(`${code}: counts must be whole numbers`);
  if (withoutDeadline > target.inProgressWithinDeadline) {
    throw new RangeError(`${code}: tasks without deadline are counted within deadline`);
  }
  if (!(ctx.yearStart <= from && from <= to && to <= ctx.yearEnd && to <= asOf && asOf <= ctx.today)) {
    throw new RangeError(`${code}: the period must lie in the year, and from <= to <= asOf <= today`);
  }
  // Assigned in the period, within the given bounds (preferred, then fallback).
  const assigned = (low: number, high: number, fallbackLow: number, fallbackHigh: number): number => {
    const day =
      dayBetween(dice, ctx, max(from, low), min(to, high)) ??
      dayBetween(dice, ctx, max(from, fallbackLow), min(to, fallbackHigh));
    if (day === null) throw new RangeError(`${code}: the period ${target.from}..${target.to} is too short`);
    return day;
  };
  // Completed by the as-of date, and confirmed by today so that the completion is in the history.
  const completed = (a: number, priority: TaskPriority, dueOn: number | null, fate: Fate, options: Partial<Shape>) =>
    Object.assign(shapeOf(a, priority, dueOn, fate), { completeBy: asOf, confirmBy: ctx.today }, options);
  // Not completed by the as-of date: completed later or never (cut at today, so no confirmBy).
  const open = (a: number, priority: TaskPriority, dueOn: number | null, fate: Fate, options: Partial<Shape> = {}) =>
    Object.assign(shapeOf(a, priority, dueOn, fate), { completeAfter: asOf }, options);
  const calendar = ctx.calendar;
  const shapes: Shape[] = [];

  for (let i = 0; i < target.completedOnTime; i++) {
    const a = assigned(-INFINITY, asOf - 3, -INFINITY, asOf);
    const priority = dice.weighted(PRIORITIES);
    const dueOn = dice.chance(0.03) ? null : calendar.onOrAfter(a + deadlineLength(dice, priority));
    const roll = dice.next();
    const extension = dueOn === null ? 'NONE' : roll < 0.05 ? 'APPROVED' : roll < 0.07 ? 'REJECTED' : 'NONE';
    const returned = dice.chance(0.04);
    shapes.push(completed(a, priority, dueOn, 'ON_TIME', { extension, returned }));
  }
  for (let i = 0; i < target.completedLate; i++) {
    // Late by the as-of date: the deadline before it, the completion after the deadline.
    const a = assigned(-INFINITY, asOf - 20, -INFINITY, asOf - 1);
    const priority = dice.weighted(PRIORITIES);
    const latestDue = asOf - 1 - dice.int(0, min(10, asOf - 1 - a));
    const dueOn = min(calendar.onOrAfter(a + deadlineLength(dice, priority)), latestDue);
    const roll = dice.next();
    const extension = roll < 0.08 ? 'REJECTED' : roll < 0.12 ? 'APPROVED' : 'NONE';
    const returned = dice.chance(0.05);
    shapes.push(completed(a, priority, dueOn, 'LATE', { extension, returned }));
  }
  for (let i = 0; i < target.inProgressWithinDeadline; i++) {
    const priority = dice.weighted(PRIORITIES);
    const fate: Fate = dice.chance(0.6) ? 'ON_TIME' : 'STALLED'; // done (or not) after the as-of date
    if (i < withoutDeadline) {
      const a = assigned(-INFINITY, asOf, -INFINITY, asOf);
      shapes.push(open(a, priority, null, fate, { returned: dice.chance(0.2) }));
    } else if ((i - withoutDeadline) % 2 === 1 && workingDaysBetween(ctx, from, min(to, asOf - 40)) > 0) {
      // An approved extension moved the deadline past the as-of date.
      const a = assigned(asOf - 80, asOf - 40, -INFINITY, asOf - 40);
      const dueOn = min(calendar.onOrAfter(a + deadlineLength(dice, priority)), asOf - 10);
      shapes.push(
        open(a, priority, dueOn, fate, {
          extension: 'APPROVED',
          extensionRequired: true,
          decideBy: asOf,
          proposeAtLeast: calendar.onOrAfter(asOf + dice.int(5, 25)),
        }),
      );
    } else {
      // The deadline is still ahead on the as-of date.
      const a = assigned(asOf - 45, asOf, -INFINITY, asOf);
      const dueOn = max(
        calendar.onOrAfter(a + deadlineLength(dice, priority)),
        calendar.onOrAfter(asOf + dice.int(3, 30)),
      );
      shapes.push(open(a, priority, dueOn, fate));
    }
  }
  for (let i = 0; i < target.inProgressOverdue; i++) {
    // The deadline passed before the as-of date, with no extension approved.
    const a = assigned(-INFINITY, asOf - 15, -INFINITY, asOf - 1);
    const priority = dice.weighted(PRIORITIES);
    const dueOn = min(calendar.onOrAfter(a + deadlineLength(dice, priority)), asOf - 1);
    const variant = i % 4;
    shapes.push(
      open(a, priority, dueOn, variant === 1 ? 'LATE' : 'STALLED', {
        extension: variant === 2 ? 'REJECTED' : 'NONE',
        returned: variant === 3,
      }),
    );
  }
  return shapes;
}

/** The pinned figures hold by construction; this re-checks them with the rules themselves. */
export function assertPinnedFigures(code: string, target: UnitFiguresTarget, tasks: readonly GeneratedTask[]): void {
  const figures = complianceFigures(
    tasks.map((task) => taskFacts(task.events)),
    { from: target.from, to: target.to },
    target.asOf,
  );
  const expected = {
    completedOnTime: target.completedOnTime,
    completedLate: target.completedLate,
    inProgressWithinDeadline: target.inProgressWithinDeadline,
    inProgressOverdue: target.inProgressOverdue,
  };
  for (const [field, value] of Object.entries(expected)) {
    const actual = figures[field as keyof typeof expected];
    if (actual !== value) throw new Error(`generated ${code}: ${field} is ${actual}, not ${value}`);
  }
}
