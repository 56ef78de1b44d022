import {
  DEMO_LEADERS,
  DEPARTMENT_MERGES_2025,
  DISTRICT_ABOLITIONS_2025,
  LANG_SON_DEMO_UNITS,
  LANG_SON_DIVISIONS_2017,
  LANG_SON_UNITS_2017,
  demoOfficialId,
  demoUnitId,
} from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

// Units and leaders through time, through the gateway, on the demo's 2025 restructuring of Lạng Sơn
// and on units made here with the mutations.
const AS_OF = contractOperation('history.graphql', 'OrganisationsAsOf');
const LINEAGE = contractOperation('history.graphql', 'UnitLineage');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');

const FIGURES = 'assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue';
const COMPLIANCE = `query ($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {
  organisation(id: $id) { compliance(from: $from, to: $to, asOf: $asOf) { ${FIGURES} } } }`;
const EVENTS = `{ restructuringEvents { id kind effectiveOn legalBasis predecessors { code } successors { code } } }`;
const UNITS = `{ organisations { id code validFrom validTo } }`;

let stack: TestStack;
const client = () => stack.gateway.client;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

async function figures(id: string, from: string, to: string, asOf: string) {
  const { organisation } = await client().data<any>(COMPLIANCE, { id, from, to, asOf });
  return organisation.compliance;
}

const sum = (a: any, b: any) =>
  Object.fromEntries(Object.keys(a).map((key) => [key, a[key] + b[key]])) as Record<string, number>;

/** Everything the structure holds, to show that a refused change wrote nothing. */
async function structure() {
  const [events, units] = await Promise.all([client().data<any>(EVENTS), client().data<any>(UNITS)]);
  return { events: events.restructuringEvents, units: units.organisations };
}

