import { addDays, type CalendarDate } from '@giaoviec/shared';
import { PUBLIC_HOLIDAYS, RECORDED_HOLIDAYS } from '../working-days/public-holidays';
import { isWorkingDay } from '../working-days/rules';
import { WorkCalendar, dayNumber } from './demo-calendar';
import { generateLangSon2024To2025 } from './generator';

const d = (text: string) => text as CalendarDate;
const recordedYears = Object.keys(PUBLIC_HOLIDAYS).map(Number);

/** The days of `first..last`, both included. */
function daysFrom(first: string, last: string): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = d(first); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('the demo calendar', () => {
  it('has the working days of the working-day rules, every day of every recorded year', () => {
    const differences: string[] = [];
    for (const year of recordedYears) {
      // A year's calendar covers the years beside it too: compare those that are recorded.
      const calendar = new WorkCalendar(year);
      for (const near of [year - 1, year, year + 1].filter((y) => recordedYears.includes(y))) {
        for (const day of daysFrom(`${near}-01-01`, `${near}-12-31`)) {
          if (calendar.isWorkingDay(dayNumber(day)) !== isWorkingDay(day, RECORDED_HOLIDAYS)) {
            differences.push(`${day} (calendar of ${year})`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('gives Tết 2024 (8–14 February) and Tết 2025 (25 January – 2 February) off, and the swapped days', () => {
    const calendar2024 = new WorkCalendar(2024);
    const calendar2025 = new WorkCalendar(2025);
    const off = (calendar: WorkCalendar, first: string, last: string) =>
      daysFrom(first, last).filter((day) => calendar.isWorkingDay(dayNumber(day)));
    expect(off(calendar2024, '2024-02-08', '2024-02-14')).toEqual([]);
    expect(off(calendar2025, '2024-02-08', '2024-02-14')).toEqual([]);
    expect(off(calendar2025, '2025-01-25', '2025-02-02')).toEqual([]);
    expect(off(calendar2024, '2025-01-25', '2025-02-02')).toEqual([]);
    expect(calendar2024.isWorkingDay(dayNumber('2024-04-29'))).toBe(false); // swapped with Saturday 4 May
    expect(calendar2025.isWorkingDay(dayNumber('2025-05-02'))).toBe(false); // swapped with Saturday 26 April
    expect(calendar2025.isWorkingDay(dayNumber('2025-09-01'))).toBe(false);
    // Around them, the days are worked.
    expect(calendar2024.isWorkingDay(dayNumber('2024-02-07'))).toBe(true);
    expect(calendar2024.isWorkingDay(dayNumber('2024-02-15'))).toBe(true);
    expect(calendar2025.isWorkingDay(dayNumber('2025-01-24'))).toBe(true);
    expect(calendar2025.isWorkingDay(dayNumber('2025-02-03'))).toBe(true);
  });

  it('sets every deadline of the 2024–2025 demo on a working day of the working-day rules', () => {
    const deadlines = generateLangSon2024To2025().flatMap((task) =>
      task.events.flatMap((event) =>
        event.type === 'ASSIGNED' && event.dueOn !== null && !isWorkingDay(event.dueOn, RECORDED_HOLIDAYS)
          ? [event.dueOn]
          : [],
      ),
    );
    expect(deadlines).toEqual([]);
  });
});
