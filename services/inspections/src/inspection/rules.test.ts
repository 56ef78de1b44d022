import { refusal, type CalendarDate } from '@giaoviec/shared';
import { checkInspectionDates, cleanTextList } from './rules';

const d = (text: string) => text as CalendarDate;
const today = d('2017-12-31');

describe('inspection rules', () => {
  it('accepts an inspection after its period, on its last day too', () => {
    expect(
      refusal(() =>
        checkInspectionDates(
          { periodFrom: d('2017-01-01'), periodTo: d('2017-10-15'), inspectedOn: d('2017-10-19') },
          today,
        ),
      ),
    ).toBe('accepted');
    expect(
      refusal(() =>
        checkInspectionDates(
          { periodFrom: d('2017-10-15'), periodTo: d('2017-10-15'), inspectedOn: d('2017-10-15') },
          today,
        ),
      ),
    ).toBe('accepted');
  });

  it('refuses a period ending before it starts, an inspection inside its period, one in the future', () => {
    expect(
      refusal(() =>
        checkInspectionDates(
          { periodFrom: d('2017-10-15'), periodTo: d('2017-01-01'), inspectedOn: d('2017-10-19') },
          today,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'periodTo']);
    expect(
      refusal(() =>
        checkInspectionDates(
          { periodFrom: d('2017-01-01'), periodTo: d('2017-10-15'), inspectedOn: d('2017-10-14') },
          today,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'inspectedOn']);
    expect(
      refusal(() =>
        checkInspectionDates(
          { periodFrom: d('2017-01-01'), periodTo: d('2017-10-15'), inspectedOn: d('2018-01-01') },
          today,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'inspectedOn']);
  });

  it('bounds lists of texts', () => {
    expect(cleanTextList([' Kết luận một ', 'Hai'], 'conclusions', { min: 1, max: 3 })).toEqual([
      'Kết luận một',
      'Hai',
    ]);
    expect(refusal(() => cleanTextList([], 'conclusions', { min: 1, max: 3 }))).toEqual([
      'BAD_USER_INPUT',
      'conclusions',
    ]);
    expect(refusal(() => cleanTextList(['a', 'b', 'c', 'd'], 'conclusions', { min: 1, max: 3 }))).toEqual([
      'BAD_USER_INPUT',
      'conclusions',
    ]);
    expect(refusal(() => cleanTextList(['ok', '  '], 'conclusions', { min: 1, max: 3 }))).toEqual([
      'BAD_USER_INPUT',
      'conclusions',
    ]);
    expect(cleanTextList([], 'recommendations', { min: 0, max: 3 })).toEqual([]);
  });
});
