import { demoUnitsOn, LANG_SON_UNITS_2017, mulberry32, type CalendarDate, type DemoUnit } from '@giaoviec/shared';
import { dayNumber } from './demo-calendar';
import { hashString } from './demo-texts';
import { Dice } from './dice';
import { generateTask, type GeneratedTask } from './generated-task';
import { contextOf, dayBetween, workingDaysBetween, type Context, type GenerateOptions } from './generation-context';
import { LANG_SON_DEMO_SEED, SXD_WORKED_EXAMPLE, assertPinnedFigures, pinnedShapes } from './pinned-figures';
import { randomShape, type Shape } from './task-shape';

export type { GeneratedTask } from './generated-task';
export type { GenerateOptions } from './generation-context';
export { LANG_SON_DEMO_SEED, SXD_WORKED_EXAMPLE, type UnitFiguresTarget } from './pinned-figures';
export type { GeneratedDocument } from './task-origin';

/**
 * Demo and benchmark data: a province's year of assigned tasks, as event histories that the
 * workflow would have accepted. Pure and deterministic: the same options give the same tasks,
 * every time and on every machine (seeded PRNG, name-based ids, no clock).
 *
 * Cost: O(events) per task, plus one sort of each unit's assignment dates, so it scales to
 * benchmark sizes (a thousand units, a million tasks; use `generateProvinceYearByUnit` to stream
 * them unit by unit). Each unit draws from its own PRNG stream, seeded by the seed and its code:
 * a unit's tasks do not change when other units are added or removed.
 *
 * The parts: `dice` (the seeded chance), `task-shape` (what should happen to a task),
 * `history-plan` (its dates), `history-events` (its events), `task-origin` (who assigned it, by
 * which document, in which words), `pinned-figures` (a unit's figures pinned to the seed),
 * `generation-context` (the options checked, the year's working days); the texts in `demo-texts`.
 */

// Module bindings for the hot path (see `dice.ts`).
const { max, min, round } = Math;

/** Random tasks assigned from `low` to `high` (mostly on working days), sorted by that date. */
function randomShapes(dice: Dice, ctx: Context, count: number, low: number, high: number): Shape[] {
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    days[i] = dice.chance(0.02) ? dice.int(low, high) : (dayBetween(dice, ctx, low, high) ?? low);
  }
  days.sort();
  const shapes: Shape[] = [];
  for (const day of days) if (day <= ctx.today) shapes.push(randomShape(dice, ctx.calendar, day));
  return shapes;
}

function generateUnit(ctx: Context, unit: DemoUnit): GeneratedTask[] {
  const dice = new Dice(mulberry32(hashString(`${ctx.seed}:${unit.code}`)));
  // Coordinators come from the other units: drawn from a stream of their own, so that the rest of
  // a unit's tasks stays the same whatever the other units are.
  const partners = new Dice(mulberry32(hashString(`${ctx.seed}:${unit.code}:partners`)));
  const target = ctx.targets[unit.code];
  const last = min(ctx.yearEnd, ctx.today);
  let shapes: Shape[];
  if (!target) {
    const [min, max] = unit.kind === 'COMMUNE' ? ctx.tasksPerCommune : ctx.tasksPerUnit;
    shapes = randomShapes(dice, ctx, dice.int(min, max), ctx.yearStart, ctx.yearEnd);
  } else {
    // The pinned period, and the rest of the year at the same pace.
    const from = dayNumber(target.from);
    const to = dayNumber(target.to);
    const pinned = pinnedShapes(dice, ctx, unit.code, target);
    const pace = pinned.length / max(1, workingDaysBetween(ctx, from, to));
    const before = round(pace * workingDaysBetween(ctx, ctx.yearStart, from - 1));
    const after = round(pace * workingDaysBetween(ctx, to + 1, ctx.yearEnd));
    shapes = [
      ...(before > 0 ? randomShapes(dice, ctx, before, ctx.yearStart, from - 1) : []),
      ...pinned,
      ...(after > 0 && to < last ? randomShapes(dice, ctx, after, to + 1, ctx.yearEnd) : []),
    ];
    shapes.sort((x, y) => x.assignedOn - y.assignedOn); // stable: ties keep their order
  }
  const tasks = shapes.map((shape, index) => generateTask(ctx, dice, partners, unit, shape, index));
  if (target) assertPinnedFigures(unit.code, target, tasks);
  return tasks;
}

