import {
  LANG_SON_UNITS_2017,
  demoUnitsOn,
  mulberry32,
  uuidFromName,
  type CalendarDate,
  type DemoUnit,
} from '@giaoviec/shared';
import { complianceFigures } from '../compliance/rules';
import { taskFacts } from '../task/deadline';
import type { AssignerKind, DocumentKind, TaskEvent, TaskPriority } from '../task/task-history';
import { WorkCalendar, dateOfDay, dayNumber, lowerBound } from './demo-calendar';
import {
  COMPLETION_NOTES,
  DEMO_LEADERS,
  DOCUMENT_KINDS,
  EXTENSION_APPROVAL_NOTES,
  EXTENSION_REASONS,
  EXTENSION_REJECTION_NOTES,
  PROGRESS_NOTES,
  RETURN_REASONS,
  WITHDRAWAL_REASONS,
  composeTitle,
  hashString,
  portfolioOf,
  vietnameseDate,
  wordingOf,
  type Leader,
  type Portfolio,
  type UnitWording,
} from './demo-texts';

/**
 * Demo and benchmark data: a province's year of assigned tasks, as event histories that the
 * workflow would have accepted. Pure and deterministic: the same options give the same tasks,
 * every time and on every machine (seeded PRNG, name-based ids, no clock).
 *
 * Cost: O(events) per task, plus one sort of each unit's assignment dates, so it scales to
 * benchmark sizes (a thousand units, a million tasks; use `generateProvinceYearByUnit` to stream
 * them unit by unit). Each unit draws from its own PRNG stream, seeded by the seed and its code:
 * a unit's tasks do not change when other units are added or removed.
 */

// Hot paths use module bindings, not globals: under Jest's vm sandbox a global lookup goes through
// an interceptor and costs fifty times more (the PRNG alone would take most of the time).
const { floor, max, min, round, sqrt } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

export interface GeneratedDocument {
  number: string;
  kind: DocumentKind;
  issuedOn: CalendarDate;
  signer: string;
}

export interface GeneratedTask {
  /** uuidFromName(`task:${seed}:${leadCode}:${index in the unit's year}`). */
  id: string;
  title: string;
  description: string | null;
  /** The document the task comes from; null for a task given orally (at a meeting). */
  document: GeneratedDocument | null;
  assignerKind: AssignerKind;
  /** The Chairman or Vice-Chairman; null when the People's Committee itself assigned it. */
  assignerName: string | null;
  leadCode: string;
  coordinatingCodes: string[];
  priority: TaskPriority;
  /** Starts with ASSIGNED; chronological; no event after `today`. */
  events: TaskEvent[];
}

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

export interface GenerateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 2017. */
  year?: number;
  /** Default LANG_SON_UNITS_2017. Units of kind PEOPLES_COMMITTEE assign, they lead no task. */
  units?: readonly DemoUnit[];
  /**
   * How many tasks a unit is assigned over the whole year, from min to max; default [40, 120].
   * With `today` inside the year, those that would be assigned after it are left out.
   */
  tasksPerUnit?: readonly [min: number, max: number];
  /** The scenario's today: nothing happens after it. Default the last day of `year`. */
  today?: CalendarDate;
  /** Units whose figures over a period are pinned, by unit code. */
  targets?: Readonly<Record<string, UnitFiguresTarget>>;
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

class Dice {
  constructor(readonly next: () => number) {}

  /** An integer from `low` to `high`, both included. */
  int(low: number, high: number): number {
    return low + floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)]!;
  }

  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let roll = this.next();
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// What happens to a task: a shape (what should happen), planned into dates (day numbers).

type Fate = 'ON_TIME' | 'LATE' | 'STALLED' | 'WITHDRAWN';

