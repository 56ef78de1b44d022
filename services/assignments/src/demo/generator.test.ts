import { LANG_SON_UNITS_2017, PROVINCE_CODE, isUuid, type CalendarDate, type DemoUnit } from '@giaoviec/shared';
import { complianceBucket, complianceFigures, type ComplianceBucket } from '../compliance/rules';
import { taskFacts } from '../task/deadline';
import type { TaskEvent } from '../task/task-history';
import {
  SXD_WORKED_EXAMPLE,
  generateLangSon2017,
  generateProvinceYear,
  generateProvinceYearByUnit,
  type GeneratedTask,
  type UnitFiguresTarget,
} from './generator';
import { historyProblems } from './history-check';

const date = (text: string) => text as CalendarDate;
const DEMO_TODAY = date('2017-12-31');
const YEAR_2017 = { from: date('2017-01-01'), to: date('2017-12-31') };

/** Each history's problems by task id; {} when every history is valid. */
function invalidHistories(tasks: readonly GeneratedTask[], today: CalendarDate): Record<string, string[]> {
  const invalid: Record<string, string[]> = {};
  for (const task of tasks) {
    const problems = historyProblems(task.events, today);
    if (problems.length > 0 && Object.keys(invalid).length < 5) invalid[task.id] = problems;
  }
  return invalid;
}

function bucketsOf(
  tasks: readonly GeneratedTask[],
  period: { from: CalendarDate; to: CalendarDate },
  asOf: CalendarDate,
) {
  return tasks
    .map((task) => ({ task, facts: taskFacts(task.events) }))
    .filter(({ facts }) => facts.assignedOn >= period.from && facts.assignedOn <= period.to)
    .map(({ task, facts }) => ({ task, facts, bucket: complianceBucket(facts, asOf) }))
    .filter((entry): entry is typeof entry & { bucket: ComplianceBucket } => entry.bucket !== null);
}

const has = (task: GeneratedTask, type: TaskEvent['type']) => task.events.some((event) => event.type === type);
const share = (tasks: readonly GeneratedTask[], test: (task: GeneratedTask) => boolean) =>
  tasks.filter(test).length / tasks.length;

/** Expects low <= value <= high, naming the value when it is not. */
function expectBetween(label: string, value: number, low: number, high: number): void {
  expect({ [label]: value >= low && value <= high ? 'in range' : value }).toEqual({ [label]: 'in range' });
}

