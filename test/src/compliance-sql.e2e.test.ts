import {
  BREAKDOWN_DIMENSIONS as DIMENSIONS,
  breakdownGroups,
  breakdownValue,
  countsOf,
  complianceBucket,
  complianceFigures,
  complianceFiguresByGroup,
  mergeGroups,
  insertTaskRecords,
  leadUnitOn,
  taskFacts,
  type TaskRecord,
} from '@giaoviec/assignments';

type LeadChange = Parameters<typeof leadUnitOn>[1][number];
import { addDays, mulberry32, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import { startTestStack, type TestStack } from './harness/stack';
import { randomHistory } from './support/random-histories';

/**
 * The SQL aggregation against the pure rules (the reference), on thousands of random histories
 * and many (units, period, as-of) triples: every figure must be equal.
 */
const TASKS = 4000;
const UNITS = Array.from({ length: 12 }, (_, index) => uuidFromName(`random-unit:${index}`));
const START = '2018-03-01' as CalendarDate;
const DOCUMENT_KINDS = [
  'DECISION',
  'PLAN',
  'NOTICE',
  'CONCLUSION_NOTICE',
  'OFFICIAL_LETTER',
  'DIRECTIVE',
  'OTHER',
] as const;
/** A kind for each random unit, as the organisations subgraph would tell it. */
const kindOf = (unit: string) => ['DEPARTMENT', 'DISTRICT', 'COMMUNE'][UNITS.indexOf(unit) % 3]!;

let stack: TestStack;
let records: TaskRecord[];
const transfers = new Map<string, { lead: string; changes: LeadChange[] }>();

beforeAll(async () => {
  stack = await startTestStack();
  const next = mulberry32(20171015);
  // The fields only the breakdowns read come from dice of their own: the histories stay as they were.
  const other = mulberry32(20190409);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(other() * values.length)]!;
  records = Array.from({ length: TASKS }, (_, index) => ({
    id: uuidFromName(`random-task:${index}`),
    title: `Nhiệm vụ ${index}`,
    description: null,
    document:
      other() < 0.2 ? null : { number: `${index}/QĐ-UBND`, kind: pick(DOCUMENT_KINDS), issuedOn: START, signer: null },
    assignerKind: pick(['PEOPLES_COMMITTEE', 'CHAIRMAN', 'VICE_CHAIRMAN'] as const),
    assignerName: null,
    leadOrganisationId: UNITS[Math.floor(next() * UNITS.length)]!,
    coordinatingOrganisationIds: [],
    priority: pick(['KEY', 'ROUTINE', 'AD_HOC'] as const),
    events: randomHistory(next, `random-task:${index}`, START),
  }));
  const db = stack.services.assignments.database.dataSource;
  await insertTaskRecords(db, records, 'test');
  // Some tasks change lead unit once or twice (restructurings): the figures of a date count each
  // task for the unit that led it that day.
  for (const record of records) {
    if (next() > 0.15) continue;
    let lead = record.leadOrganisationId;
    let on = record.events[0]!.on;
    const changes: LeadChange[] = [];
    for (let count = 1 + Math.floor(next() * 2); count > 0; count--) {
      on = addDays(on, 1 + Math.floor(next() * 40));
      changes.push({ on, from: lead });
      lead = UNITS[Math.floor(next() * UNITS.length)]!;
    }
    transfers.set(record.id, { lead, changes });
    await db.query(
      `UPDATE assignments.task SET lead_organisation_id = $2, lead_transferred_on = $3::date[], lead_transferred_from = $4::uuid[] WHERE id = $1`,
      [record.id, lead, changes.map((change) => change.on), changes.map((change) => change.from)],
    );
  }
});

/** The unit that led a task on a day, by the pure rule. */
function unitOn(record: TaskRecord, day: CalendarDate): string {
  const moved = transfers.get(record.id);
  return moved ? leadUnitOn(moved.lead, moved.changes, day) : record.leadOrganisationId;
}

afterAll(async () => {
  await stack?.stop();
});