interface Shape {
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

interface Plan {
  assignedOn: number;
  dueOn: number | null;
  extension: { requestedOn: number; decidedOn: number; proposedDueOn: number; approved: boolean } | null;
  returnedReport: { completedOn: number; submittedOn: number; returnedOn: number } | null;
  completion: { completedOn: number; submittedOn: number; confirmedOn: number } | null;
  withdrawnOn: number | null;
}

/** A shape with no options and no bounds (one object literal: one hidden class, cheap to build). */
function shapeOf(assignedOn: number, priority: TaskPriority, dueOn: number | null, fate: Fate): Shape {
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

const PRIORITIES: ReadonlyArray<readonly [TaskPriority, number]> = [
  ['KEY', 0.2],
  ['ROUTINE', 0.6],
  ['AD_HOC', 0.2],
];

/** Days given to do a task, by how it is weighed. */
function deadlineLength(dice: Dice, priority: TaskPriority): number {
  if (priority === 'AD_HOC') return dice.int(5, 20);
  if (priority === 'KEY') return dice.int(30, 90);
  return dice.int(15, 60);
}

/** A task of an ordinary unit: ~2% withdrawn, ~4% never done, ~15% late, the rest on time. */
function randomShape(dice: Dice, calendar: WorkCalendar, assignedOn: number): Shape {
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

function planHistory(dice: Dice, calendar: WorkCalendar, shape: Shape): Plan {
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

/** The events of a plan, progress reports woven in, cut at today. */
function historyOf(dice: Dice, plan: Plan, taskId: string, today: number): TaskEvent[] {
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

// ---------------------------------------------------------------------------------------------
// Who assigned it, by which document, in which words.

interface Context {
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
  targets: Readonly<Record<string, UnitFiguresTarget>>;
}

const PORTFOLIOS: readonly Portfolio[] = ['KTTH', 'KTN', 'KGVX', 'NC'];

function chooseAssigner(dice: Dice, portfolio: Portfolio): { kind: AssignerKind; leader: Leader | null } {
  const roll = dice.next();
  if (roll < 0.3) return { kind: 'PEOPLES_COMMITTEE', leader: null };
  if (roll < 0.48 || (portfolio === 'NC' && roll < 0.6)) return { kind: 'CHAIRMAN', leader: DEMO_LEADERS.chairman };
  const own = DEMO_LEADERS.viceChairmen.find((leader) => leader.portfolio === portfolio);
  const leader = own && dice.chance(0.8) ? own : dice.pick(DEMO_LEADERS.viceChairmen);
  return { kind: 'VICE_CHAIRMAN', leader };
}

const COMMITTEE_DOCUMENTS: ReadonlyArray<readonly [DocumentKind, number]> = [
  ['DECISION', 0.35],
  ['PLAN', 0.22],
  ['OFFICIAL_LETTER', 0.3],
  ['NOTICE', 0.08],
  ['DIRECTIVE', 0.05],
];
const LEADER_DOCUMENTS: ReadonlyArray<readonly [DocumentKind | null, number]> = [
  [null, 0.12], // given orally, at a meeting
  ['CONCLUSION_NOTICE', 0.36],
  ['OFFICIAL_LETTER', 0.36],
  ['NOTICE', 0.1],
  ['OTHER', 0.06],
];

function chooseDocument(
  dice: Dice,
  ctx: Context,
  assignedOn: number,
  assigner: { kind: AssignerKind; leader: Leader | null },
  portfolio: Portfolio,
): GeneratedDocument | null {
  const kind = assigner.leader === null ? dice.weighted(COMMITTEE_DOCUMENTS) : dice.weighted(LEADER_DOCUMENTS);
  if (kind === null) return null;
  const issued = dice.chance(0.75) ? assignedOn : ctx.calendar.onOrBefore(assignedOn - dice.int(1, 4), assignedOn - 10);
  const issuedOn = dateOfDay(issued);
  // Numbers run through the year in each series, at the series' pace.
  const series = DOCUMENT_KINDS[kind];
  const dayOfYear = issued - (issued >= ctx.yearStart ? ctx.yearStart : ctx.previousYearStart);
  const number = 1 + floor((dayOfYear + dice.next()) * series.perWorkingDay * (5 / 7));
  const division = dice.chance(0.15) ? 'TH' : portfolio;
  let signer: string;
  if (kind === 'CONCLUSION_NOTICE') signer = dice.pick(DEMO_LEADERS.officeSigners);
  else if (assigner.leader) signer = assigner.leader.name;
  else {
    const own = DEMO_LEADERS.viceChairmen.find((leader) => leader.portfolio === portfolio);
    signer = dice.chance(0.35) || !own ? DEMO_LEADERS.chairman.name : own.name;
  }
  return { number: `${number}/${series.suffix(division)}`, kind, issuedOn, signer };
}

function chooseCoordinators(dice: Dice, ctx: Context, lead: DemoUnit): string[] {
  const wanted = dice.weighted<number>([
    [0, 0.35],
    [1, 0.3],
    [2, 0.25],
    [3, 0.1],
  ]);
  const codes: string[] = [];
  for (let tries = 0; codes.length < wanted && tries < wanted * 8; tries++) {
    const pool = ctx.agencies.length > 0 && dice.chance(0.7) ? ctx.agencies : ctx.leads;
    const unit = dice.pick(pool);
    if (unit.code !== lead.code && !codes.includes(unit.code)) codes.push(unit.code);
  }
  return codes;
}

function assignerTitle(assigner: { kind: AssignerKind; leader: Leader | null }): string {
  if (assigner.kind === 'CHAIRMAN') return 'Chủ tịch UBND tỉnh';
  if (assigner.kind === 'VICE_CHAIRMAN') return `Phó Chủ tịch UBND tỉnh ${assigner.leader!.name}`;
  return 'UBND tỉnh';
}

function describeTask(
  ctx: Context,
  lead: DemoUnit,
  coordinatingCodes: readonly string[],
  document: GeneratedDocument | null,
  assigner: { kind: AssignerKind; leader: Leader | null },
  assignedOn: number,
  dueOn: number | null,
): string {
  let source: string;
  if (document === null) {
    source = `Thực hiện ý kiến chỉ đạo của ${assignerTitle(assigner)} tại cuộc họp ngày ${vietnameseDate(dateOfDay(assignedOn))}`;
  } else {
    const named = `${DOCUMENT_KINDS[document.kind].name} số ${document.number} ngày ${vietnameseDate(document.issuedOn)}`;
    source =
      document.kind === 'CONCLUSION_NOTICE'
        ? `Thực hiện ${named} của Văn phòng UBND tỉnh thông báo kết luận của ${assignerTitle(assigner)}`
        : `Thực hiện ${named} của UBND tỉnh`;
  }
  const partners = coordinatingCodes.map((code) => ctx.wordings.get(code)!.inSentence);
  const together = partners.length > 0 ? `, phối hợp với ${partners.join(', ')}` : '';
  const report =
    dueOn === null
      ? 'báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh)'
      : `báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày ${vietnameseDate(dateOfDay(dueOn))}`;
  return `${source}: ${ctx.wordings.get(lead.code)!.inSentence} chủ trì${together} thực hiện, ${report}.`;
}

function generateTask(
  ctx: Context,
  dice: Dice,
  partners: Dice,
  lead: DemoUnit,
  shape: Shape,
  index: number,
): GeneratedTask {
  const id = uuidFromName(`task:${ctx.seed}:${lead.code}:${index}`);
  const plan = planHistory(dice, ctx.calendar, shape);
  const events = historyOf(dice, plan, id, ctx.today);
  const portfolio = portfolioOf(lead) ?? dice.pick(PORTFOLIOS);
  const assigner = chooseAssigner(dice, portfolio);
  const document = chooseDocument(dice, ctx, shape.assignedOn, assigner, portfolio);
  const coordinatingCodes = chooseCoordinators(partners, ctx, lead);
  const assignedDate = dateOfDay(shape.assignedOn);
  const title = composeTitle(
    ctx.wordings.get(lead.code)!,
    shape.priority,
    +assignedDate.slice(0, 4),
    +assignedDate.slice(5, 7),
    dice.int(0, 1 << 20),
    dice.int(0, 1 << 20),
    dice.int(0, 1),
  );
  const description = partners.chance(0.25)
    ? null
    : describeTask(ctx, lead, coordinatingCodes, document, assigner, shape.assignedOn, shape.dueOn);
  return {
    id,
    title,
    description,
    document,
    assignerKind: assigner.kind,
    assignerName: assigner.leader?.name ?? null,
    leadCode: lead.code,
    coordinatingCodes,
    priority: shape.priority,
    events,
  };
}

// ---------------------------------------------------------------------------------------------
// A unit's year.

/** A working day from `low` to `high` (any day when none is a working day). */
function dayBetween(dice: Dice, ctx: Context, low: number, high: number): number | null {
  if (low > high) return null;
  const first = lowerBound(ctx.workingDays, low);
  const last = lowerBound(ctx.workingDays, high + 1) - 1;
  return first <= last ? ctx.workingDays[dice.int(first, last)]! : dice.int(low, high);
}

function workingDaysBetween(ctx: Context, low: number, high: number): number {
  return high < low ? 0 : lowerBound(ctx.workingDays, high + 1) - lowerBound(ctx.workingDays, low);
}

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

/** The shapes of a pinned period: each one lands in its bucket as of `asOf`, whatever the dice say. */
function pinnedShapes(dice: Dice, ctx: Context, code: string, target: UnitFiguresTarget): Shape[] {
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

function generateUnit(ctx: Context, unit: DemoUnit): GeneratedTask[] {
  const dice = new Dice(mulberry32(hashString(`${ctx.seed}:${unit.code}`)));
  // Coordinators come from the other units: drawn from a stream of their own, so that the rest of
  // a unit's tasks stays the same whatever the other units are.
  const partners = new Dice(mulberry32(hashString(`${ctx.seed}:${unit.code}:partners`)));
  const target = ctx.targets[unit.code];
  const last = min(ctx.yearEnd, ctx.today);
  let shapes: Shape[];
  if (!target) {
    const [min, max] = ctx.tasksPerUnit;
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

/** The pinned figures hold by construction; this re-checks them with the rules themselves. */
function assertPinnedFigures(code: string, target: UnitFiguresTarget, tasks: readonly GeneratedTask[]): void {
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

function contextOf(options: GenerateOptions): Context {
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
    targets: options.targets ?? {},
  };
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
