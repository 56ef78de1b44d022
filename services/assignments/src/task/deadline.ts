import { compareDates, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from './task-history';
import type { TaskRow } from './task.entity';

/** An approved extension (gia hạn): from its decision date, the deadline is its new date. */
export interface ApprovedExtension {
  decidedOn: CalendarDate;
  newDueOn: CalendarDate;
}

/** What a task's deadlines and figures depend on (RULES.md). */
export interface TaskFacts {
  assignedOn: CalendarDate;
  /** The first deadline; null: no deadline (không có thời hạn). */
  originalDueOn: CalendarDate | null;
  /** Approved extensions, in the order they were decided. */
  approvedExtensions: readonly ApprovedExtension[];
  /** The completion date of the confirmed completion report; null while there is none. */
  completedOn: CalendarDate | null;
  withdrawnOn: CalendarDate | null;
  /** The quality given when the completion was confirmed (1 to 5); null or absent: none. */
  quality?: number | null;
}

/**
 * The deadline in force on a date: the new date of the latest extension approved on or before it
 * (of two on the same day, the one decided last), else the original due date.
 */
export function deadlineInForce(
  task: Pick<TaskFacts, 'originalDueOn' | 'approvedExtensions'>,
  on: CalendarDate,
): CalendarDate | null {
  let deadline = task.originalDueOn;
  let latestDecision: CalendarDate | null = null;
  for (const extension of task.approvedExtensions) {
    if (
      compareDates(extension.decidedOn, on) <= 0 &&
      (latestDecision === null || extension.decidedOn >= latestDecision)
    ) {
      latestDecision = extension.decidedOn;
      deadline = extension.newDueOn;
    }
  }
  return deadline;
}

/**
 * The facts of any history, valid or not: the compliance rules are defined on facts, and their
 * randomised tests feed histories the workflow would refuse (the lifecycle checks those).
 */
export function taskFacts(events: readonly TaskEvent[]): TaskFacts {
  const first = events[0];
  if (!first || first.type !== 'ASSIGNED') throw new Error('a task history starts with ASSIGNED');
  const proposals = new Map<string, CalendarDate>();
  const approvedExtensions: ApprovedExtension[] = [];
  let submitted: CalendarDate | null = null;
  let completedOn: CalendarDate | null = null;
  let withdrawnOn: CalendarDate | null = null;
  let quality: number | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'EXTENSION_REQUESTED':
        proposals.set(event.extensionId, event.proposedDueOn);
        break;
      case 'EXTENSION_APPROVED':
        approvedExtensions.push({ decidedOn: event.on, newDueOn: proposals.get(event.extensionId)! });
        break;
      case 'COMPLETION_SUBMITTED':
        submitted = event.completedOn;
        break;
      case 'COMPLETION_CONFIRMED':
        completedOn = submitted;
        quality = event.quality ?? null;
        break;
      case 'COMPLETION_RETURNED':
        submitted = null;
        break;
      case 'WITHDRAWN':
        withdrawnOn = event.on;
        break;
      default:
        break;
    }
  }
  return { assignedOn: first.on, originalDueOn: first.dueOn, approvedExtensions, completedOn, withdrawnOn, quality };
}

/** The facts of a stored task row. */
export function factsOf(
  task: Pick<
    TaskRow,
    'assignedOn' | 'originalDueOn' | 'extensionDecidedOn' | 'extensionDueOn' | 'completedOn' | 'withdrawnOn'
  > &
    Partial<Pick<TaskRow, 'quality'>>,
): TaskFacts {
  return {
    assignedOn: task.assignedOn,
    originalDueOn: task.originalDueOn,
    approvedExtensions: task.extensionDecidedOn.map((decidedOn, index) => ({
      decidedOn,
      newDueOn: task.extensionDueOn[index]!,
    })),
    completedOn: task.completedOn,
    withdrawnOn: task.withdrawnOn,
    quality: task.quality ?? null,
  };
}