describe('the structure through time', () => {
  it('as of 2017: the 2017 departments and districts, none of the 2025 units', async () => {
    const { organisations } = await client().data<any>(AS_OF, { asOf: '2017-10-15' });
    expect(organisations.map((unit: any) => unit.code).sort()).toEqual(
      [...LANG_SON_UNITS_2017, ...LANG_SON_DIVISIONS_2017].map((unit) => unit.code).sort(),
    );
    const transport = organisations.find((unit: any) => unit.code === 'SGTVT');
    expect(transport).toMatchObject({ name: 'Sở Giao thông vận tải', validFrom: null, validTo: '2025-02-28' });
    const districts = await client().data<any>(AS_OF, { asOf: '2017-10-15', kinds: ['DISTRICT'] });
    expect(districts.organisations).toHaveLength(11);
  });

  it('as of 2026: merged departments, new departments, communes instead of districts', async () => {
    const { organisations } = await client().data<any>(AS_OF, { asOf: '2026-01-01' });
    const codes = new Set(organisations.map((unit: any) => unit.code));
    for (const gone of ['SKHDT', 'SGTVT', 'SLDTBXH', 'STTTT', 'SNNPTNT', 'STNMT', 'BDT', 'H-CLO', 'TP-LS']) {
      expect(codes.has(gone)).toBe(false);
    }
    for (const kept of ['STC', 'SXD', 'SNV', 'SKHCN', 'SNNMT', 'SDTTG', 'X-DONGDANG', 'P-TAMTHANH']) {
      expect(codes.has(kept)).toBe(true);
    }
    const ended = LANG_SON_UNITS_2017.length - organisations.length + (LANG_SON_DEMO_UNITS.length - 32);
    expect(ended).toBe(
      DEPARTMENT_MERGES_2025.flatMap((merge) => merge.sources).length + DISTRICT_ABOLITIONS_2025.length,
    );
    expect(organisations.find((unit: any) => unit.code === 'SNNMT')).toMatchObject({
      name: 'Sở Nông nghiệp và Môi trường',
      validFrom: '2025-03-01',
      validTo: null,
    });
    const districts = await client().data<any>(AS_OF, { asOf: '2026-01-01', kinds: ['DISTRICT'] });
    expect(districts.organisations).toEqual([]);
  });

  it('the 2025 Construction department: with and without the tasks Transport led before the merge', async () => {
    const construction = demoUnitId('SXD');
    const transport = demoUnitId('SGTVT');
    const period = { from: '2017-01-01', to: '2017-12-31' };
    const { organisation } = await client().data<any>(LINEAGE, { id: construction, ...period, asOf: '2026-01-01' });
    expect(organisation.predecessors).toEqual([
      { id: transport, name: 'Sở Giao thông vận tải', validTo: '2025-02-28' },
    ]);
    expect(organisation.successors).toEqual([]);
    const own = await figures(construction, period.from, period.to, '2026-01-01');
    const transports = await figures(transport, period.from, period.to, '2026-01-01');
    expect(organisation.own).toEqual(own);
    expect(transports.assigned).toBeGreaterThan(0);
    expect(organisation.withPredecessors).toEqual(sum(own, transports));
    // As of 2017 the merge had not happened: each department counts its own tasks, and the
    // sum with the predecessor is the same whatever the date.
    const then = await client().data<any>(LINEAGE, { id: construction, ...period, asOf: '2017-12-31' });
    expect(then.organisation.withPredecessors).toEqual(
      sum(
        await figures(construction, period.from, period.to, '2017-12-31'),
        await figures(transport, period.from, period.to, '2017-12-31'),
      ),
    );
    // The worked example of RULES.md still holds for the 2017 Department of Construction.
    expect(await figures(construction, '2017-01-01', '2017-10-15', '2017-10-15')).toMatchObject({
      assigned: 134,
      completedOnTime: 106,
      completedLate: 21,
    });
  });

  it('a 2017 task of Cao Lộc district: counted for the district as of 2017, and in its successor’s history', async () => {
    const district = demoUnitId('H-CLO');
    const successor = demoUnitId('X-DONGDANG');
    const { organisation } = await client().data<any>(LINEAGE, {
      id: successor,
      from: '2017-01-01',
      to: '2017-12-31',
      asOf: '2026-01-01',
    });
    expect(organisation.predecessors.map((unit: any) => unit.id)).toEqual([district]);
    const transferred = await client().data<any>(
      `query ($id: ID!) { tasks(filter: { leadOrganisationId: $id, assignedTo: "2017-12-31" }, first: 20) {
          totalCount edges { node { id assignedOn leadOrganisation { id } leadTransfers { transferredOn from { id } to { id } }
                  history { action onDate details } } } } }`,
      { id: successor },
    );
    const tasks = transferred.tasks.edges.map((edge: any) => edge.node);
    expect(tasks.length).toBeGreaterThan(0);
    const task = tasks[0];
    expect(task.leadOrganisation.id).toBe(successor);
    expect(task.leadTransfers).toEqual([
      { transferredOn: '2025-07-01', from: { id: district }, to: { id: successor } },
    ]);
    expect(task.history.at(-1)).toMatchObject({
      action: 'TRANSFERRED',
      onDate: '2025-07-01',
      details: { fromOrganisationId: district, toOrganisationId: successor },
    });
    // As of a 2017 date the task is the district's; as of 2026 its successor's.
    const district2017 = await figures(district, '2017-01-01', '2017-12-31', '2017-12-31');
    const successor2017 = await figures(successor, '2017-01-01', '2017-12-31', '2017-12-31');
    expect(successor2017.assigned).toBe(0);
    const district2026 = await figures(district, '2017-01-01', '2017-12-31', '2026-01-01');
    const successor2026 = await figures(successor, '2017-01-01', '2017-12-31', '2026-01-01');
    expect(successor2026.assigned).toBe(transferred.tasks.totalCount);
    expect(district2026.assigned + successor2026.assigned).toBe(district2017.assigned);
    expect(organisation.withPredecessors.assigned).toBe(district2017.assigned);
  });

  it('a ward formed from the city and Cao Lộc district has both as predecessors', async () => {
    const { organisation } = await client().data<any>(LINEAGE, {
      id: demoUnitId('P-KYLUA'),
      from: '2026-01-01',
      to: '2026-06-30',
      asOf: '2026-06-30',
    });
    expect(organisation.predecessors.map((unit: any) => unit.id).sort()).toEqual(
      [demoUnitId('TP-LS'), demoUnitId('H-CLO')].sort(),
    );
    const { restructuringEvents } = await client().data<any>(EVENTS);
    const abolitions = restructuringEvents.filter((event: any) => event.kind === 'ABOLISH');
    expect(abolitions.flatMap((event: any) => event.successors)).toHaveLength(
      DISTRICT_ABOLITIONS_2025.reduce(
        (count, abolition) => count + abolition.successors.length + (abolition.alsoTo?.length ?? 0),
        0,
      ),
    );
    expect(abolitions.every((event: any) => event.legalBasis.startsWith('Nghị quyết số 1672/NQ-UBTVQH15'))).toBe(true);
  });
});

