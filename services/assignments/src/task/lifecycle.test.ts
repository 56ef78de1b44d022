import type { CalendarDate } from '@giaoviec/shared';
import { assignedState, foldHistory, nextState, type Refusal, type TaskState, type TaskStep } from './lifecycle';

const d = (text: string) => text as CalendarDate;
const EXTENSION = '0b0c0d0e-0000-5000-8000-000000000001';
const OTHER_EXTENSION = '0b0c0d0e-0000-5000-8000-000000000002';

/** A task assigned on 1 March, due 31 March, with nothing waiting. */
const open: TaskState = {
  status: 'IN_PROGRESS',
  assignedOn: d('2017-03-01'),
  originalDueOn: d('2017-03-31'),
  approvedExtensions: [],
  pendingExtension: null,
  pendingCompletion: null,
  completedOn: null,
  withdrawnOn: null,
};
const extended: TaskState = {
  ...open,
  approvedExtensions: [{ decidedOn: d('2017-03-20'), newDueOn: d('2017-04-30') }],
};
const waitingExtension: TaskState = {
  ...open,
  pendingExtension: { id: EXTENSION, requestedOn: d('2017-03-10'), proposedDueOn: d('2017-04-15') },
};
const submitted: TaskState = {
  ...open,
  status: 'COMPLETION_SUBMITTED',
  pendingCompletion: { submittedOn: d('2017-03-12'), completedOn: d('2017-03-11') },
};
const completed: TaskState = { ...open, status: 'COMPLETED', completedOn: d('2017-03-11') };
const withdrawn: TaskState = { ...open, status: 'WITHDRAWN', withdrawnOn: d('2017-03-15') };
const noDeadline: TaskState = { ...open, originalDueOn: null };

const progress = (on: string): TaskStep => ({ type: 'PROGRESS_REPORTED', on: d(on), percentComplete: 50, note: 'x' });
const request = (on: string, proposed: string, extensionId = OTHER_EXTENSION): TaskStep => ({
  type: 'EXTENSION_REQUESTED',
  on: d(on),
  extensionId,
  proposedDueOn: d(proposed),
  reason: 'x',
});
const approve = (on: string, extensionId = EXTENSION): TaskStep => ({
  type: 'EXTENSION_APPROVED',
  on: d(on),
  extensionId,
});
const reject = (on: string, extensionId = EXTENSION): TaskStep => ({
  type: 'EXTENSION_REJECTED',
  on: d(on),
  extensionId,
});
const submit = (on: string, completedOn: string): TaskStep => ({
  type: 'COMPLETION_SUBMITTED',
  on: d(on),
  completedOn: d(completedOn),
  note: 'x',
});
const confirm = (on: string): TaskStep => ({ type: 'COMPLETION_CONFIRMED', on: d(on) });
const giveBack = (on: string): TaskStep => ({ type: 'COMPLETION_RETURNED', on: d(on), reason: 'x' });
const withdraw = (on: string): TaskStep => ({ type: 'WITHDRAWN', on: d(on), reason: 'x' });

describe('every transition of the lifecycle', () => {
  it.each<[string, TaskState, TaskStep, Partial<TaskState>]>([
    ['a progress report changes no state', open, progress('2017-03-05'), {}],
    [
      'an extension request waits',
      open,
      request('2017-03-31', '2017-04-10'),
      { pendingExtension: { id: OTHER_EXTENSION, requestedOn: d('2017-03-31'), proposedDueOn: d('2017-04-10') } },
    ],
    [
      'an approval adds the extension and clears the wait',
      waitingExtension,
      approve('2017-03-11'),
      { pendingExtension: null, approvedExtensions: [{ decidedOn: d('2017-03-11'), newDueOn: d('2017-04-15') }] },
    ],
    ['a rejection clears the wait only', waitingExtension, reject('2017-03-11'), { pendingExtension: null }],
    [
      'a request after an approved extension is checked against it',
      extended,
      request('2017-04-20', '2017-05-10'),
      { pendingExtension: { id: OTHER_EXTENSION, requestedOn: d('2017-04-20'), proposedDueOn: d('2017-05-10') } },
    ],
    [
      'a completion report waits',
      open,
      submit('2017-03-12', '2017-03-11'),
      {
        status: 'COMPLETION_SUBMITTED',
        pendingCompletion: { submittedOn: d('2017-03-12'), completedOn: d('2017-03-11') },
      },
    ],
    [
      'a confirmation completes on the reported date',
      submitted,
      confirm('2017-03-13'),
      { status: 'COMPLETED', pendingCompletion: null, completedOn: d('2017-03-11'), quality: null },
    ],
    ['a return reopens', submitted, giveBack('2017-03-13'), { status: 'IN_PROGRESS', pendingCompletion: null }],
    ['a withdrawal ends the task', open, withdraw('2017-03-15'), { status: 'WITHDRAWN', withdrawnOn: d('2017-03-15') }],
    [
      'a withdrawal with a report waiting is allowed',
      submitted,
      withdraw('2017-03-15'),
      { status: 'WITHDRAWN', withdrawnOn: d('2017-03-15') },
    ],
    ['progress while a report waits', submitted, progress('2017-03-13'), {}],
  ])('%s', (_name, state, event, change) => {
    expect(nextState(state, event, d('2017-12-31'))).toEqual({ state: { ...state, ...change } });
  });
});

