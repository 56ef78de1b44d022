import { LANG_SON_UNITS_2017, type CalendarDate, type DemoUnit } from '@giaoviec/shared';
import { WorkCalendar, dayNumber, lowerBound } from './demo-calendar';
import { wordingOf, type UnitWording } from './demo-texts';
import type { Dice } from './dice';
import type { UnitFiguresTarget } from './pinned-figures';

export interface GenerateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 2017. */
  year?: number;
  /** Default LANG_SON_UNITS_2017. Units of kind PEOPLES_COMMITTEE assign, they lead no task. */
  units?: readonly DemoUnit[];
  /**
   * How many tasks a unit is assigned over the whole year, from min to max; default [40, 120],
   * and [10, 30] for a commune (the 65 communes of 2025 get fewer tasks from the province than a
   * department; given, it applies to communes too).
   * With `today` inside the year, those that would be assigned after it are left out.
   */
  tasksPerUnit?: readonly [min: number, max: number];
  /** The scenario's today: nothing happens after it. Default the last day of `year`. */
  today?: CalendarDate;
  /** Units whose figures over a period are pinned, by unit code. */
  targets?: Readonly<Record<string, UnitFiguresTarget>>;
}

/** What every unit's generation shares: the options checked, the year's days, the units' wordings. */
export interface Context {
  seed: number;
  calendar: WorkCalendar;
  today: number;
  yearStart: number;
  previousYearStart: number;
  yearEnd: number;
  /** The working days of the year, in order. */
  workingDays: number[];
  /** How each unit that may lead or coordinate is worded, by code. */
  wordings: ReadonlyMap<string, UnitWording>;
  /** Units that may coordinate: every unit but the People's Committee. */
  leads: readonly DemoUnit[];
  /** Provincial agencies among them (departments, the Office, boards). */
  agencies: readonly DemoUnit[];
  tasksPerUnit: readonly [number, number];
  tasksPerCommune: readonly [number, number];
  targets: Readonly<Record<string, UnitFiguresTarget>>;
}

const COMMUNE_TASKS_PER_YEAR = [10, 30] as const;

export function contextOf(options: GenerateOptions): Context {
  const year = options.year ?? 2017;
  if (!Number.isInteger(year) || year < 1901 || year > 9998) throw new RangeError(`year ${year}`);
  const yearStart = dayNumber(`${year}-01-01`);
  const yearEnd = dayNumber(`${year}-12-31`);
  const today = options.today === undefined ? yearEnd : dayNumber(options.today);
  if (today < yearStart) throw new RangeError(`today ${options.today} is before the year ${year}`);
  const tasksPerUnit = options.tasksPerUnit ?? [40, 120];
  const [min, max] = tasksPerUnit;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
    throw new RangeError(`tasksPerUnit [${min}, ${max}]`);
  }
  const units = options.units ?? LANG_SON_UNITS_2017;
  const leads = units.filter((unit) => unit.kind !== 'PEOPLES_COMMITTEE');
  const calendar = new WorkCalendar(year);
  return {
    seed: options.seed ?? 1,
    calendar,
    today,
    yearStart,
    previousYearStart: dayNumber(`${year - 1}-01-01`),
    yearEnd,
    workingDays: calendar.workingDays(yearStart, yearEnd),
    wordings: new Map(leads.map((unit) => [unit.code, wordingOf(unit)])),
    leads,
    agencies: leads.filter((unit) => unit.kind !== 'DISTRICT' && unit.kind !== 'COMMUNE'),
    tasksPerUnit,
    tasksPerCommune: options.tasksPerUnit ?? COMMUNE_TASKS_PER_YEAR,
    targets: options.targets ?? {},
  };
}

/** A working day from `low` to `high` (any day when none is a working day). */
export function dayBetween(dice: Dice, ctx: Context, low: number, high: number): number | null {
  if (low > high) return null;
  const first = lowerBound(ctx.workingDays, low);
  const last = lowerBound(ctx.workingDays, high + 1) - 1;
  return first <= last ? ctx.workingDays[dice.int(first, last)]! : dice.int(low, high);
}

export function workingDaysBetween(ctx: Context, low: number, high: number): number {
  return high < low ? 0 : lowerBound(ctx.workingDays, high + 1) - lowerBound(ctx.workingDays, low);
}
