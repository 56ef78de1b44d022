import type { CalendarDate } from '@giaoviec/shared';
import type { Period } from '../compliance/rules';
import { deadlineInForce, type TaskFacts } from '../task/deadline';

/**
 * Coordination (phối hợp, RULES.md) as plain functions: a task's facts, its coordination deadline
 * and a unit's contribution date in, the unit's status and figures out. The SQL of
 * `coordinationCompliance` (figures.sql.ts beside this) is held equal to them on random histories.
 */

export type CoordinationStatus =
  'CONTRIBUTED_ON_TIME' | 'CONTRIBUTED_LATE' | 'PENDING_WITHIN_DEADLINE' | 'PENDING_OVERDUE';

/** What the coordination of a task depends on. */
export interface CoordinationFacts extends TaskFacts {
  /** The coordinating units' own deadline; null: the task's deadline in force. */
  coordinationDueOn: CalendarDate | null;
}

/** The coordination deadline in force on a date: `coordinationDueOn`, else the task's deadline in force then. */
export function coordinationDeadlineInForce(task: CoordinationFacts, on: CalendarDate): CalendarDate | null {
  return task.coordinationDueOn ?? deadlineInForce(task, on);
}

/** A unit's status as a coordinator of a task as of a date, from its contribution date (null: none). */
export function coordinationStatus(
  task: CoordinationFacts,
  contributedOn: CalendarDate | null,
  asOf: CalendarDate,
): CoordinationStatus {
  if (contributedOn !== null && contributedOn <= asOf) {
    const deadline = coordinationDeadlineInForce(task, contributedOn);
    return deadline === null || contributedOn <= deadline ? 'CONTRIBUTED_ON_TIME' : 'CONTRIBUTED_LATE';
  }
  // Pending even once the task is done: a contribution never made stays owed.
  const deadline = coordinationDeadlineInForce(task, asOf);
  return deadline === null || deadline >= asOf ? 'PENDING_WITHIN_DEADLINE' : 'PENDING_OVERDUE';
}

/**
 * Why a coordination deadline is refused (BAD_USER_INPUT), or null: not before the assignment,
 * not after the original deadline when there is one.
 */
export function coordinationDueOnProblem(
  coordinationDueOn: CalendarDate | null,
  assignedOn: CalendarDate,
  originalDueOn: CalendarDate | null,
): string | null {
  if (coordinationDueOn === null) return null;
  if (coordinationDueOn < assignedOn) return `must not be before the assignment date (${assignedOn})`;
  if (originalDueOn !== null && coordinationDueOn > originalDueOn)
    return `must not be after the task's original deadline (${originalDueOn})`;
  return null;
}

export interface CoordinationFigures {
  requested: number;
  contributedOnTime: number;
  contributedLate: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
}

export const NO_COORDINATION: CoordinationFigures = {
  requested: 0,
  contributedOnTime: 0,
  contributedLate: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
};

const STATUS_FIELD: Record<CoordinationStatus, Exclude<keyof CoordinationFigures, 'requested'>> = {
  CONTRIBUTED_ON_TIME: 'contributedOnTime',
  CONTRIBUTED_LATE: 'contributedLate',
  PENDING_WITHIN_DEADLINE: 'pendingWithinDeadline',
  PENDING_OVERDUE: 'pendingOverdue',
};

/** A task as its coordinators' figures see it. */
export interface CoordinatedTask {
  facts: CoordinationFacts;
  coordinatingOrganisationIds: readonly string[];
  /** Contribution dates by unit. */
  contributions: ReadonlyMap<string, CalendarDate>;
  /** A sub-task (delegated inside its unit) is in no coordination figure. */
  parentId?: string | null;
}

/**
 * A unit's record as a coordinator: the tasks assigned in the period on or before `asOf`, not
 * withdrawn as of `asOf`, that it coordinates, by their status as of `asOf`.
 */
export function coordinationFigures(
  tasks: Iterable<CoordinatedTask>,
  unitId: string,
  period: Period,
  asOf: CalendarDate,
): CoordinationFigures {
  const figures = { ...NO_COORDINATION };
  for (const task of tasks) {
    const { facts } = task;
    if ((task.parentId ?? null) !== null || !task.coordinatingOrganisationIds.includes(unitId)) continue;
    if (facts.assignedOn < period.from || facts.assignedOn > period.to || facts.assignedOn > asOf) continue;
    if (facts.withdrawnOn !== null && facts.withdrawnOn <= asOf) continue;
    figures.requested++;
    figures[STATUS_FIELD[coordinationStatus(facts, task.contributions.get(unitId) ?? null, asOf)]]++;
  }
  return figures;
}