describe('every refusal of the lifecycle', () => {
  it.each<[string, TaskState, TaskStep, Refusal]>([
    [
      'anything on a withdrawn task',
      withdrawn,
      progress('2017-03-14'),
      conflict('A withdrawn task accepts no further change'),
    ],
    [
      'a withdrawn task is not withdrawn again',
      withdrawn,
      withdraw('2017-03-16'),
      conflict('A withdrawn task accepts no further change'),
    ],
    ['anything on a completed task', completed, progress('2017-03-20'), conflict('The task is already completed')],
    ['no withdrawal of a completed task', completed, withdraw('2017-03-20'), conflict('The task is already completed')],
    [
      'no new report on a completed task',
      completed,
      submit('2017-03-20', '2017-03-20'),
      conflict('The task is already completed'),
    ],
    [
      'a date in the future',
      open,
      progress('2018-01-01'),
      bad('must not be in the future (today is 2017-12-31)', 'on'),
    ],
    [
      'a date before the assignment',
      open,
      progress('2017-02-28'),
      bad('must not be before the assignment (2017-03-01)', 'on'),
    ],
    [
      'an extension of no deadline',
      noDeadline,
      request('2017-03-05', '2017-04-01'),
      conflict('A task with no deadline cannot be extended'),
    ],
    [
      'a request after the deadline in force',
      open,
      request('2017-04-01', '2017-04-10'),
      conflict('An extension must be requested on or before the deadline in force that day (2017-03-31)'),
    ],
    [
      'a request after an approved extension’s deadline',
      extended,
      request('2017-05-01', '2017-05-10'),
      conflict('An extension must be requested on or before the deadline in force that day (2017-04-30)'),
    ],
    [
      'a proposed date not after the deadline in force',
      extended,
      request('2017-03-25', '2017-04-30'),
      bad('must be after the deadline in force (2017-04-30)', 'proposedDueOn'),
    ],
    [
      'a second request while one waits',
      waitingExtension,
      request('2017-03-11', '2017-04-20'),
      conflict('An extension request of this task is already waiting for a decision'),
    ],
    [
      'a decision with nothing waiting',
      open,
      approve('2017-03-11'),
      conflict('This extension request is not waiting for a decision'),
    ],
    [
      'a decision on another request',
      waitingExtension,
      reject('2017-03-11', OTHER_EXTENSION),
      conflict('This extension request is not waiting for a decision'),
    ],
    [
      'a decision before the request',
      waitingExtension,
      approve('2017-03-09'),
      bad('must not be before the request (2017-03-10)', 'on'),
    ],
    [
      'a second completion report',
      submitted,
      submit('2017-03-14', '2017-03-14'),
      conflict('A completion report of this task is already waiting for confirmation'),
    ],
    [
      'a completion before the assignment',
      { ...open, assignedOn: d('2017-03-05') },
      submit('2017-03-06', '2017-03-04'),
      bad('must not be before the assignment', 'completedOn'),
    ],
    [
      'a report before the completion it reports',
      open,
      submit('2017-03-06', '2017-03-07'),
      bad('must not be before completedOn', 'on'),
    ],
    [
      'a confirmation of nothing',
      open,
      confirm('2017-03-13'),
      conflict('No completion report of this task is waiting for a decision'),
    ],
    [
      'a return of nothing',
      open,
      giveBack('2017-03-13'),
      conflict('No completion report of this task is waiting for a decision'),
    ],
    [
      'a confirmation before the report',
      submitted,
      confirm('2017-03-11'),
      bad('must not be before the report (2017-03-12)', 'on'),
    ],
  ])('%s', (_name, state, event, refusal) => {
    expect(nextState(state, event, d('2017-12-31'))).toEqual({ refusal });
  });

  it('assigns with a deadline on or after the assignment, not before, not in the future', () => {
    expect(assignedState({ type: 'ASSIGNED', on: d('2017-03-01'), dueOn: d('2017-03-31') }).state).toEqual(open);
    expect(assignedState({ type: 'ASSIGNED', on: d('2017-03-01'), dueOn: d('2017-03-01') }).state?.originalDueOn).toBe(
      '2017-03-01',
    );
    expect(assignedState({ type: 'ASSIGNED', on: d('2017-03-01'), dueOn: d('2017-02-28') }).refusal).toEqual(
      bad('must not be before the assignment date', 'dueOn'),
    );
    expect(assignedState({ type: 'ASSIGNED', on: d('2018-01-01'), dueOn: null }, d('2017-12-31')).refusal?.field).toBe(
      'on',
    );
  });
});

describe('folding a history', () => {
  it('folds a valid history to its state, and reports each refused event with its index', () => {
    const { state, refusals } = foldHistory([
      { type: 'ASSIGNED', on: d('2017-03-01'), dueOn: d('2017-03-31') },
      request('2017-03-10', '2017-04-15', EXTENSION),
      approve('2017-03-11'),
      confirm('2017-03-12'),
      submit('2017-04-10', '2017-04-09'),
      confirm('2017-04-11'),
    ]);
    expect(refusals).toEqual([
      { index: 3, refusal: conflict('No completion report of this task is waiting for a decision') },
    ]);
    expect(state).toMatchObject({
      status: 'COMPLETED',
      completedOn: '2017-04-09',
      approvedExtensions: [{ newDueOn: '2017-04-15' }],
    });
  });

  it('refuses a history that does not start with ASSIGNED, or assigns twice', () => {
    expect(foldHistory([progress('2017-03-05')]).state).toBeNull();
    const twice = foldHistory([
      { type: 'ASSIGNED', on: d('2017-03-01'), dueOn: null },
      { type: 'ASSIGNED', on: d('2017-03-02'), dueOn: null },
    ]);
    expect(twice.refusals).toEqual([{ index: 1, refusal: conflict('assigned twice') }]);
  });
});

function conflict(message: string): Refusal {
  return { code: 'CONFLICT', message };
}

function bad(message: string, field: Refusal['field']): Refusal {
  return { code: 'BAD_USER_INPUT', message, field };
}
