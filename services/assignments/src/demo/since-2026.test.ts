import { demoUnitsOn, type CalendarDate } from '@giaoviec/shared';
import { taskFacts } from '../task/deadline';
import { generateLangSonSince2026 } from './generator';
import { historyProblems } from './history-check';
import { demoToday } from './load-demo-tasks';

const day = (text: string) => text as CalendarDate;

describe('the demo from 2026 to the day it is first loaded', () => {
  it('has nothing before 2026', () => {
    expect(generateLangSonSince2026(day('2025-12-31'))).toEqual([]);
  });

  it('reaches that day with current work, by the units of the new structure, the same for the same day', () => {
    const today = day('2026-03-10');
    const tasks = generateLangSonSince2026(today);
    expect(tasks.length).toBeGreaterThan(100);
    const assigned = tasks.map((task) => task.events[0]!.on);
    expect(assigned.every((on) => on >= '2026-01-01' && on <= today)).toBe(true);
    // Tasks assigned in the last fortnight, and tasks still open on the day.
    expect(assigned.filter((on) => on >= '2026-02-25').length).toBeGreaterThan(5);
    expect(tasks.filter((task) => taskFacts(task.events).completedOn === null).length).toBeGreaterThan(20);
    expect(tasks.flatMap((task) => task.events).every((event) => event.on <= today)).toBe(true);
    const units = new Set(demoUnitsOn('2026-01-01').map((unit) => unit.code));
    expect(tasks.every((task) => units.has(task.leadCode))).toBe(true);
    expect(tasks.filter((task) => historyProblems(task.events, today).length > 0)).toEqual([]);
    expect(generateLangSonSince2026(today).map((task) => task.id)).toEqual(tasks.map((task) => task.id));
  });

  it('crosses into the next year', () => {
    const tasks = generateLangSonSince2026(day('2027-01-20'));
    expect(tasks.some((task) => task.events[0]!.on.startsWith('2027-'))).toBe(true);
    expect(tasks.some((task) => task.events[0]!.on.startsWith('2026-12'))).toBe(true);
  });

  it('DEMO_TODAY pins the day; a bad one stops the start', () => {
    expect(demoToday({ DEMO_TODAY: '2026-03-10' })).toBe('2026-03-10');
    expect(() => demoToday({ DEMO_TODAY: '10/03/2026' })).toThrow(/DEMO_TODAY/);
    expect(demoToday({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
