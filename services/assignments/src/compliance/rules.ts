import type { CalendarDate } from '@giaoviec/shared';
import { deadlineInForce, type TaskFacts } from '../task/deadline';

/**
 * The compliance rules of RULES.md as plain functions: task facts in, figures out (a read model of
 * the task aggregate: the facts and the deadline in force are the aggregate's, in task/deadline.ts). The SQL
 * aggregation (figures.sql.ts) implements the same rules for speed; a test holds them equal.
 */

/** The four buckets every counted task falls in, as of a date. */
export type ComplianceBucket =
  'COMPLETED_ON_TIME' | 'COMPLETED_LATE' | 'IN_PROGRESS_WITHIN_DEADLINE' | 'IN_PROGRESS_OVERDUE';

export const COMPLIANCE_BUCKETS: readonly ComplianceBucket[] = [
  'COMPLETED_ON_TIME',
  'COMPLETED_LATE',
  'IN_PROGRESS_WITHIN_DEADLINE',
  'IN_PROGRESS_OVERDUE',
];

export interface ComplianceCounts {
  completedOnTime: number;
  completedLate: number;
  inProgressWithinDeadline: number;
  inProgressOverdue: number;
  withoutDeadline: number;
  /** Tasks of the period withdrawn on or before the date: in no bucket (RULES.md, Withdrawn tasks in the figures). */
  withdrawn: number;
  /** Counted tasks completed by the date that have a quality, and the sum of their qualities. */
  qualityRated: number;
  qualitySum: number;
}

export interface ComplianceFigures extends ComplianceCounts {
  assigned: number;
  due: number;
  completionRate: number | null;
  onTimeRate: number | null;
  /** The mean quality of the rated tasks, not rounded; null when none is rated. */
  averageQuality: number | null;
}

/** The bucket of a task as of a date; null when it does not count then (not yet assigned, or withdrawn). */
export function complianceBucket(task: TaskFacts, asOf: CalendarDate): ComplianceBucket | null {
  if (task.assignedOn > asOf) return null;
  if (task.withdrawnOn !== null && task.withdrawnOn <= asOf) return null;
  if (task.completedOn !== null && task.completedOn <= asOf) {
    const deadline = task.originalDueOn === null ? null : deadlineInForce(task, task.completedOn);
    return deadline === null || task.completedOn <= deadline ? 'COMPLETED_ON_TIME' : 'COMPLETED_LATE';
  }
  const deadline = task.originalDueOn === null ? null : deadlineInForce(task, asOf);
  return deadline === null || deadline >= asOf ? 'IN_PROGRESS_WITHIN_DEADLINE' : 'IN_PROGRESS_OVERDUE';
}

const BUCKET_FIELD: Record<ComplianceBucket, keyof ComplianceCounts> = {
  COMPLETED_ON_TIME: 'completedOnTime',
  COMPLETED_LATE: 'completedLate',
  IN_PROGRESS_WITHIN_DEADLINE: 'inProgressWithinDeadline',
  IN_PROGRESS_OVERDUE: 'inProgressOverdue',
};

export const NO_COUNTS: ComplianceCounts = {
  completedOnTime: 0,
  completedLate: 0,
  inProgressWithinDeadline: 0,
  inProgressOverdue: 0,
  withoutDeadline: 0,
  withdrawn: 0,
  qualityRated: 0,
  qualitySum: 0,
};

/** The derived figures (assigned, due, rates) of the four buckets' counts. */
export function figuresFromCounts(counts: ComplianceCounts): ComplianceFigures {
  const assigned =
    counts.completedOnTime + counts.completedLate + counts.inProgressWithinDeadline + counts.inProgressOverdue;
  const due = counts.completedOnTime + counts.completedLate + counts.inProgressOverdue;
  return {
    ...counts,
    assigned,
    due,
    completionRate: due === 0 ? null : (counts.completedOnTime + counts.completedLate) / due,
    onTimeRate: due === 0 ? null : counts.completedOnTime / due,
    averageQuality: counts.qualityRated === 0 ? null : counts.qualitySum / counts.qualityRated,
  };
}

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

/** The figures of the tasks assigned in a period (both days included), as of a date. */
export function complianceFigures(tasks: Iterable<TaskFacts>, period: Period, asOf: CalendarDate): ComplianceFigures {
  const counts = { ...NO_COUNTS };
  for (const task of tasks) {
    if (task.assignedOn < period.from || task.assignedOn > period.to) continue;
    if (task.assignedOn <= asOf && task.withdrawnOn !== null && task.withdrawnOn <= asOf) counts.withdrawn++;
    const bucket = complianceBucket(task, asOf);
    if (bucket === null) continue;
    counts[BUCKET_FIELD[bucket]]++;
    if (task.originalDueOn === null) counts.withoutDeadline++;
    const quality = task.quality ?? null;
    if (quality !== null && (bucket === 'COMPLETED_ON_TIME' || bucket === 'COMPLETED_LATE')) {
      counts.qualityRated++;
      counts.qualitySum += quality;
    }
  }
  return figuresFromCounts(counts);
}

/** `asOf` when the client gives none: `to` when it is in the past, else today. */
export function defaultAsOf(to: CalendarDate, today: CalendarDate): CalendarDate {
  return to < today ? to : today;
}

/** The figures of several groups of tasks together (a unit and its predecessors). */
export function sumFigures(parts: readonly ComplianceCounts[]): ComplianceFigures {
  const total = { ...NO_COUNTS };
  for (const part of parts) {
    for (const key of Object.keys(total) as Array<keyof ComplianceCounts>) total[key] += part[key];
  }
  return figuresFromCounts(total);
}
