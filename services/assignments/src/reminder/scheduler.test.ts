import type { CalendarDate } from '@giaoviec/shared';
import { dailyRunAt, lastDueDay, nextDayToRun } from './scheduler';

const d = (text: string) => text as CalendarDate;

describe('the daily reminder job', () => {
  it('runs at 07:00 in Asia/Ho_Chi_Minh (00:00 UTC)', () => {
    expect(dailyRunAt(d('2025-03-10')).toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it.each([
    ['2025-03-09T23:59:59Z', '2025-03-09'], // 06:59:59 local on the 10th: the 10th is not due yet
    ['2025-03-10T00:00:00Z', '2025-03-10'],
    ['2025-03-10T16:59:59Z', '2025-03-10'], // 23:59 local
    ['2025-03-10T17:00:00Z', '2025-03-10'], // 00:00 local on the 11th: the 11th is not due before 07:00
  ])('at %s the last day due is %s', (now, day) => {
    expect(lastDueDay(new Date(now))).toBe(day);
  });

  it.each([
    [null, '2025-03-10', '2025-03-10', '2025-03-10'], // a fresh database starts with today
    [null, '2025-03-09', '2025-03-10', null], // ... once today is due
    ['2025-03-07', '2025-03-10', '2025-03-10', '2025-03-08'], // catches up each missed day in order
    ['2025-03-10', '2025-03-10', '2025-03-10', null],
  ])('last run %p, due up to %s, today %s: next %p', (last, upTo, today, next) => {
    expect(nextDayToRun(last === null ? null : d(last), d(upTo), d(today))).toBe(next);
  });
});
