import type { CalendarDate } from '@giaoviec/shared';
import { PUBLIC_HOLIDAYS, RECORDED_HOLIDAYS as calendar } from './public-holidays';
import { addWorkingDays, holidayCalendar, isWeekend, isWorkingDay } from './rules';

const d = (text: string) => text as CalendarDate;

describe('working days', () => {
  it('knows weekends from the date alone', () => {
    expect(isWeekend(d('2025-01-25'))).toBe(true); // Saturday
    expect(isWeekend(d('2025-01-26'))).toBe(true);
    expect(isWeekend(d('2025-01-27'))).toBe(false);
  });

  it('skips Tết 2025 (25 January to 2 February)', () => {
    // Monday 20 January + 10 working days: 21–24 January (4), Tết, 3–7 February (9), 10 February (10).
    expect(addWorkingDays(d('2025-01-20'), 10, calendar)).toBe('2025-02-10');
    // Friday 24 January + 1: the next working day is Monday 3 February.
    expect(addWorkingDays(d('2025-01-24'), 1, calendar)).toBe('2025-02-03');
  });

  it('skips Tết 2017 and the compensating day of 2 January', () => {
    expect(addWorkingDays(d('2016-12-30'), 1, holidayCalendar([2016, 2017], calendar.get(2017)!))).toBe('2017-01-03');
    expect(addWorkingDays(d('2017-01-25'), 1, calendar)).toBe('2017-02-02');
  });

  it('counts across the 30 April – 2 September holidays', () => {
    expect(addWorkingDays(d('2025-04-29'), 1, calendar)).toBe('2025-05-05');
    expect(addWorkingDays(d('2025-08-29'), 1, calendar)).toBe('2025-09-03');
  });

  it('refuses a year with no recorded calendar, and counts outside 1 to 366', () => {
    expect(() => isWorkingDay(d('2019-03-01'), calendar)).toThrow(/No public holiday calendar is recorded for 2019/);
    expect(() => addWorkingDays(d('2025-12-24'), 0, calendar)).toThrow(/between 1 and 366/);
  });

  it('has no holiday on a weekend listed, and Tết in every year', () => {
    for (const [year, days] of Object.entries(PUBLIC_HOLIDAYS)) {
      for (const [day] of days) {
        expect(day.startsWith(year)).toBe(true);
        expect(isWeekend(d(day))).toBe(false);
      }
      expect(days.filter(([, name]) => name === 'Tết Nguyên đán').length).toBeGreaterThanOrEqual(4);
    }
  });
});
