import { addDays } from '@giaoviec/shared';
import { reportingPeriod, type ReportingCycle } from './reporting-period';

const window = (from: string, to: string) => ({ from, to });

describe('reportingPeriod (Decree 09/2019/NĐ-CP, Article 12)', () => {
  it.each([
    [1, window('2016-12-15', '2017-01-14')],
    [2, window('2017-01-15', '2017-02-14')],
    [3, window('2017-02-15', '2017-03-14')],
    [4, window('2017-03-15', '2017-04-14')],
    [5, window('2017-04-15', '2017-05-14')],
    [6, window('2017-05-15', '2017-06-14')],
    [7, window('2017-06-15', '2017-07-14')],
    [8, window('2017-07-15', '2017-08-14')],
    [9, window('2017-08-15', '2017-09-14')],
    [10, window('2017-09-15', '2017-10-14')],
    [11, window('2017-10-15', '2017-11-14')],
    [12, window('2017-11-15', '2017-12-14')],
  ])('MONTH %i of 2017 is %o', (index, expected) => {
    expect(reportingPeriod('MONTH', 2017, index)).toEqual(expected);
  });

  it.each([
    [1, window('2016-12-15', '2017-03-14')],
    [2, window('2017-03-15', '2017-06-14')],
    [3, window('2017-06-15', '2017-09-14')],
    [4, window('2017-09-15', '2017-12-14')],
  ])('QUARTER %i of 2017 is %o', (index, expected) => {
    expect(reportingPeriod('QUARTER', 2017, index)).toEqual(expected);
  });

  it('HALF_YEAR and YEAR start on 15 December of the year before', () => {
    expect(reportingPeriod('HALF_YEAR', 2017, null)).toEqual(window('2016-12-15', '2017-06-14'));
    expect(reportingPeriod('YEAR', 2017, undefined)).toEqual(window('2016-12-15', '2017-12-14'));
  });

  it('the windows of a year follow each other without gap or overlap, across the year boundary', () => {
    for (const [cycle, count] of [
      ['MONTH', 12],
      ['QUARTER', 4],
    ] as const) {
      const windows = [2024, 2025].flatMap((year) =>
        Array.from({ length: count }, (_, index) => reportingPeriod(cycle, year, index + 1)),
      );
      for (let i = 1; i < windows.length; i++) {
        expect([cycle, i, windows[i]!.from]).toEqual([cycle, i, addDays(windows[i - 1]!.to, 1)]);
      }
    }
    expect(reportingPeriod('YEAR', 2025, null).from).toBe('2024-12-15');
    expect(reportingPeriod('MONTH', 2025, 1).from).toBe('2024-12-15');
  });

  it('a four-digit year is written with four digits', () => {
    expect(reportingPeriod('MONTH', 1901, 1)).toEqual(window('1900-12-15', '1901-01-14'));
    expect(reportingPeriod('YEAR', 9999, null)).toEqual(window('9998-12-15', '9999-12-14'));
  });

  const refusal = (cycle: ReportingCycle, year: number, index: number | null) => {
    try {
      reportingPeriod(cycle, year, index);
    } catch (error) {
      const { code, field } = (error as { extensions: { code: string; field: string } }).extensions;
      return { code, field };
    }
    return 'accepted';
  };

  it.each([
    ['MONTH', 2017, null, 'index'],
    ['MONTH', 2017, 0, 'index'],
    ['MONTH', 2017, 13, 'index'],
    ['QUARTER', 2017, null, 'index'],
    ['QUARTER', 2017, 0, 'index'],
    ['QUARTER', 2017, 5, 'index'],
    ['QUARTER', 2017, 2.5, 'index'],
    ['HALF_YEAR', 2017, 1, 'index'],
    ['YEAR', 2017, 1, 'index'],
    ['YEAR', 1900, null, 'year'],
    ['MONTH', 10000, 1, 'year'],
  ] as const)('%s %i index %p is BAD_USER_INPUT on %s', (cycle, year, index, field) => {
    expect(refusal(cycle, year, index)).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});
