import { BadUserInputError, type CalendarDate } from '@giaoviec/shared';
import { complianceBucket, sumFigures, type ComplianceCounts } from '../compliance/rules';
import { deadlineInForce, type TaskFacts } from '../task/deadline';
import type { AssignerKind, DocumentKind, TaskPriority } from '../task/task-history';

/** What `complianceBreakdown` can group by (RULES.md, Breakdowns). */
export const BREAKDOWN_DIMENSIONS = [
  'LEAD_UNIT',
  'UNIT_KIND',
  'ASSIGNER',
  'PRIORITY',
  'DOCUMENT_KIND',
  'ASSIGNED_MONTH',
  'OVERDUE_AGE',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** The groups of `OVERDUE_AGE`, youngest first; every task not overdue as of the date is `NOT_OVERDUE`. */
export const OVERDUE_AGES = ['D1_30', 'D31_90', 'D91_180', 'OVER_180', 'NOT_OVERDUE'] as const;
export type OverdueAge = (typeof OVERDUE_AGES)[number];

/** The value of `DOCUMENT_KIND` for a task that records no source document. */
export const NO_DOCUMENT = 'NONE';

/** The dimensions of a request, checked: one or two, not the same twice. */
export function breakdownDimensions(by: readonly BreakdownDimension[]): BreakdownDimension[] {
  if (by.length < 1 || by.length > 2) throw new BadUserInputError('by must name one or two dimensions', 'by');
  if (new Set(by).size !== by.length) throw new BadUserInputError('by names the same dimension twice', 'by');
  return [...by];
}

/** The `OVERDUE_AGE` group of a task overdue by `days` calendar days (at least 1). */
export function overdueAge(days: number): OverdueAge {
  return days <= 30 ? 'D1_30' : days <= 90 ? 'D31_90' : days <= 180 ? 'D91_180' : 'OVER_180';
}

/** Calendar days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const utc = (date: CalendarDate) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Calendar days a task in progress is past its deadline in force on `asOf`; null when it is not overdue then. */
export function daysOverdue(task: TaskFacts, asOf: CalendarDate): number | null {
  if (complianceBucket(task, asOf) !== 'IN_PROGRESS_OVERDUE') return null;
  return daysBetween(deadlineInForce(task, asOf)!, asOf);
}

/** What a task's groups depend on: its facts and the fields the dimensions read. */
export interface BreakdownTask extends TaskFacts {
  /** The unit that led it on the figures' date. */
  leadUnitId: string;
  assignerKind: AssignerKind;
  priority: TaskPriority;
  documentKind: DocumentKind | null;
}

/**
 * The reference for the SQL (breakdown.sql.ts): the value of a counted task for a dimension, as of
 * a date. `UNIT_KIND` is the lead unit's id here: the kind is the organisations subgraph's, and
 * the groups of units are merged into kinds afterwards (`mergeGroups`).
 */
export function breakdownValue(dimension: BreakdownDimension, task: BreakdownTask, asOf: CalendarDate): string {
  switch (dimension) {
    case 'LEAD_UNIT':
    case 'UNIT_KIND':
      return task.leadUnitId;
    case 'ASSIGNER':
      return task.assignerKind;
    case 'PRIORITY':
      return task.priority;
    case 'DOCUMENT_KIND':
      return task.documentKind ?? NO_DOCUMENT;
    case 'ASSIGNED_MONTH':
      return task.assignedOn.slice(0, 7);
    case 'OVERDUE_AGE': {
      const days = daysOverdue(task, asOf);
      return days === null ? 'NOT_OVERDUE' : overdueAge(days);
    }
  }
}

/** The groups of counted tasks by the values of some dimensions; the key is the values joined by `|`. */
export interface Group {
  values: string[];
  counts: ComplianceCounts;
}

/** Groups whose values become equal (units mapped to their kind) added up into one, in first-seen order. */
export function mergeGroups(groups: readonly Group[], map: (value: string, position: number) => string): Group[] {
  const merged = new Map<string, { values: string[]; parts: ComplianceCounts[] }>();
  for (const group of groups) {
    const values = group.values.map(map);
    const key = values.join('|');
    const entry = merged.get(key);
    if (entry) entry.parts.push(group.counts);
    else merged.set(key, { values, parts: [group.counts] });
  }
  return [...merged.values()].map(({ values, parts }) => ({ values, counts: countsOf(sumFigures(parts)) }));
}

/** The counts of some figures, without what is derived from them. */
export function countsOf(figures: ComplianceCounts): ComplianceCounts {
  const { completedOnTime, completedLate, inProgressWithinDeadline, inProgressOverdue, withoutDeadline } = figures;
  const { withdrawn, qualityRated, qualitySum } = figures;
  return {
    completedOnTime,
    completedLate,
    inProgressWithinDeadline,
    inProgressOverdue,
    withoutDeadline,
    withdrawn,
    qualityRated,
    qualitySum,
  };
}

const PRIORITY_LABELS: Record<TaskPriority, string> = {
  KEY: 'Nhiệm vụ trọng tâm',
  ROUTINE: 'Nhiệm vụ thường xuyên',
  AD_HOC: 'Nhiệm vụ đột xuất',
};
const ASSIGNER_LABELS: Record<AssignerKind, string> = {
  PEOPLES_COMMITTEE: 'UBND tỉnh',
  CHAIRMAN: 'Chủ tịch UBND tỉnh',
  VICE_CHAIRMAN: 'Phó Chủ tịch UBND tỉnh',
};
const DOCUMENT_LABELS: Record<DocumentKind | typeof NO_DOCUMENT, string> = {
  DECISION: 'Quyết định',
  PLAN: 'Kế hoạch',
  NOTICE: 'Thông báo',
  CONCLUSION_NOTICE: 'Thông báo kết luận',
  OFFICIAL_LETTER: 'Công văn',
  DIRECTIVE: 'Chỉ thị',
  OTHER: 'Văn bản khác',
  NONE: 'Không ghi văn bản',
};
const OVERDUE_AGE_LABELS: Record<OverdueAge, string> = {
  D1_30: 'Quá hạn từ 1 đến 30 ngày',
  D31_90: 'Quá hạn từ 31 đến 90 ngày',
  D91_180: 'Quá hạn từ 91 đến 180 ngày',
  OVER_180: 'Quá hạn trên 180 ngày',
  NOT_OVERDUE: 'Không quá hạn',
};
/** The organisations subgraph's kinds (`OrganisationKind`), in its order; a kind added there is labelled by its value. */
export const UNIT_KIND_LABELS: Record<string, string> = {
  PEOPLES_COMMITTEE: 'Ủy ban nhân dân',
  OFFICE: 'Văn phòng UBND',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Huyện, thị xã, thành phố',
  COMMUNE: 'Xã, phường, thị trấn',
  OTHER: 'Đơn vị khác',
  DIVISION: 'Phòng, ban thuộc đơn vị',
};

const ENUM_LABELS: Partial<Record<BreakdownDimension, Record<string, string>>> = {
  PRIORITY: PRIORITY_LABELS,
  ASSIGNER: ASSIGNER_LABELS,
  DOCUMENT_KIND: DOCUMENT_LABELS,
  OVERDUE_AGE: OVERDUE_AGE_LABELS,
  UNIT_KIND: UNIT_KIND_LABELS,
};

/** The Vietnamese label of a value; units' names come from the organisations subgraph (`unitName`). */
export function breakdownLabel(
  dimension: BreakdownDimension,
  value: string,
  unitName: (id: string) => string | undefined,
): string {
  if (dimension === 'LEAD_UNIT') return unitName(value) ?? 'Đơn vị không xác định';
  if (dimension === 'ASSIGNED_MONTH') return `Tháng ${value.slice(5, 7)}/${value.slice(0, 4)}`;
  return ENUM_LABELS[dimension]?.[value] ?? value;
}

const vietnamese = new Intl.Collator('vi');

/**
 * The order of a dimension's values: enumerations in their order, months in time, units by their
 * names in Vietnamese alphabetical order.
 */
export function compareValues(
  dimension: BreakdownDimension,
  a: { value: string; label: string },
  b: { value: string; label: string },
): number {
  const order = ENUM_LABELS[dimension];
  if (order) {
    const keys = Object.keys(order);
    const [i, j] = [keys.indexOf(a.value), keys.indexOf(b.value)];
    if (i !== j) return (i < 0 ? keys.length : i) - (j < 0 ? keys.length : j);
  }
  if (dimension === 'LEAD_UNIT') return vietnamese.compare(a.label, b.label) || byValue(a.value, b.value);
  return byValue(a.value, b.value);
}

const byValue = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
