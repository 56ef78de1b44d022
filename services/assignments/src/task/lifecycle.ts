import type { CalendarDate } from '@giaoviec/shared';
import { deadlineInForce, type ApprovedExtension } from './deadline';
import type { TaskEvent } from './task-history';
import type { TaskStatus } from './task.entity';

/**
 * The life of a task (vòng đời nhiệm vụ) as one pure function: a state and an event in, the next
 * state or a refusal out (RULES.md). The workflow checks every step with it before it writes, the
 * demo's history check folds whole histories with it, and the rows of a loaded history are what it
 * folds to. No I/O, no clock: "today" is given.
 */

/** An extension request waiting for a decision. */
export interface PendingExtension {
  id: string;
  requestedOn: CalendarDate;
  proposedDueOn: CalendarDate;
}

/** A completion report waiting for confirmation. */
export interface PendingCompletion {
  submittedOn: CalendarDate;
  completedOn: CalendarDate;
}

/** What the next step of a task is checked against. */
export interface TaskState {
  status: TaskStatus;
  assignedOn: CalendarDate;
  /** The first deadline; null: none. */
  originalDueOn: CalendarDate | null;
  /** In decision order (history order, even when back-dated). */
  approvedExtensions: readonly ApprovedExtension[];
  pendingExtension: PendingExtension | null;
  pendingCompletion: PendingCompletion | null;
  completedOn: CalendarDate | null;
  withdrawnOn: CalendarDate | null;
  /** The quality given on confirmation; null or absent: none. */
  quality?: number | null;
}

/**
 * Why a step is refused. For BAD_USER_INPUT, `field` names the event's part at fault and `message`
 * says what is wrong with it ("must not be ..."): `on` is the step's own date, which the workflow
 * names as its mutation does (`reportedOn`, `decidedOn`...). For CONFLICT, `message` is a sentence.
 */
export interface Refusal {
  code: 'CONFLICT' | 'BAD_USER_INPUT';
  message: string;
  field?: 'on' | 'dueOn' | 'proposedDueOn' | 'completedOn';
}

/** A refusal as one sentence, naming each field as `names` does (the event's own names by default). */
export function describeRefusal(refusal: Refusal, names: Partial<Record<NonNullable<Refusal['field']>, string>> = {}) {
  return refusal.field === undefined ? refusal.message : `${names[refusal.field] ?? refusal.field} ${refusal.message}`;
}

export type Transition = { state: TaskState; refusal?: undefined } | { refusal: Refusal; state?: undefined };

const conflict = (message: string): Transition => ({ refusal: { code: 'CONFLICT', message } });
const badInput = (message: string, field: Refusal['field']): Transition => ({
  refusal: { code: 'BAD_USER_INPUT', message, field },
});

type Assigned = Extract<TaskEvent, { type: 'ASSIGNED' }>;
export type TaskStep = Exclude<TaskEvent, Assigned>;

/** The state a task starts in, or why it cannot be assigned so. */
export function assignedState(event: Assigned, today?: CalendarDate): Transition {
  if (today !== undefined && event.on > today) return badInput(`must not be in the future (today is ${today})`, 'on');
  if (event.dueOn !== null && event.dueOn < event.on)
    return badInput('must not be before the assignment date', 'dueOn');
  return {
    state: {
      status: 'IN_PROGRESS',
      assignedOn: event.on,
      originalDueOn: event.dueOn,
      approvedExtensions: [],
      pendingExtension: null,
      pendingCompletion: null,
      completedOn: null,
      withdrawnOn: null,
    },
  };
}