/**
 * A province's year of tasks, unit by unit (every unit but the People's Committee), for callers
 * that stream large volumes rather than hold them all.
 */
export function* generateProvinceYearByUnit(
  options: GenerateOptions = {},
): Generator<{ unit: DemoUnit; tasks: GeneratedTask[] }, void, undefined> {
  const ctx = contextOf(options);
  for (const code of Object.keys(ctx.targets)) {
    if (!ctx.wordings.has(code)) throw new RangeError(`no unit ${code} to pin figures for`);
  }
  for (const unit of ctx.leads) yield { unit, tasks: generateUnit(ctx, unit) };
}

/** A province's year of tasks: every unit's, in the order of the units, each by assignment date. */
export function generateProvinceYear(options: GenerateOptions = {}): GeneratedTask[] {
  const all: GeneratedTask[] = [];
  for (const { tasks } of generateProvinceYearByUnit(options)) for (const task of tasks) all.push(task);
  return all;
}

/**
 * The demo: Lạng Sơn's 2017 as of 2017-12-31, the Department of Construction (SXD) pinned to the
 * worked example of RULES.md (2017-01-01..2017-10-15 as of 2017-10-15: 134 assigned, 106 on time,
 * 21 late, 7 not completed, two of them without deadline).
 */
export function generateLangSon2017(): GeneratedTask[] {
  return generateProvinceYear({
    seed: LANG_SON_DEMO_SEED,
    year: 2017,
    units: LANG_SON_UNITS_2017,
    today: '2017-12-31' as CalendarDate,
    targets: { SXD: SXD_WORKED_EXAMPLE },
  });
}

/**
 * Lạng Sơn's 2024 and 2025, each unit assigned tasks only while it existed: the 2017 structure
 * until the department merges of 1 March 2025, then until the district abolitions of 1 July, then
 * the new structure (`demoUnitsOn`). Histories stop at each segment's end, so the tasks still open
 * then are those a restructuring hands on.
 */
export function generateLangSon2024To2025(): GeneratedTask[] {
  const segments: Array<[seed: number, year: number, from: string, to: string]> = [
    [2024, 2024, '2024-01-01', '2024-12-31'],
    [20251, 2025, '2025-01-01', '2025-02-28'],
    [20252, 2025, '2025-03-01', '2025-06-30'],
    [20253, 2025, '2025-07-01', '2025-12-31'],
  ];
  return segments.flatMap(([seed, year, from, to]) =>
    generateProvinceYear({ seed, year, units: demoUnitsOn(from), today: to as CalendarDate }).filter(
      (task) => task.events[0]!.on >= from,
    ),
  );
}

/**
 * Lạng Sơn from 2026 up to `today`, the day the demo is first loaded: the units of the new
 * structure (`demoUnitsOn`), histories stopping on that day, so the dashboard, the due-soon list and
 * the reminders have current work. The same `today` gives the same tasks.
 */
export function generateLangSonSince2026(today: CalendarDate): GeneratedTask[] {
  const tasks: GeneratedTask[] = [];
  for (let year = 2026; `${year}-01-01` <= today; year++) {
    const end = (`${year}-12-31` < today ? `${year}-12-31` : today) as CalendarDate;
    tasks.push(...generateProvinceYear({ seed: year, year, units: demoUnitsOn(`${year}-01-01`), today: end }));
  }
  return tasks;
}
