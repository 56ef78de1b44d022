import { PUBLIC_HOLIDAYS } from '@giaoviec/assignments';
import { LANG_SON_DIVISIONS_2017, LANG_SON_UNITS_2017, demoUnitId } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

const INTERNAL = contractOperation('coordination.graphql', 'InternalCompliance');
const COORDINATION = contractOperation('coordination.graphql', 'CoordinationFigures');
const QUALITY = contractOperation('coordination.graphql', 'QualityAndWithdrawals');

/** The demo data tells the story of the real inspection, from the data alone. */
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const PROVINCE = contractOperation('compliance.graphql', 'ProvinceCompliance');
const OVERDUE = contractOperation('tasks.graphql', 'OverdueTasks');
const TASK = contractOperation('tasks.graphql', 'Task');

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the Lạng Sơn 2017 demo', () => {
  it('the Department of Construction delegates to its divisions, and its coordinators contribute on time and late', async () => {
    const period = { from: '2017-11-01', to: '2017-11-30', asOf: '2018-01-31' };
    const { organisation } = await stack.gateway.client.data<any>(INTERNAL, { id: demoUnitId('SXD'), ...period });
    const byCode = Object.fromEntries(
      organisation.divisions.map((division: any) => [division.code, division.compliance]),
    );
    expect(byCode).toEqual({
      'SXD-HTKT': {
        assigned: 1,
        completedOnTime: 0,
        completedLate: 0,
        inProgressWithinDeadline: 0,
        inProgressOverdue: 1,
      },
      'SXD-QHKT': {
        assigned: 1,
        completedOnTime: 0,
        completedLate: 1,
        inProgressWithinDeadline: 0,
        inProgressOverdue: 0,
      },
      'SXD-QLXD': {
        assigned: 1,
        completedOnTime: 1,
        completedLate: 0,
        inProgressWithinDeadline: 0,
        inProgressOverdue: 0,
      },
    });
    const { organisations } = await stack.gateway.client.data<any>(COORDINATION, { ...period, kinds: ['DEPARTMENT'] });
    const record = (code: string) => organisations.find((unit: any) => unit.code === code).coordinationCompliance;
    expect(record('SKHDT').contributedOnTime).toBeGreaterThanOrEqual(1);
    expect(record('STNMT').contributedLate).toBeGreaterThanOrEqual(1);
    expect(record('STC').pendingOverdue).toBeGreaterThanOrEqual(1);
    const quality = await stack.gateway.client.data<any>(QUALITY, { ...period, kinds: ['DEPARTMENT'] });
    expect(quality.organisations.find((unit: any) => unit.code === 'SXD').compliance).toMatchObject({
      qualityRated: 1,
      averageQuality: 5,
    });
  });

  it('the Department of Construction, 2017-01-01 to 2017-10-15: 134 assigned, 106 on time, 21 late, 7 not completed', async () => {
    const { organisations } = await stack.gateway.client.data<any>(LEADERSHIP, {
      kinds: ['DEPARTMENT'],
      from: '2017-01-01',
      to: '2017-10-15',
      asOf: '2017-10-15',
    });
    const construction = organisations.find((unit: any) => unit.code === 'SXD');
    expect(construction.name).toBe('Sở Xây dựng');
    const figures = construction.compliance;
    expect(figures).toMatchObject({ assigned: 134, completedOnTime: 106, completedLate: 21 });
    expect(figures.inProgressWithinDeadline + figures.inProgressOverdue).toBe(7);
    expect(figures.withoutDeadline).toBeGreaterThan(0);
    // Every department of 2017 has tasks (those created in 2025 have none then), and the figures
    // differ from unit to unit.
    const of2017 = new Set(LANG_SON_UNITS_2017.map((unit) => unit.code));
    for (const unit of organisations) {
      if (of2017.has(unit.code)) expect(unit.compliance.assigned).toBeGreaterThan(0);
      else expect(unit.compliance.assigned).toBe(0);
    }
    expect(new Set(organisations.map((unit: any) => unit.compliance.assigned)).size).toBeGreaterThan(3);
  });

  it('province totals are the sum of the units', async () => {
    const vars = { from: '2017-01-01', to: '2017-12-31', asOf: '2017-12-31' };
    const { organisations } = await stack.gateway.client.data<any>(LEADERSHIP, vars);
    const { complianceSummary } = await stack.gateway.client.data<any>(PROVINCE, vars);
    // Divisions count only the sub-tasks delegated to them, which no province figure counts.
    const divisions = new Set(LANG_SON_DIVISIONS_2017.map((unit) => unit.code));
    const sum = (field: string) =>
      organisations
        .filter((unit: any) => !divisions.has(unit.code))
        .reduce((total: number, unit: any) => total + unit.compliance[field], 0);
    for (const field of [
      'assigned',
      'completedOnTime',
      'completedLate',
      'inProgressWithinDeadline',
      'inProgressOverdue',
      'withoutDeadline',
    ]) {
      expect([field, complianceSummary.totals[field]]).toEqual([field, sum(field)]);
    }
  });

  it('the overdue work of the department as of 2017-10-15 is listed, and each task joins its unit', async () => {
    const { tasks } = await stack.gateway.client.data<any>(OVERDUE, {
      organisationId: demoUnitId('SXD'),
      asOf: '2017-10-15',
      first: 50,
    });
    expect(tasks.totalCount).toBeGreaterThan(0);
    const { task } = await stack.gateway.client.data<any>(TASK, { id: tasks.edges[0].node.id });
    expect(task.leadOrganisation).toEqual({ id: demoUnitId('SXD'), code: 'SXD', name: 'Sở Xây dựng' });
    expect(task.history[0].action).toBe('ASSIGNED');
  });
});

