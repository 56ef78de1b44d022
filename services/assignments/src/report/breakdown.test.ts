import type { CalendarDate } from '@giaoviec/shared';
import { NO_COUNTS } from '../compliance/rules';
import {
  breakdownDimensions,
  breakdownLabel,
  breakdownValue,
  compareValues,
  daysBetween,
  daysOverdue,
  mergeGroups,
  overdueAge,
  type BreakdownTask,
} from './breakdown';

const d = (s: string) => s as CalendarDate;
const task = (overrides: Partial<BreakdownTask> = {}): BreakdownTask => ({
  assignedOn: d('2017-03-01'),
  originalDueOn: d('2017-03-31'),
  approvedExtensions: [],
  completedOn: null,
  withdrawnOn: null,
  leadUnitId: 'unit-a',
  assignerKind: 'CHAIRMAN',
  priority: 'KEY',
  documentKind: null,
  ...overrides,
});

describe('breakdown rules', () => {
  it('OVERDUE_AGE groups by calendar days past the deadline in force, at the bounds', () => {
    expect([1, 30, 31, 90, 91, 180, 181, 1000].map(overdueAge)).toEqual([
      'D1_30',
      'D1_30',
      'D31_90',
      'D31_90',
      'D91_180',
      'D91_180',
      'OVER_180',
      'OVER_180',
    ]);
    expect(daysBetween(d('2016-12-31'), d('2017-03-01'))).toBe(60);
    const open = task();
    expect(breakdownValue('OVERDUE_AGE', open, d('2017-03-31'))).toBe('NOT_OVERDUE');
    expect(breakdownValue('OVERDUE_AGE', open, d('2017-04-01'))).toBe('D1_30');
    expect(breakdownValue('OVERDUE_AGE', open, d('2017-04-30'))).toBe('D1_30');
    expect(breakdownValue('OVERDUE_AGE', open, d('2017-05-01'))).toBe('D31_90');
    // An extension approved before the date moves the deadline the age counts from.
    const extended = task({ approvedExtensions: [{ decidedOn: d('2017-03-20'), newDueOn: d('2017-04-30') }] });
    expect(breakdownValue('OVERDUE_AGE', extended, d('2017-05-01'))).toBe('D1_30');
    // Completed late is not overdue: it is done.
    expect(breakdownValue('OVERDUE_AGE', task({ completedOn: d('2017-04-10') }), d('2017-05-01'))).toBe('NOT_OVERDUE');
    expect(breakdownValue('OVERDUE_AGE', task({ originalDueOn: null }), d('2018-01-01'))).toBe('NOT_OVERDUE');
  });

  it('daysOverdue: null unless in progress overdue on the date', () => {
    expect(daysOverdue(task(), d('2017-03-31'))).toBeNull();
    expect(daysOverdue(task(), d('2017-04-10'))).toBe(10);
    expect(daysOverdue(task({ completedOn: d('2017-04-05') }), d('2017-04-10'))).toBeNull();
    expect(daysOverdue(task({ withdrawnOn: d('2017-04-05') }), d('2017-04-10'))).toBeNull();
  });

  it('values of the other dimensions', () => {
    const t = task({ documentKind: 'PLAN' });
    expect(
      (['LEAD_UNIT', 'UNIT_KIND', 'ASSIGNER', 'PRIORITY', 'DOCUMENT_KIND', 'ASSIGNED_MONTH'] as const).map((dim) =>
        breakdownValue(dim, t, d('2017-04-01')),
      ),
    ).toEqual(['unit-a', 'unit-a', 'CHAIRMAN', 'KEY', 'PLAN', '2017-03']);
    expect(breakdownValue('DOCUMENT_KIND', task(), d('2017-04-01'))).toBe('NONE');
  });

  it('one or two distinct dimensions, else BAD_USER_INPUT on by', () => {
    expect(breakdownDimensions(['PRIORITY', 'LEAD_UNIT'])).toEqual(['PRIORITY', 'LEAD_UNIT']);
    for (const by of [[], ['PRIORITY', 'LEAD_UNIT', 'ASSIGNER'], ['PRIORITY', 'PRIORITY']] as const) {
      expect(() => breakdownDimensions(by)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'by' } }),
      );
    }
  });

  it('labels in Vietnamese', () => {
    const none = () => undefined;
    expect(breakdownLabel('ASSIGNED_MONTH', '2017-03', none)).toBe('Tháng 03/2017');
    expect(breakdownLabel('PRIORITY', 'AD_HOC', none)).toBe('Nhiệm vụ đột xuất');
    expect(breakdownLabel('OVERDUE_AGE', 'OVER_180', none)).toBe('Quá hạn trên 180 ngày');
    expect(breakdownLabel('UNIT_KIND', 'DEPARTMENT', none)).toBe('Sở, ban, ngành');
    expect(breakdownLabel('UNIT_KIND', 'DIVISION', none)).toBe('Phòng, ban thuộc đơn vị');
    // A kind the organisations subgraph adds later is labelled by its value.
    expect(breakdownLabel('UNIT_KIND', 'NEW_KIND', none)).toBe('NEW_KIND');
    expect(breakdownLabel('LEAD_UNIT', 'x', () => 'Sở Xây dựng')).toBe('Sở Xây dựng');
  });

  it('units sort by Vietnamese rules: Đ between D and E', () => {
    const names = ['Sở Y tế', 'Đình Lập', 'Em', 'Dân tộc', 'Bắc Sơn', 'Zeta', 'Ân'];
    const sorted = names
      .map((label) => ({ value: label, label }))
      .sort((a, b) => compareValues('LEAD_UNIT', a, b))
      .map((unit) => unit.label);
    expect(sorted).toEqual(['Ân', 'Bắc Sơn', 'Dân tộc', 'Đình Lập', 'Em', 'Sở Y tế', 'Zeta']);
  });

  it('enumerations sort in their order, unknown values last', () => {
    const ages = ['NOT_OVERDUE', 'OVER_180', 'D1_30'].map((value) => ({ value, label: value }));
    expect(ages.sort((a, b) => compareValues('OVERDUE_AGE', a, b)).map((age) => age.value)).toEqual([
      'D1_30',
      'OVER_180',
      'NOT_OVERDUE',
    ]);
  });

  it('merging units into kinds adds their counts', () => {
    const counts = (n: number) => ({ ...NO_COUNTS, completedOnTime: n, withoutDeadline: 1 });
    const merged = mergeGroups(
      [
        { values: ['a', 'KEY'], counts: counts(1) },
        { values: ['b', 'KEY'], counts: counts(2) },
        { values: ['c', 'KEY'], counts: counts(4) },
      ],
      (value, i) => (i === 0 ? (value === 'c' ? 'COMMUNE' : 'DEPARTMENT') : value),
    );
    expect(merged).toEqual([
      { values: ['DEPARTMENT', 'KEY'], counts: { ...NO_COUNTS, completedOnTime: 3, withoutDeadline: 2 } },
      { values: ['COMMUNE', 'KEY'], counts: { ...NO_COUNTS, completedOnTime: 4, withoutDeadline: 1 } },
    ]);
  });
});