describe('restructuring through the mutations', () => {
  const MERGE = `mutation ($input: MergeOrganisationsInput!) { mergeOrganisations(input: $input) {
    id kind effectiveOn legalBasis predecessors { id validTo } successors { id code validFrom } } }`;
  const RENAME = `mutation ($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { id kind } }`;
  const ABOLISH = `mutation ($input: AbolishOrganisationInput!) { abolishOrganisation(input: $input) { id } }`;
  const TRANSFER = `mutation ($input: TransferTasksInput!) { transferTasks(input: $input) {
    transferredCount tasks { id leadOrganisation { id } } } }`;
  const units: Record<string, string> = {};

  async function createUnit(code: string, name: string, extra: Record<string, unknown> = {}) {
    const { createOrganisation } = await client().data<any>(CREATE_UNIT, {
      input: { code, name, kind: 'DEPARTMENT', ...extra },
    });
    units[code] = createOrganisation.id;
    return createOrganisation.id as string;
  }

  beforeAll(async () => {
    await createUnit('T-A', 'Sở thử A', { validFrom: '2010-01-01' });
    await createUnit('T-B', 'Sở thử B', { validFrom: '2010-01-01' });
    await createUnit('T-C', 'Sở thử C', { validFrom: '2020-06-01' });
  });

  it('refuses bad restructuring input with nothing written', async () => {
    const before = await structure();
    const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [
        MERGE,
        { sourceIds: [units['T-A'], units['T-B']], intoId: units['T-A'] },
        'BAD_USER_INPUT',
        /its own predecessor or successor/,
      ],
      [
        MERGE,
        { sourceIds: [units['T-C']], intoId: units['T-A'], effectiveOn: '2019-01-01' },
        'BAD_USER_INPUT',
        /predate/,
      ],
      [
        MERGE,
        { sourceIds: [units['T-C']], intoId: units['T-A'], effectiveOn: '2020-06-01' },
        'BAD_USER_INPUT',
        /predate/,
      ],
      [
        MERGE,
        { sourceIds: [units['T-A']], newUnit: { code: 'T-B', name: 'Trùng mã', kind: 'DEPARTMENT' } },
        'CONFLICT',
        /overlap/,
      ],
      [
        MERGE,
        { sourceIds: [units['T-A']], intoId: units['T-B'], newUnit: { code: 'T-X', name: 'X', kind: 'DEPARTMENT' } },
        'BAD_USER_INPUT',
        /exactly one/,
      ],
      [
        ABOLISH,
        { id: units['T-A'], successorIds: [units['T-C']], effectiveOn: '2020-01-01' },
        'BAD_USER_INPUT',
        /begins on 2020-06-01/,
      ],
    ];
    for (const [mutation, input, code, message] of refusals) {
      const result = await client().request(mutation, {
        input: { effectiveOn: '2024-03-01', legalBasis: 'Nghị quyết thử', ...input },
      });
      expect({ input, code: result.errors?.[0]?.extensions?.code }).toEqual({ input, code });
      expect(result.errors![0]!.message).toMatch(message);
    }
    // A unit whose code would overlap a unit valid then.
    const overlapping = await client().request(CREATE_UNIT, {
      input: { code: 'T-A', name: 'Trùng', kind: 'DEPARTMENT', validFrom: '2024-01-01' },
    });
    expect(overlapping.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(overlapping.errors?.[0]?.message).toMatch(/overlap/);
    expect(await structure()).toEqual(before);
  });

  it('a split hands the unit’s work to each successor; two SQL statements for every unit’s figures with predecessors', async () => {
    const SPLIT = `mutation ($input: SplitOrganisationInput!) { splitOrganisation(input: $input) {
      kind predecessors { code validTo } successors { code validFrom } } }`;
    const source = await createUnit('T-S', 'Sở thử tách', { validFrom: '2015-01-01' });
    const existing = await createUnit('T-S2', 'Sở thử nhận', { validFrom: '2015-01-01' });
    await client().data(ASSIGN, {
      input: {
        title: 'Nhiệm vụ trước khi tách',
        assignedOn: '2022-03-01',
        dueOn: '2022-06-30',
        leadOrganisationId: source,
      },
    });
    const { splitOrganisation } = await client().data<any>(SPLIT, {
      input: {
        sourceId: source,
        intoIds: [existing],
        newUnits: [{ code: 'T-S3', name: 'Sở thử mới', kind: 'DEPARTMENT' }],
        effectiveOn: '2023-01-01',
        legalBasis: 'Quyết định chia tách',
      },
    });
    expect(splitOrganisation).toEqual({
      kind: 'SPLIT',
      predecessors: [{ code: 'T-S', validTo: '2022-12-31' }],
      successors: expect.arrayContaining([
        { code: 'T-S2', validFrom: '2015-01-01' },
        { code: 'T-S3', validFrom: '2023-01-01' },
      ]),
    });
    const ALL = `query ($asOf: Date!) { organisations { code compliance(from: "2022-01-01", to: "2022-12-31", asOf: $asOf, includePredecessors: true) { assigned } } }`;
    const counter = stack.services.assignments.database.queries;
    const before = counter.statements;
    const { organisations } = await client().data<any>(ALL, { asOf: '2023-06-30' });
    // The units' task versions, then the figures not cached: the same for any number of units.
    expect(counter.statements - before).toBe(2);
    const assigned = (code: string) => organisations.find((unit: any) => unit.code === code).compliance.assigned;
    expect([assigned('T-S'), assigned('T-S2'), assigned('T-S3')]).toEqual([1, 1, 1]);
  });

  it('only the office restructures', async () => {
    const unit = stack.as({ roles: ['UNIT'], org: units['T-A'] });
    const result = await unit.request(MERGE, {
      input: { sourceIds: [units['T-B']], intoId: units['T-A'], effectiveOn: '2024-03-01', legalBasis: 'x' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a merge into a new unit, a rename, an abolition with its open tasks transferred', async () => {
    const open = (
      await client().data<any>(ASSIGN, {
        input: {
          title: 'Nhiệm vụ của Sở thử B',
          assignedOn: '2023-05-10',
          dueOn: '2023-12-31',
          leadOrganisationId: units['T-B'],
        },
      })
    ).assignTask.id;
    const merge = await client().data<any>(MERGE, {
      input: {
        sourceIds: [units['T-A'], units['T-B']],
        newUnit: { code: 'T-AB', name: 'Sở thử AB', kind: 'DEPARTMENT' },
        effectiveOn: '2024-03-01',
        legalBasis: 'Nghị quyết số 1/NQ-HĐND',
      },
    });
    const merged = merge.mergeOrganisations;
    expect(merged).toMatchObject({ kind: 'MERGE', effectiveOn: '2024-03-01', legalBasis: 'Nghị quyết số 1/NQ-HĐND' });
    expect(merged.predecessors.map((unit: any) => unit.validTo)).toEqual(['2024-02-29', '2024-02-29']);
    const [target] = merged.successors;
    expect(target).toMatchObject({ code: 'T-AB', validFrom: '2024-03-01' });

    // A second change to a unit that has ended is refused.
    const again = await client().request(ABOLISH, {
      input: { id: units['T-A'], effectiveOn: '2024-06-01', legalBasis: 'x' },
    });
    expect(again.errors?.[0]?.message).toMatch(/already ended on 2024-02-29/);

    // Not a successor: refused, nothing moved.
    const wrong = await client().request(TRANSFER, {
      input: {
        fromOrganisationId: units['T-B'],
        toOrganisationId: units['T-C'],
        transferredOn: '2024-03-01',
        legalBasis: 'x',
      },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const moved = await client().data<any>(TRANSFER, {
      input: {
        fromOrganisationId: units['T-B'],
        toOrganisationId: target.id,
        transferredOn: '2024-03-01',
        legalBasis: 'Nghị quyết số 1/NQ-HĐND',
      },
    });
    expect(moved.transferTasks).toEqual({
      transferredCount: 1,
      tasks: [{ id: open, leadOrganisation: { id: target.id } }],
    });
    // 2023 figures of B as of 2023 still count the task; as of 2024-03-01 its successor does.
    expect((await figures(units['T-B']!, '2023-01-01', '2023-12-31', '2024-02-29')).assigned).toBe(1);
    expect((await figures(units['T-B']!, '2023-01-01', '2023-12-31', '2024-03-01')).assigned).toBe(0);
    expect((await figures(target.id, '2023-01-01', '2023-12-31', '2024-03-01')).inProgressOverdue).toBe(1);

    await client().data(RENAME, {
      input: { id: target.id, name: 'Sở thử AB mới', effectiveOn: '2025-01-01', legalBasis: 'Quyết định đổi tên' },
    });
    const then = await client().data<any>(AS_OF, { asOf: '2024-06-01' });
    expect(then.organisations.find((unit: any) => unit.id === target.id).name).toBe('Sở thử AB');
    const now = await client().data<any>(
      `query ($id: ID!) { organisation(id: $id) { name formerNames { name usedFrom usedTo } restructurings { kind } } }`,
      { id: target.id },
    );
    expect(now.organisation).toEqual({
      name: 'Sở thử AB mới',
      formerNames: [{ name: 'Sở thử AB', usedFrom: '2024-03-01', usedTo: '2024-12-31' }],
      restructurings: [{ kind: 'MERGE' }, { kind: 'RENAME' }],
    });
  });
});

describe('leaders', () => {
  it('officials with terms; byAssigner groups the figures by the leader who assigned the tasks', async () => {
    const { officials } = await client().data<any>(
      `{ officials(asOf: "2017-06-01") { id fullName terms { position startsOn endsOn organisation { code } } } }`,
    );
    const chairman = officials.find((official: any) => official.fullName === DEMO_LEADERS.chairman.name);
    expect(chairman.terms).toEqual([
      { position: 'CHAIRMAN', startsOn: '2016-07-01', endsOn: null, organisation: { code: 'UBND-LS' } },
    ]);
    const { complianceSummary } = await client().data<any>(
      `{ complianceSummary(from: "2017-01-01", to: "2017-10-15", asOf: "2017-10-15") {
          totals { assigned } byAssigner { assignedBy assignerName official { id fullName } figures { assigned } } } }`,
    );
    const byLeader = complianceSummary.byAssigner.filter((entry: any) => entry.official);
    expect(byLeader.length).toBe(1 + DEMO_LEADERS.viceChairmen.length);
    for (const entry of byLeader) expect(entry.official.fullName).toBe(entry.assignerName);
    const total = complianceSummary.byAssigner.reduce((all: number, entry: any) => all + entry.figures.assigned, 0);
    expect(total).toBe(complianceSummary.totals.assigned);
  });

  it('a task records its assigning leader; an unknown official is refused', async () => {
    const chairman = demoOfficialId(DEMO_LEADERS.chairman.name);
    const { assignTask } = await client().data<any>(
      `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id assigningOfficial { fullName } } }`,
      {
        input: {
          title: 'Nhiệm vụ do Chủ tịch giao',
          assignedOn: '2025-01-06',
          leadOrganisationId: demoUnitId('SXD'),
          assignedBy: 'CHAIRMAN',
          assignedByOfficialId: chairman,
        },
      },
    );
    expect(assignTask.assigningOfficial).toEqual({ fullName: DEMO_LEADERS.chairman.name });
    const unknown = await client().request(ASSIGN, {
      input: {
        title: 'x',
        assignedOn: '2025-01-06',
        leadOrganisationId: demoUnitId('SXD'),
        assignedByOfficialId: demoUnitId('SXD'),
      },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignedByOfficialId' });
  });
});

describe('working days', () => {
  const ASSIGN_DUE = `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id dueOn originalDueOn deadlineWorkingDays history { action details } } }`;

  it('a deadline of 10 working days from 20 January 2025 skips Tết and falls on 10 February', async () => {
    const { assignTask } = await client().data<any>(ASSIGN_DUE, {
      input: {
        title: 'Báo cáo trong 10 ngày làm việc',
        assignedOn: '2025-01-20',
        deadlineInWorkingDays: 10,
        leadOrganisationId: demoUnitId('SXD'),
      },
    });
    expect(assignTask).toMatchObject({ dueOn: '2025-02-10', originalDueOn: '2025-02-10', deadlineWorkingDays: 10 });
    expect(assignTask.history[0].details).toMatchObject({ dueOn: '2025-02-10', deadlineInWorkingDays: 10 });

    // The due-soon list in working days: from Friday 24 January, the 6th working day is 10 February.
    const due = await client().data<any>(
      `query ($days: Int!) { tasks(filter: { asOf: "2025-01-24", dueWithinWorkingDays: $days, assignedFrom: "2025-01-20", assignedTo: "2025-01-20" }) { edges { node { id } } } }`,
      { days: 6 },
    );
    expect(due.tasks.edges.map((edge: any) => edge.node.id)).toContain(assignTask.id);
    const notYet = await client().data<any>(
      `query ($days: Int!) { tasks(filter: { asOf: "2025-01-24", dueWithinWorkingDays: $days, assignedFrom: "2025-01-20", assignedTo: "2025-01-20" }) { edges { node { id } } } }`,
      { days: 5 },
    );
    expect(notYet.tasks.edges.map((edge: any) => edge.node.id)).not.toContain(assignTask.id);
  });

  it('refuses a year with no holiday calendar, and both a date and working days, writing nothing', async () => {
    const count = async () =>
      (
        await client().data<any>(
          `{ tasks(filter: { assignedFrom: "2019-01-01", assignedTo: "2025-01-31" }) { totalCount } }`,
        )
      ).tasks.totalCount;
    const before = await count();
    const noCalendar = await client().request(ASSIGN_DUE, {
      input: { title: 'x', assignedOn: '2019-03-01', deadlineInWorkingDays: 5, leadOrganisationId: demoUnitId('SXD') },
    });
    expect(noCalendar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noCalendar.errors?.[0]?.message).toMatch(/No public holiday calendar is recorded for 2019/);
    const both = await client().request(ASSIGN_DUE, {
      input: {
        title: 'x',
        assignedOn: '2025-01-20',
        dueOn: '2025-02-01',
        deadlineInWorkingDays: 5,
        leadOrganisationId: demoUnitId('SXD'),
      },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadlineInWorkingDays' });
    expect(await count()).toBe(before);
  });

  it('the office records a year’s holidays; then working days count in it', async () => {
    const { publicHolidays } = await client().data<any>(`{ publicHolidays(year: 2025) { day name } }`);
    expect(publicHolidays.filter((day: any) => day.name === 'Tết Nguyên đán').map((day: any) => day.day)).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
    expect((await client().data<any>(`{ publicHolidays(year: 2019) { day } }`)).publicHolidays).toBeNull();
    await client().data(`mutation ($input: SetPublicHolidaysInput!) { setPublicHolidays(input: $input) { day } }`, {
      input: {
        year: 2019,
        days: [
          { day: '2019-02-04', name: 'Tết Nguyên đán' },
          { day: '2019-02-05', name: 'Tết Nguyên đán' },
          { day: '2019-02-06', name: 'Tết Nguyên đán' },
          { day: '2019-02-07', name: 'Tết Nguyên đán' },
          { day: '2019-02-08', name: 'Tết Nguyên đán' },
        ],
      },
    });
    const { assignTask } = await client().data<any>(ASSIGN_DUE, {
      input: { title: 'x', assignedOn: '2019-02-01', deadlineInWorkingDays: 1, leadOrganisationId: demoUnitId('SXD') },
    });
    expect(assignTask.dueOn).toBe('2019-02-11');
  });
});
