import {
  followUpByUnit,
  followUpFigures,
  insertTaskRecords,
  leadUnitOn,
  reminderSettings,
  runRemindersOf,
  taskFacts,
  type FollowUpTask,
  type TaskRecord,
} from '@giaoviec/assignments';
import { addDays, mulberry32, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import { startTestStack, type TestStack } from './harness/stack';
import { randomHistory } from './support/random-histories';

type LeadChange = Parameters<typeof leadUnitOn>[1][number];
type Request = FollowUpTask['explanations'][number];

/**
 * The follow-up figures in SQL (one statement for every unit) against the pure rules, on random
 * histories with transfers, the automatic reminders of their days, manual reminders and requests
 * for explanation answered on time, late or never.
 */
const TASKS = 1500;
const UNITS = Array.from({ length: 8 }, (_, index) => uuidFromName(`follow-up-unit:${index}`));
const START = '2018-01-20' as CalendarDate;

let stack: TestStack;
const tasks = new Map<string, { record: TaskRecord; lead: string; changes: LeadChange[]; requests: Request[] }>();

beforeAll(async () => {
  stack = await startTestStack();
  const db = stack.services.assignments.database.dataSource;
  const next = mulberry32(20180301);
  const pick = (n: number) => Math.floor(next() * n);
  const records: TaskRecord[] = Array.from({ length: TASKS }, (_, index) => ({
    id: uuidFromName(`follow-up-task:${index}`),
    title: `Nhiệm vụ ${index}`,
    description: null,
    document: null,
    assignerKind: 'PEOPLES_COMMITTEE' as const,
    assignerName: null,
    leadOrganisationId: UNITS[pick(UNITS.length)]!,
    coordinatingOrganisationIds: [],
    priority: 'ROUTINE' as const,
    events: randomHistory(next, `follow-up-task:${index}`, START, { longestWait: 12 }),
  }));
  await insertTaskRecords(db, records, 'test');
  const manual: Array<[string, string]> = [];
  const requests: Array<[string, string, string, string | null]> = [];
  for (const record of records) {
    const assignedOn = record.events[0]!.on;
    let lead = record.leadOrganisationId;
    const changes: LeadChange[] = [];
    if (next() < 0.2) {
      let on = assignedOn;
      for (let count = 1 + pick(2); count > 0; count--) {
        on = addDays(on, 1 + pick(30));
        changes.push({ on, from: lead });
        lead = UNITS[pick(UNITS.length)]!;
      }
      await db.query(
        `UPDATE assignments.task SET lead_organisation_id = $2, lead_transferred_on = $3::date[], lead_transferred_from = $4::uuid[] WHERE id = $1`,
        [record.id, lead, changes.map((change) => change.on), changes.map((change) => change.from)],
      );
    }
    for (let count = pick(3); count > 0; count--) manual.push([record.id, addDays(assignedOn, pick(40))]);
    const own: Request[] = [];
    for (let count = pick(3); count > 0; count--) {
      const requestedOn = addDays(assignedOn, pick(30));
      const answerBy = addDays(requestedOn, pick(6));
      const answeredOn = next() < 0.3 ? null : addDays(requestedOn, pick(10));
      own.push({ requestedOn, answerBy, answeredOn });
      requests.push([record.id, requestedOn, answerBy, answeredOn]);
    }
    tasks.set(record.id, { record, lead, changes, requests: own });
  }
  await db.query(
    `INSERT INTO assignments.reminder (task_id, kind, sent_on, note, actor, actor_id)
     SELECT task_id, 'MANUAL', sent_on, 'Đôn đốc', 'Văn phòng', 'office' FROM unnest($1::uuid[], $2::date[]) AS m (task_id, sent_on)`,
    [manual.map((row) => row[0]), manual.map((row) => row[1])],
  );
  await db.query(
    `INSERT INTO assignments.explanation (id, task_id, requested_on, answer_by, question, requested_by, requested_by_id, answered_on, answer)
     SELECT gen_random_uuid(), task_id, requested_on, answer_by, 'Vì sao?', 'Văn phòng', 'office', answered_on,
            CASE WHEN answered_on IS NULL THEN NULL ELSE 'Vì thế' END
       FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[]) AS x (task_id, requested_on, answer_by, answered_on)`,
    [0, 1, 2, 3].map((column) => requests.map((row) => row[column])),
  );
  const settings = reminderSettings({});
  for (let day = addDays(START, -2); day <= addDays(START, 75); day = addDays(day, 1)) {
    await runRemindersOf(db, day, settings);
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('SQL follow-up figures equal the pure rules', () => {
  it('for every unit, over many periods and as-of dates, in one statement each', async () => {
    const db = stack.services.assignments.database.dataSource;
    const reminders: Array<{ taskId: string; kind: FollowUpTask['reminders'][number]['kind']; sentOn: CalendarDate }> =
      await db.query(`SELECT task_id AS "taskId", kind, sent_on AS "sentOn" FROM assignments.reminder`);
    const byTask = new Map<string, typeof reminders>();
    for (const reminder of reminders) byTask.set(reminder.taskId, [...(byTask.get(reminder.taskId) ?? []), reminder]);
    const reference: FollowUpTask[] = [...tasks.values()].map(({ record, lead, changes, requests }) => ({
      leadOn: (day) => leadUnitOn(lead, changes, day),
      withdrawnOn: taskFacts(record.events).withdrawnOn,
      reminders: byTask.get(record.id) ?? [],
      explanations: requests,
    }));
    const kinds = new Set(reminders.map((reminder) => reminder.kind));
    expect([...kinds].sort()).toEqual([
      'AWAITING_CONFIRMATION',
      'AWAITING_EXTENSION_DECISION',
      'DUE_SOON',
      'MANUAL',
      'OVERDUE',
    ]);
    const counter = stack.services.assignments.database.queries;
    const next = mulberry32(7);
    let nonEmpty = 0;
    for (let trial = 0; trial < 50; trial++) {
      const from = addDays(START, Math.floor(next() * 50) - 5);
      const to = addDays(from, Math.floor(next() * 40));
      const asOf = addDays(from, Math.floor(next() * 80) - 10);
      const before = counter.statements;
      const sql = await followUpByUnit(db, { from, to, asOf }, UNITS);
      expect(counter.statements - before).toBe(1);
      for (const unit of UNITS) {
        const expected = followUpFigures(reference, unit, { from, to }, asOf);
        expect([trial, unit, sql.get(unit)]).toEqual([trial, unit, expected]);
        if (expected.reminders > 0 && expected.explanationsRequested > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