describe('the follow-up of the 2017 demo', () => {
  const FIGURES = contractOperation('follow-up.graphql', 'FollowUpFigures');
  const FOLLOW_UP = contractOperation('follow-up.graphql', 'TaskFollowUp');
  const RUN = contractOperation('follow-up.graphql', 'RunDailyReminders');

  it('the days of 2017 were run over the demo: reminders for every department, explanations of the Department of Construction', async () => {
    const { organisations } = await stack.gateway.client.data<any>(FIGURES, {
      kinds: ['DEPARTMENT'],
      from: '2017-01-01',
      to: '2017-12-31',
    });
    const construction = organisations.find((unit: any) => unit.code === 'SXD').followUp;
    expect(construction.reminders).toBeGreaterThan(0);
    expect(construction.explanationsRequested).toBeGreaterThan(0);
    // Those made in the last week of December still await an answer as of 31 December.
    expect(construction.explanationsRequested).toBeGreaterThanOrEqual(
      construction.explanationsAnsweredOnTime +
        construction.explanationsAnsweredLate +
        construction.explanationsOverdue,
    );
    for (const count of [construction.explanationsAnsweredOnTime, construction.explanationsAnsweredLate])
      expect(count).toBeGreaterThan(0);
    const others = organisations.filter((unit: any) => unit.code !== 'SXD');
    expect(others.some((unit: any) => unit.followUp.reminders > 0)).toBe(true);
    expect(others.every((unit: any) => unit.followUp.explanationsRequested === 0)).toBe(true);
  });

  it('an overdue task of the department shows its reminders and its request; running a day of 2017 again creates nothing', async () => {
    const { tasks } = await stack.gateway.client.data<any>(OVERDUE, {
      organisationId: demoUnitId('SXD'),
      asOf: '2017-10-15',
      first: 1,
    });
    const [edge] = tasks.edges;
    const { task } = await stack.gateway.client.data<any>(FOLLOW_UP, { id: edge.node.id });
    expect(task.reminders.map((reminder: any) => reminder.kind)).toContain('OVERDUE');
    expect(task.explanations).toHaveLength(1);
    const again = await stack.gateway.client.data<any>(RUN, { on: '2017-10-16' });
    expect(again.runDailyReminders).toEqual({ on: '2017-10-16', created: 0, calendarRecorded: true });
  });
});

describe('the demo’s working days', () => {
  it('are those of the holidays the service serves, every recorded year (Tết 2024 among them)', async () => {
    for (const [year, days] of Object.entries(PUBLIC_HOLIDAYS)) {
      const { publicHolidays } = await stack.gateway.client.data<any>(
        `query ($year: Int!) { publicHolidays(year: $year) { day name } }`,
        { year: Number(year) },
      );
      const recorded = days.map(([day, name]) => ({ day, name })).sort((a, b) => a.day.localeCompare(b.day));
      expect([year, publicHolidays]).toEqual([year, recorded]);
    }
    const { publicHolidays } = await stack.gateway.client.data<any>(`{ publicHolidays(year: 2024) { day name } }`);
    expect(publicHolidays.filter((day: any) => day.name === 'Tết Nguyên đán').map((day: any) => day.day)).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
  });
});
