import {
  complianceFigures,
  complianceFiguresByGroup,
  coordinationFigures,
  coordinationFiguresByUnit,
  FEW_UNITS,
  insertTaskRecords,
  taskFacts,
  type TaskEvent,
  type TaskRecord,
} from '@giaoviec/assignments';
import { addDays, mulberry32, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import { startTestStack, type TestStack } from './harness/stack';
import { randomHistory } from './support/random-histories';

/**
 * `coordinationCompliance`'s SQL against the pure rules (RULES.md, Coordination), on thousands of
 * random histories with random coordinating units, coordination deadlines and contributions.
 */
const TASKS = 3000;
const UNITS = Array.from({ length: 8 }, (_, index) => uuidFromName(`coordination-unit:${index}`));
const START = '2018-03-01' as CalendarDate;
/** Beyond `FEW_UNITS`, the other form of the statement: the same units and units with no task. */
const MANY_UNITS = [
  ...UNITS,
  ...Array.from({ length: FEW_UNITS + 1 - UNITS.length }, (_, index) => uuidFromName(`bystander-unit:${index}`)),
];

let stack: TestStack;
let records: TaskRecord[];

beforeAll(async () => {
  stack = await startTestStack();
  const next = mulberry32(20190615);
  const pick = (n: number) => Math.floor(next() * n);
  records = Array.from({ length: TASKS }, (_, index) => {
    const key = `coordination-task:${index}`;
    const [assigned, ...rest] = randomHistory(next, key, START) as [
      Extract<TaskEvent, { type: 'ASSIGNED' }>,
      ...TaskEvent[],
    ];
    const lead = UNITS[pick(UNITS.length)]!;
    const coordinating = UNITS.filter((unit) => unit !== lead && next() < 0.3);
    // Set as often as not; on the assignment day or the original deadline now and then.
    let coordinationDueOn: CalendarDate | null = next() < 0.5 ? null : addDays(assigned.on, pick(14));
    if (coordinationDueOn !== null && assigned.dueOn !== null && coordinationDueOn > assigned.dueOn)
      coordinationDueOn = assigned.dueOn;
    // Contributions are recorded before any final step (the lifecycle refuses them after), dated freely.
    const contributions: TaskEvent[] = coordinating
      .filter(() => next() < 0.6)
      .map((organisationId) => ({
        type: 'CONTRIBUTION_SUBMITTED',
        on: addDays(assigned.on, pick(25)),
        organisationId,
        note: 'n',
      }));
    // One task in ten is a sub-task of an earlier one: in no coordination figure, nor province-wide.
    const parent = index > 0 && next() < 0.1 ? uuidFromName(`coordination-task:${pick(index)}`) : null;
    return {
      id: uuidFromName(key),
      parentId: parent,
      assigningOrganisationId: parent === null ? null : lead,
      title: `Nhiệm vụ ${index}`,
      description: null,
      document: null,
      assignerKind: 'PEOPLES_COMMITTEE' as const,
      assignerName: null,
      leadOrganisationId: lead,
      coordinatingOrganisationIds: coordinating,
      coordinationDueOn,
      priority: 'ROUTINE' as const,
      events: [assigned, ...contributions, ...rest],
    };
  });
  await insertTaskRecords(stack.services.assignments.database.dataSource, records, 'test');
});

afterAll(async () => {
  await stack?.stop();
});

describe('coordinationCompliance in SQL equals the pure rules', () => {
  it('for every unit, over many periods and as-of dates, in one statement', async () => {
    const next = mulberry32(7);
    const db = stack.services.assignments.database.dataSource;
    const tasks = records.map((record) => ({
      facts: { ...taskFacts(record.events), coordinationDueOn: record.coordinationDueOn ?? null },
      coordinatingOrganisationIds: record.coordinatingOrganisationIds,
      parentId: record.parentId ?? null,
      contributions: new Map(
        record.events.flatMap((event) =>
          event.type === 'CONTRIBUTION_SUBMITTED' ? [[event.organisationId, event.on] as const] : [],
        ),
      ),
    }));
    let nonEmpty = 0;
    const seen = { late: 0, overdue: 0 };
    for (let trial = 0; trial < 60; trial++) {
      const from = addDays(START, pick(next, 50) - 5);
      const to = addDays(from, pick(next, 40));
      const asOf = addDays(from, pick(next, 80) - 10);
      const sql = await coordinationFiguresByUnit(db, { from, to, asOf }, UNITS);
      // The statement's other form (a hashed filter on each pair, no `&&`) gives the same figures.
      expect([trial, await coordinationFiguresByUnit(db, { from, to, asOf }, MANY_UNITS)]).toEqual([trial, sql]);
      for (const unit of UNITS) {
        const expected = coordinationFigures(tasks, unit, { from, to }, asOf);
        const actual = sql.get(unit);
        if (expected.requested === 0) expect([trial, unit, actual]).toEqual([trial, unit, undefined]);
        else {
          expect([trial, unit, actual]).toEqual([trial, unit, expected]);
          nonEmpty++;
          seen.late += expected.contributedLate;
          seen.overdue += expected.pendingOverdue;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(200);
    expect(records.filter((record) => record.parentId).length).toBeGreaterThan(100);
    expect(seen.late).toBeGreaterThan(50);
    expect(seen.overdue).toBeGreaterThan(50);
  });
});

describe('province-wide figures leave sub-tasks out', () => {
  it('equal the pure rules over the tasks without a parent', async () => {
    const next = mulberry32(11);
    const db = stack.services.assignments.database.dataSource;
    const topLevel = records.filter((record) => !record.parentId).map((record) => taskFacts(record.events));
    for (let trial = 0; trial < 30; trial++) {
      const from = addDays(START, pick(next, 50) - 5);
      const to = addDays(from, pick(next, 40));
      const asOf = addDays(from, pick(next, 80) - 10);
      const sql = await complianceFiguresByGroup(db, { from, to, asOf, groupBy: 'none' });
      const expected = complianceFigures(topLevel, { from, to }, asOf);
      if (expected.assigned === 0 && expected.withdrawn === 0) expect(sql.get('')).toBeUndefined();
      else expect([trial, sql.get('')]).toEqual([trial, { ...expected, from, to, asOf }]);
    }
  });
});

function pick(next: () => number, n: number): number {
  return Math.floor(next() * n);
}
