import type { CalendarDate } from '../dates';

/**
 * The words of the report: numbers, dates and sentences in the style of Vietnamese administrative
 * reports (báo cáo), from the API's figures alone.
 */

/** `dd/mm/yyyy`, as Vietnamese documents write a date. */
export function viDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

const integer = new Intl.NumberFormat('vi-VN');
const percent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A whole number with Vietnamese grouping (`1.234`). */
export function viNumber(value: number): string {
  return integer.format(value);
}

/** A rate (a fraction) as a percentage with a comma decimal (`79,1%`); a dash when there is none. */
export function viPercent(rate: number | null): string {
  return rate === null ? '–' : percent.format(rate);
}

/** The four buckets of a unit's or the province's figures. */
export interface Buckets {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  inProgressWithinDeadline: number;
  inProgressOverdue: number;
}

const tasks = (count: number) => `${viNumber(count)} nhiệm vụ`;

/** What was completed, on time and late; parts with no task are left out. */
function completedClause(figures: Buckets): string {
  const completed = figures.completedOnTime + figures.completedLate;
  // At least one: `nothingCompletedClause` says the rest.
  if (figures.completedLate === 0)
    return completed === 1
      ? 'đã hoàn thành 1 nhiệm vụ đúng thời hạn'
      : `đã hoàn thành ${tasks(completed)}, tất cả đúng thời hạn`;
  if (figures.completedOnTime === 0)
    return completed === 1
      ? 'đã hoàn thành 1 nhiệm vụ quá thời hạn'
      : `đã hoàn thành ${tasks(completed)}, tất cả quá thời hạn`;
  return `đã hoàn thành ${tasks(figures.completedOnTime)} đúng thời hạn, ${tasks(figures.completedLate)} quá thời hạn`;
}

/** When none is completed: all of them open, within the deadline, overdue, or some of each. */
function nothingCompletedClause(figures: Buckets): string {
  const one = figures.assigned === 1;
  if (figures.inProgressOverdue === 0)
    return one ? 'chưa hoàn thành, đang trong thời hạn' : 'đều chưa hoàn thành và đang trong thời hạn';
  if (figures.inProgressWithinDeadline === 0)
    return one ? 'chưa hoàn thành, đã quá hạn' : 'đều chưa hoàn thành và đã quá hạn';
  return `đều chưa hoàn thành, trong đó ${tasks(figures.inProgressOverdue)} quá hạn`;
}

/** What is not completed yet, and how much of it is overdue. */
function openClause(figures: Buckets): string {
  const open = figures.inProgressWithinDeadline + figures.inProgressOverdue;
  if (open === 0) return 'không còn nhiệm vụ nào chưa hoàn thành';
  const overdue = figures.inProgressOverdue;
  if (overdue === 0) return `${tasks(open)} chưa hoàn thành, đang trong thời hạn`;
  if (overdue === open)
    return open === 1 ? '1 nhiệm vụ chưa hoàn thành, đã quá hạn' : `${tasks(open)} chưa hoàn thành, đều đã quá hạn`;
  return `${tasks(open)} chưa hoàn thành, trong đó ${tasks(overdue)} quá hạn`;
}

/**
 * The sentence of the report for one subject (a unit, or "các cơ quan, đơn vị" for the province):
 * "Tính từ ngày 01/01/2017 đến ngày 15/10/2017, Sở Xây dựng được giao 134 nhiệm vụ; đã hoàn thành
 * 106 nhiệm vụ đúng thời hạn, 21 nhiệm vụ quá thời hạn; 7 nhiệm vụ chưa hoàn thành, trong đó 3
 * nhiệm vụ quá hạn." Zero and one read as Vietnamese says them.
 */
export function figuresSentence(
  subject: string,
  period: { from: CalendarDate; to: CalendarDate },
  figures: Buckets,
): string {
  const since = `Tính từ ngày ${viDate(period.from)} đến ngày ${viDate(period.to)}`;
  if (figures.assigned === 0) return `${since}, ${subject} không được giao nhiệm vụ nào.`;
  if (figures.completedOnTime + figures.completedLate === 0)
    return `${since}, ${subject} được giao ${tasks(figures.assigned)}, ${nothingCompletedClause(figures)}.`;
  return `${since}, ${subject} được giao ${tasks(figures.assigned)}; ${completedClause(figures)}; ${openClause(figures)}.`;
}

/** "(số liệu tính đến ngày …)" when the figures are as of another day than the period's end. */
export function asOfNote(period: { to: CalendarDate; asOf: CalendarDate }): string | null {
  return period.asOf === period.to ? null : `Số liệu tính đến ngày ${viDate(period.asOf)}.`;
}