describe('SQL figures equal the pure rules', () => {
  it('for every unit, over many periods and as-of dates', async () => {
    const next = mulberry32(42);
    const db = stack.services.assignments.database.dataSource;
    const facts = records.map((record) => ({ record, facts: taskFacts(record.events) }));
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const from = addDays(START, Math.floor(next() * 50) - 5);
      const to = addDays(from, Math.floor(next() * 40));
      const asOf = addDays(from, Math.floor(next() * 80) - 10);
      const sql = await complianceFiguresByGroup(db, { from, to, asOf, groupBy: 'unit', unitIds: UNITS });
      for (const unit of UNITS) {
        const expected = complianceFigures(
          facts.filter((task) => unitOn(task.record, asOf) === unit).map((task) => task.facts),
          { from, to },
          asOf,
        );
        const actual = sql.get(unit);
        if (expected.assigned === 0 && expected.withdrawn === 0) {
          expect(actual).toBeUndefined();
        } else {
          expect([trial, unit, actual]).toEqual([trial, unit, { ...expected, from, to, asOf }]);
        }
        compared++;
      }
    }
    expect(compared).toBe(60 * UNITS.length);
  });

  it('breakdowns by one or two dimensions: the groups equal the pure rules and add up to the totals', async () => {
    const next = mulberry32(7);
    const db = stack.services.assignments.database.dataSource;
    const facts = records.map((record) => ({ record, facts: taskFacts(record.events) }));
    const pairs = DIMENSIONS.flatMap((first) => [
      [first],
      ...DIMENSIONS.filter((d) => d !== first).map((second) => [first, second]),
    ]);
    const agesSeen = new Set<string>();
    for (let trial = 0; trial < pairs.length; trial++) {
      const by = pairs[trial]!;
      const from = addDays(START, Math.floor(next() * 50) - 5);
      const to = addDays(from, Math.floor(next() * 40));
      // Some dates long after the histories, so that every overdue age is reached.
      const asOf = addDays(from, Math.floor(next() * 80) - 10 + [0, 60, 200][trial % 3]!);
      const sql = mergeGroups(await breakdownGroups(db, { from, to, asOf, by }), (value, i) =>
        by[i] === 'UNIT_KIND' ? kindOf(value) : value,
      );
      const actual = new Map(sql.map((group) => [group.values.join('|'), group.counts]));
      for (const group of sql) if (by[0] === 'OVERDUE_AGE') agesSeen.add(group.values[0]!);
      expect(actual.size).toBe(sql.length);

      const expectedGroups = new Map<string, typeof facts>();
      for (const task of facts) {
        const leadUnitId = unitOn(task.record, asOf);
        const subject = {
          ...task.facts,
          leadUnitId,
          assignerKind: task.record.assignerKind,
          priority: task.record.priority,
          documentKind: task.record.document?.kind ?? null,
        };
        const key = by
          .map((dimension) => {
            const value = breakdownValue(dimension, subject, asOf);
            return dimension === 'UNIT_KIND' ? kindOf(value) : value;
          })
          .join('|');
        expectedGroups.set(key, [...(expectedGroups.get(key) ?? []), task]);
      }
      const expected = new Map(
        [...expectedGroups]
          .map(
            ([key, tasks]) =>
              [
                key,
                complianceFigures(
                  tasks.map((task) => task.facts),
                  { from, to },
                  asOf,
                ),
              ] as const,
          )
          .filter(([, figures]) => figures.assigned > 0 || figures.withdrawn > 0)
          .map(([key, figures]) => [key, countsOf(figures)]),
      );
      expect([by, from, to, asOf, Object.fromEntries(actual)]).toEqual([
        by,
        from,
        to,
        asOf,
        Object.fromEntries(expected),
      ]);

      const totals = (await complianceFiguresByGroup(db, { from, to, asOf, groupBy: 'none' })).get('');
      const sum = (field: 'completedOnTime' | 'inProgressOverdue' | 'withoutDeadline') =>
        sql.reduce((total, group) => total + group.counts[field], 0);
      expect([by, sum('completedOnTime'), sum('inProgressOverdue'), sum('withoutDeadline')]).toEqual([
        by,
        totals?.completedOnTime ?? 0,
        totals?.inProgressOverdue ?? 0,
        totals?.withoutDeadline ?? 0,
      ]);
    }
    // The trials reach every age (some as-of dates lie long after the histories).
    expect([...agesSeen].sort()).toEqual(['D1_30', 'D31_90', 'D91_180', 'NOT_OVERDUE', 'OVER_180']);
  });

  it('task by task, the SQL bucket is the pure bucket on every day around the histories', async () => {
    const db = stack.services.assignments.database.dataSource;
    const sample = records.slice(0, 400);
    for (let offset = -2; offset < 75; offset += 3) {
      const asOf = addDays(START, offset);
      const rows: Array<{ id: string; bucket: string | null }> = await db.query(
        `SELECT id, assignments.compliance_bucket(assigned_on, original_due_on, extension_decided_on, extension_due_on,
                                                  completed_on, withdrawn_on, $1::date) AS bucket
           FROM assignments.task WHERE id = ANY($2::uuid[])`,
        [asOf, sample.map((record) => record.id)],
      );
      const sqlBuckets = new Map(rows.map((row) => [row.id, row.bucket]));
      for (const record of sample) {
        expect([record.id, asOf, sqlBuckets.get(record.id)]).toEqual([
          record.id,
          asOf,
          complianceBucket(taskFacts(record.events), asOf),
        ]);
      }
    }
  });

  it('the histories reach the boundaries the rules care about', () => {
    const all = records.map((record) => taskFacts(record.events));
    const completedOnDueDay = all.filter(
      (task) => task.completedOn !== null && task.completedOn === task.originalDueOn,
    ).length;
    const sameDayApprovals = all.filter(
      (task) =>
        new Set(task.approvedExtensions.map((extension) => extension.decidedOn)).size < task.approvedExtensions.length,
    ).length;
    const withoutDeadline = all.filter((task) => task.originalDueOn === null).length;
    const withdrawn = all.filter((task) => task.withdrawnOn !== null).length;
    const rated = all.filter((task) => task.quality !== null).length;
    expect({ completedOnDueDay, sameDayApprovals, withoutDeadline, withdrawn, rated }).toEqual({
      completedOnDueDay: expect.any(Number),
      sameDayApprovals: expect.any(Number),
      withoutDeadline: expect.any(Number),
      withdrawn: expect.any(Number),
      rated: expect.any(Number),
    });
    for (const count of [completedOnDueDay, sameDayApprovals, withoutDeadline, withdrawn, rated])
      expect(count).toBeGreaterThan(10);
  });
});