describe('the Lạng Sơn 2017 demo', () => {
  let demo: GeneratedTask[];
  beforeAll(() => {
    demo = generateLangSon2017();
  });

  it('gives the Department of Construction the figures of the worked example', () => {
    const sxd = demo.filter((task) => task.leadCode === 'SXD');
    const period = { from: date('2017-01-01'), to: date('2017-10-15') };
    const asOf = date('2017-10-15');
    const figures = complianceFigures(
      sxd.map((task) => taskFacts(task.events)),
      period,
      asOf,
    );
    expect(figures).toMatchObject({ assigned: 134, completedOnTime: 106, completedLate: 21 });
    expect(figures.inProgressWithinDeadline + figures.inProgressOverdue).toBe(7);
    expect(figures.inProgressOverdue).toBeGreaterThan(0);
    expect(figures.due).toBe(106 + 21 + figures.inProgressOverdue);

    // Some of the 7 have no deadline (at least two), and none of the 134 was withdrawn.
    const buckets = bucketsOf(sxd, period, asOf);
    const notCompleted = buckets.filter(({ bucket }) => bucket.startsWith('IN_PROGRESS'));
    expect(notCompleted).toHaveLength(7);
    expect(notCompleted.filter(({ facts }) => facts.originalDueOn === null).length).toBeGreaterThanOrEqual(2);
    expect(sxd.filter((task) => task.events[0]!.on <= '2017-10-15' && has(task, 'WITHDRAWN'))).toEqual([]);
    // The department's work goes on after the inspection: more tasks, not counted in that period.
    expect(sxd.filter((task) => task.events[0]!.on > '2017-10-15').length).toBeGreaterThan(10);
    expect(SXD_WORKED_EXAMPLE).toMatchObject({ from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' });
  });

  it('is the same on every call', () => {
    expect(generateLangSon2017()).toEqual(demo);
  });

  it('holds only histories the workflow accepts, none going past today', () => {
    expect(invalidHistories(demo, DEMO_TODAY)).toEqual({});
  });

  it('writes titles, descriptions and documents in NFC Vietnamese', () => {
    const nfc = (text: string) => text.length > 0 && text.trim() === text && text.normalize('NFC') === text;
    const documentNumber = /^\d+\/(QĐ-UBND|KH-UBND|TB-UBND|TB-VP|UBND-(KTTH|KTN|KGVX|NC|TH)|CT-UBND|CĐ-UBND)$/;
    const badTexts = demo.filter(
      (task) =>
        !nfc(task.title) ||
        task.title.length < 20 ||
        (task.description !== null && !nfc(task.description)) ||
        (task.document !== null &&
          (!documentNumber.test(task.document.number) ||
            !nfc(task.document.signer) ||
            task.document.issuedOn > task.events[0]!.on)) ||
        (task.assignerName === null) !== (task.assignerKind === 'PEOPLES_COMMITTEE') ||
        (task.assignerName !== null && !nfc(task.assignerName)),
    );
    expect(badTexts).toEqual([]);
    // Vietnamese letters, precomposed (NFC): decomposing changes every title.
    expect(demo.filter((task) => task.title.normalize('NFD') === task.title)).toEqual([]);
    expect(demo.map((task) => task.title)).toContain(
      'Tham mưu UBND tỉnh ban hành quy định về quản lý quy hoạch đô thị',
    );
    expect(demo.some((task) => task.document === null)).toBe(true); // oral directives
    expect(new Set(demo.map((task) => task.document?.kind ?? 'ORAL')).size).toBe(8);
  });

  it('refers to the units and names things once', () => {
    const leads = new Set(LANG_SON_UNITS_2017.filter((unit) => unit.code !== PROVINCE_CODE).map((unit) => unit.code));
    const badUnits = demo.filter(
      (task) =>
        !leads.has(task.leadCode) ||
        task.coordinatingCodes.length > 3 ||
        new Set([task.leadCode, ...task.coordinatingCodes]).size !== task.coordinatingCodes.length + 1 ||
        !task.coordinatingCodes.every((code) => leads.has(code)),
    );
    expect(badUnits).toEqual([]);
    expect(demo.filter((task) => !isUuid(task.id))).toEqual([]);
    expect(new Set(demo.map((task) => task.id)).size).toBe(demo.length);
    const extensionIds = demo.flatMap((task) =>
      task.events.flatMap((event) => (event.type === 'EXTENSION_REQUESTED' ? [event.extensionId] : [])),
    );
    expect(new Set(extensionIds).size).toBe(extensionIds.length);
  });

  it('gives every unit but the People’s Committee 40 to 120 tasks over the year (the Department of Construction more)', () => {
    const counts = new Map<string, number>();
    for (const task of demo) counts.set(task.leadCode, (counts.get(task.leadCode) ?? 0) + 1);
    for (const unit of LANG_SON_UNITS_2017) {
      if (unit.kind === 'PEOPLES_COMMITTEE') expect(counts.get(unit.code)).toBeUndefined();
      else if (unit.code === 'SXD') expect(counts.get(unit.code)).toBeGreaterThan(134);
      else expect(counts.get(unit.code)).toEqual(expect.any(Number));
      if (unit.kind !== 'PEOPLES_COMMITTEE' && unit.code !== 'SXD') {
        expect(counts.get(unit.code)).toBeGreaterThanOrEqual(40);
        expect(counts.get(unit.code)).toBeLessThanOrEqual(120);
      }
    }
  });

  it('looks like a province’s year', () => {
    const figures = complianceFigures(
      demo.map((task) => taskFacts(task.events)),
      YEAR_2017,
      DEMO_TODAY,
    );
    const onTime = figures.completedOnTime / figures.assigned;
    expect(onTime).toBeGreaterThan(0.6);
    expect(onTime).toBeLessThan(0.9);
    expect(figures.completedLate / figures.assigned).toBeGreaterThan(0.08);
    expect(figures.completedLate / figures.assigned).toBeLessThan(0.25);
    expect(figures.inProgressOverdue).toBeGreaterThan(0);
    expect(figures.inProgressWithinDeadline).toBeGreaterThan(0);

    expectBetween(
      'extensions',
      share(demo, (task) => has(task, 'EXTENSION_REQUESTED')),
      0.04,
      0.14,
    );
    const decided = demo.filter((task) => has(task, 'EXTENSION_APPROVED') || has(task, 'EXTENSION_REJECTED'));
    expectBetween(
      'approved extensions',
      share(decided, (task) => has(task, 'EXTENSION_APPROVED')),
      0.5,
      0.8,
    );
    expectBetween(
      'returned reports',
      share(demo, (task) => has(task, 'COMPLETION_RETURNED')),
      0.02,
      0.1,
    );
    expectBetween(
      'withdrawn',
      share(demo, (task) => has(task, 'WITHDRAWN')),
      0.005,
      0.05,
    );
    expectBetween(
      'no deadline',
      share(demo, (task) => (task.events[0] as { dueOn: string | null }).dueOn === null),
      0.02,
      0.1,
    );
    expectBetween(
      'KEY',
      share(demo, (task) => task.priority === 'KEY'),
      0.15,
      0.25,
    );
    expectBetween(
      'ROUTINE',
      share(demo, (task) => task.priority === 'ROUTINE'),
      0.5,
      0.7,
    );
    expectBetween(
      'AD_HOC',
      share(demo, (task) => task.priority === 'AD_HOC'),
      0.15,
      0.25,
    );
    expectBetween(
      'by the People’s Committee',
      share(demo, (task) => task.assignerKind === 'PEOPLES_COMMITTEE'),
      0.2,
      0.4,
    );
    expectBetween(
      'by the Chairman',
      share(demo, (task) => task.assignerKind === 'CHAIRMAN'),
      0.1,
      0.35,
    );
    const viceChairmen = new Set(
      demo.filter((task) => task.assignerKind === 'VICE_CHAIRMAN').map((task) => task.assignerName),
    );
    expect(viceChairmen.size).toBeGreaterThanOrEqual(3);
    // Mostly on working days (Monday to Friday).
    expectBetween(
      'on weekdays',
      share(demo, (task) => [1, 2, 3, 4, 5].includes(new Date(`${task.events[0]!.on}T00:00:00Z`).getUTCDay())),
      0.95,
      1,
    );
  });
});

describe('generateProvinceYear', () => {
  it('follows its seed', () => {
    const small = { tasksPerUnit: [5, 10] as [number, number] };
    expect(generateProvinceYear({ ...small, seed: 3 })).toEqual(generateProvinceYear({ ...small, seed: 3 }));
    expect(generateProvinceYear({ ...small, seed: 3 })).not.toEqual(generateProvinceYear({ ...small, seed: 4 }));
  });

  it('stops every history at today, leaving work open', () => {
    const today = date('2018-06-30');
    const tasks = generateProvinceYear({ seed: 11, year: 2018, today, tasksPerUnit: [30, 60] });
    expect(invalidHistories(tasks, today)).toEqual({});
    expect(tasks.every((task) => task.events[0]!.on >= '2018-01-01' && task.events[0]!.on <= today)).toBe(true);
    const figures = complianceFigures(
      tasks.map((task) => taskFacts(task.events)),
      { from: date('2018-01-01'), to: today },
      today,
    );
    expect(figures.inProgressWithinDeadline).toBeGreaterThan(0);
    expect(figures.inProgressOverdue).toBeGreaterThan(0);
    // A report submitted but not yet decided by today stays pending.
    expect(tasks.some((task) => task.events[task.events.length - 1]!.type === 'COMPLETION_SUBMITTED')).toBe(true);
  });

  it('generates each unit from its own stream, for any units (benchmark scale)', () => {
    const units: DemoUnit[] = [
      { code: 'P', name: 'Ủy ban nhân dân tỉnh', kind: 'PEOPLES_COMMITTEE', parentCode: null },
      ...Array.from({ length: 300 }, (_, i): DemoUnit => {
        const code = `U${String(i).padStart(4, '0')}`;
        return i % 3 === 0
          ? { code, name: `Huyện Số ${i}`, kind: 'DISTRICT', parentCode: 'P' }
          : i % 3 === 1
            ? { code, name: `Sở Số ${i}`, kind: 'DEPARTMENT', parentCode: 'P' }
            : { code, name: `Xã Số ${i}`, kind: 'COMMUNE', parentCode: `U${String(i - 2).padStart(4, '0')}` };
      }),
    ];
    const tasks = generateProvinceYear({ seed: 5, units, tasksPerUnit: [40, 40] });
    expect(tasks).toHaveLength(300 * 40);
    expect(invalidHistories(tasks, DEMO_TODAY)).toEqual({});
    expect(tasks.every((task) => task.title.length > 0 && task.title.normalize('NFC') === task.title)).toBe(true);

    // A unit's tasks do not depend on the other units (except whom it coordinates with).
    const alone = generateProvinceYear({ seed: 5, units: [units[0]!, units[2]!], tasksPerUnit: [40, 40] });
    const strip = (task: GeneratedTask) => ({ ...task, coordinatingCodes: [], description: null });
    expect(alone.map(strip)).toEqual(tasks.filter((task) => task.leadCode === units[2]!.code).map(strip));

    const batches = [...generateProvinceYearByUnit({ seed: 5, units: units.slice(0, 4), tasksPerUnit: [40, 40] })];
    expect(batches.map((batch) => batch.unit.code)).toEqual(['U0000', 'U0001', 'U0002']);
  });

  it('pins any unit’s figures over a period, as of a later date', () => {
    const target: UnitFiguresTarget = {
      from: date('2017-03-01'),
      to: date('2017-06-30'),
      asOf: date('2017-07-31'),
      completedOnTime: 30,
      completedLate: 9,
      inProgressWithinDeadline: 5,
      inProgressOverdue: 6,
      inProgressWithoutDeadline: 1,
    };
    for (const seed of [1, 2, 3, 4, 5]) {
      const tasks = generateProvinceYear({ seed, targets: { 'H-CL': target }, tasksPerUnit: [10, 20] });
      const chiLang = tasks.filter((task) => task.leadCode === 'H-CL');
      const figures = complianceFigures(
        chiLang.map((task) => taskFacts(task.events)),
        target,
        target.asOf,
      );
      expect(figures).toMatchObject({
        assigned: 50,
        completedOnTime: 30,
        completedLate: 9,
        inProgressWithinDeadline: 5,
        inProgressOverdue: 6,
      });
      expect(figures.withoutDeadline).toBeGreaterThanOrEqual(1);
      expect(invalidHistories(tasks, DEMO_TODAY)).toEqual({});
    }
  });

  it('pins figures as of today itself', () => {
    const today = date('2017-09-30');
    const target: UnitFiguresTarget = {
      from: date('2017-01-01'),
      to: today,
      asOf: today,
      completedOnTime: 40,
      completedLate: 10,
      inProgressWithinDeadline: 4,
      inProgressOverdue: 4,
    };
    const tasks = generateProvinceYear({ seed: 9, today, targets: { STC: target }, tasksPerUnit: [10, 20] });
    const figures = complianceFigures(
      tasks.filter((task) => task.leadCode === 'STC').map((task) => taskFacts(task.events)),
      target,
      today,
    );
    expect(figures).toMatchObject({
      completedOnTime: 40,
      completedLate: 10,
      inProgressWithinDeadline: 4,
      inProgressOverdue: 4,
    });
    expect(invalidHistories(tasks, today)).toEqual({});
  });

  it('refuses what it cannot generate', () => {
    const target = { ...SXD_WORKED_EXAMPLE };
    expect(() => generateProvinceYear({ year: 2018, targets: { SXD: target } })).toThrow(RangeError);
    expect(() => generateProvinceYear({ targets: { NOPE: target } })).toThrow(RangeError);
    expect(() => generateProvinceYear({ targets: { [PROVINCE_CODE]: target } })).toThrow(RangeError);
    expect(() => generateProvinceYear({ targets: { SXD: { ...target, asOf: date('2017-10-01') } } })).toThrow(
      RangeError,
    );
    expect(() => generateProvinceYear({ targets: { SXD: { ...target, completedLate: -1 } } })).toThrow(RangeError);
    expect(() => generateProvinceYear({ tasksPerUnit: [10, 5] })).toThrow(RangeError);
    expect(() => generateProvinceYear({ today: date('2016-12-31') })).toThrow(RangeError);
  });
});

describe('historyProblems', () => {
  const assigned = { type: 'ASSIGNED', on: date('2017-03-01'), dueOn: date('2017-03-31') } as const;
  const extensionId = '0b0c0d0e-0000-5000-8000-000000000001';

  it('accepts a valid history', () => {
    const events: TaskEvent[] = [
      assigned,
      {
        type: 'EXTENSION_REQUESTED',
        on: date('2017-03-30'),
        extensionId,
        proposedDueOn: date('2017-04-30'),
        reason: 'Lý do',
      },
      { type: 'EXTENSION_APPROVED', on: date('2017-04-03'), extensionId },
      { type: 'COMPLETION_SUBMITTED', on: date('2017-04-20'), completedOn: date('2017-04-18'), note: 'Xong' },
      { type: 'COMPLETION_RETURNED', on: date('2017-04-21'), reason: 'Bổ sung' },
      { type: 'COMPLETION_SUBMITTED', on: date('2017-04-25'), completedOn: date('2017-04-25'), note: 'Xong' },
      { type: 'COMPLETION_CONFIRMED', on: date('2017-04-26') },
    ];
    expect(historyProblems(events, DEMO_TODAY)).toEqual([]);
  });

  it.each<[string, TaskEvent[]]>([
    ['no ASSIGNED first', [{ type: 'COMPLETION_CONFIRMED', on: date('2017-03-01') }]],
    [
      'events out of order',
      [assigned, { type: 'PROGRESS_REPORTED', on: date('2017-02-01'), percentComplete: 10, note: 'x' }],
    ],
    [
      'an extension requested after the deadline',
      [
        assigned,
        {
          type: 'EXTENSION_REQUESTED',
          on: date('2017-04-01'),
          extensionId,
          proposedDueOn: date('2017-05-01'),
          reason: 'x',
        },
      ],
    ],
    [
      'an extension of a task with no deadline',
      [
        { ...assigned, dueOn: null },
        {
          type: 'EXTENSION_REQUESTED',
          on: date('2017-03-02'),
          extensionId,
          proposedDueOn: date('2017-05-01'),
          reason: 'x',
        },
      ],
    ],
    [
      'a completion before the assignment',
      [assigned, { type: 'COMPLETION_SUBMITTED', on: date('2017-03-05'), completedOn: date('2017-02-28'), note: 'x' }],
    ],
    ['a confirmation of nothing', [assigned, { type: 'COMPLETION_CONFIRMED', on: date('2017-03-05') }]],
    [
      'a change after withdrawal',
      [
        assigned,
        { type: 'WITHDRAWN', on: date('2017-03-05'), reason: 'x' },
        { type: 'PROGRESS_REPORTED', on: date('2017-03-06'), percentComplete: null, note: 'x' },
      ],
    ],
    [
      'a withdrawal while a report is pending',
      [
        assigned,
        { type: 'COMPLETION_SUBMITTED', on: date('2017-03-05'), completedOn: date('2017-03-05'), note: 'x' },
        { type: 'WITHDRAWN', on: date('2017-03-06'), reason: 'x' },
      ],
    ],
    ['an event after today', [{ ...assigned, on: date('2018-01-02'), dueOn: null }]],
    [
      'a decomposed note',
      [assigned, { type: 'PROGRESS_REPORTED', on: date('2017-03-02'), percentComplete: 5, note: 'Đa\u0303' }],
    ],
  ])('refuses %s', (_, events) => {
    expect(historyProblems(events, DEMO_TODAY)).not.toEqual([]);
  });
});