/** The state after one more step, or why the step is refused (the state is then unchanged). */
export function nextState(state: TaskState, event: TaskStep, today?: CalendarDate): Transition {
  if (state.status === 'WITHDRAWN') return conflict('A withdrawn task accepts no further change');
  if (state.status === 'COMPLETED') return conflict('The task is already completed');
  if (today !== undefined && event.on > today) return badInput(`must not be in the future (today is ${today})`, 'on');
  if (event.on < state.assignedOn) return badInput(`must not be before the assignment (${state.assignedOn})`, 'on');
  switch (event.type) {
    case 'PROGRESS_REPORTED':
      return { state };
    // A coordinating unit's contribution (phối hợp): dated like any step; once per unit, which its step checks.
    case 'CONTRIBUTION_SUBMITTED':
      return { state };
    case 'EXTENSION_REQUESTED': {
      if (state.originalDueOn === null) return conflict('A task with no deadline cannot be extended');
      const inForce = deadlineInForce(state, event.on)!;
      if (event.on > inForce)
        return conflict(`An extension must be requested on or before the deadline in force that day (${inForce})`);
      if (event.proposedDueOn <= inForce)
        return badInput(`must be after the deadline in force (${inForce})`, 'proposedDueOn');
      if (state.pendingExtension !== null)
        return conflict('An extension request of this task is already waiting for a decision');
      const pendingExtension = { id: event.extensionId, requestedOn: event.on, proposedDueOn: event.proposedDueOn };
      return { state: { ...state, pendingExtension } };
    }
    case 'EXTENSION_APPROVED':
    case 'EXTENSION_REJECTED': {
      const pending = state.pendingExtension;
      if (pending === null || pending.id !== event.extensionId)
        return conflict('This extension request is not waiting for a decision');
      if (event.on < pending.requestedOn)
        return badInput(`must not be before the request (${pending.requestedOn})`, 'on');
      const approvedExtensions =
        event.type === 'EXTENSION_APPROVED'
          ? [...state.approvedExtensions, { decidedOn: event.on, newDueOn: pending.proposedDueOn }]
          : state.approvedExtensions;
      return { state: { ...state, approvedExtensions, pendingExtension: null } };
    }
    case 'COMPLETION_SUBMITTED':
      if (state.pendingCompletion !== null)
        return conflict('A completion report of this task is already waiting for confirmation');
      if (event.completedOn < state.assignedOn) return badInput('must not be before the assignment', 'completedOn');
      if (event.completedOn > event.on) return badInput('must not be before completedOn', 'on');
      return {
        state: {
          ...state,
          status: 'COMPLETION_SUBMITTED',
          pendingCompletion: { submittedOn: event.on, completedOn: event.completedOn },
        },
      };
    case 'COMPLETION_CONFIRMED':
    case 'COMPLETION_RETURNED': {
      const report = state.pendingCompletion;
      if (report === null) return conflict('No completion report of this task is waiting for a decision');
      if (event.on < report.submittedOn) return badInput(`must not be before the report (${report.submittedOn})`, 'on');
      return event.type === 'COMPLETION_CONFIRMED'
        ? {
            state: {
              ...state,
              status: 'COMPLETED',
              pendingCompletion: null,
              completedOn: report.completedOn,
              quality: event.quality ?? null,
            },
          }
        : { state: { ...state, status: 'IN_PROGRESS', pendingCompletion: null } };
    }
    case 'WITHDRAWN':
      return { state: { ...state, status: 'WITHDRAWN', withdrawnOn: event.on } };
    case 'DELEGATED': {
      // A sub-task's deadline: its own, not after the task's deadline in force on its assignment.
      if (event.dueOn !== null && event.dueOn < event.on)
        return badInput('must not be before the assignment date', 'dueOn');
      if (state.originalDueOn === null) return { state };
      const limit = deadlineInForce(state, event.on)!;
      if (event.dueOn === null)
        return badInput(`is required: the task's deadline in force that day is ${limit}`, 'dueOn');
      if (event.dueOn > limit)
        return badInput(`must not be after the task's deadline in force that day (${limit})`, 'dueOn');
      return { state };
    }
    default:
      return conflict('Unknown step');
  }
}

/** One refused event of a history: its index and why. */
export interface HistoryRefusal {
  index: number;
  refusal: Refusal;
}

/**
 * Folds a whole history; a refused event is reported and skipped, so one history shows all its
 * problems. `state` is null when it does not start with ASSIGNED.
 */
export function foldHistory(
  events: readonly TaskEvent[],
  today?: CalendarDate,
): { state: TaskState | null; refusals: HistoryRefusal[] } {
  const [first, ...rest] = events;
  if (!first || first.type !== 'ASSIGNED') {
    return {
      state: null,
      refusals: [{ index: 0, refusal: { code: 'CONFLICT', message: 'a history starts with ASSIGNED' } }],
    };
  }
  const refusals: HistoryRefusal[] = [];
  const start = assignedState(first, today);
  if (start.refusal) refusals.push({ index: 0, refusal: start.refusal });
  let state = start.state ?? assignedState({ ...first, dueOn: null }).state!;
  for (const [offset, event] of rest.entries()) {
    if (event.type === 'ASSIGNED') {
      refusals.push({ index: offset + 1, refusal: { code: 'CONFLICT', message: 'assigned twice' } });
      continue;
    }
    const next = nextState(state, event, today);
    if (next.refusal) refusals.push({ index: offset + 1, refusal: next.refusal });
    else state = next.state;
  }
  return { state, refusals };
}
