import type { CalendarDate, RequestUser } from '@giaoviec/shared';
import { nextState, type TaskState, type TaskStep } from '../task/lifecycle';
import { stepForbidden, type StepActor } from '../task/workflow';

const d = (text: string) => text as CalendarDate;

/** Assigned 1 March, due 31 March, extended on 20 March to 30 April. */
const task: TaskState = {
  status: 'IN_PROGRESS',
  assignedOn: d('2017-03-01'),
  originalDueOn: d('2017-03-31'),
  approvedExtensions: [{ decidedOn: d('2017-03-20'), newDueOn: d('2017-04-30') }],
  pendingExtension: null,
  pendingCompletion: null,
  completedOn: null,
  withdrawnOn: null,
};
const delegate = (on: string, dueOn: string | null): TaskStep => ({
  type: 'DELEGATED',
  on: d(on),
  subtaskId: 's',
  divisionId: 'division',
  dueOn: dueOn === null ? null : d(dueOn),
});
const refusalOf = (state: TaskState, step: TaskStep) => nextState(state, step, d('2017-12-31')).refusal;

describe('delegating a task (the lifecycle)', () => {
  it('admits a sub-task deadline up to the task’s deadline in force on the sub-task’s assignment', () => {
    expect(refusalOf(task, delegate('2017-03-10', '2017-03-31'))).toBeUndefined();
    expect(refusalOf(task, delegate('2017-03-20', '2017-04-30'))).toBeUndefined();
    expect(refusalOf(task, delegate('2017-03-19', '2017-04-01'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueOn',
    });
  });

  it('requires a deadline when the task has one, and none before the sub-task’s assignment', () => {
    expect(refusalOf(task, delegate('2017-03-10', null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueOn' });
    expect(refusalOf(task, delegate('2017-03-10', '2017-03-09'))).toMatchObject({ field: 'dueOn' });
    const open = { ...task, originalDueOn: null, approvedExtensions: [] };
    expect(refusalOf(open, delegate('2017-03-10', null))).toBeUndefined();
    expect(refusalOf(open, delegate('2017-03-10', '2019-01-01'))).toBeUndefined();
  });

  it('refuses a date before the task’s assignment, and a withdrawn or completed task', () => {
    expect(refusalOf(task, delegate('2017-02-28', '2017-03-31'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'on',
    });
    expect(
      refusalOf({ ...task, status: 'WITHDRAWN', withdrawnOn: d('2017-03-05') }, delegate('2017-03-02', '2017-03-31')),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      refusalOf({ ...task, status: 'COMPLETED', completedOn: d('2017-03-05') }, delegate('2017-03-02', '2017-03-31')),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('stepForbidden', () => {
  const user = (roles: RequestUser['roles'], organisationId?: string): RequestUser => ({
    id: 'u',
    roles,
    organisationId,
  });
  const top = { leadOrganisationId: 'SXD', coordinatingOrganisationIds: ['SYT'], assigningOrganisationId: null };
  const subtask = { leadOrganisationId: 'SXD-P1', coordinatingOrganisationIds: [], assigningOrganisationId: 'SXD' };
  const may = (by: StepActor, who: RequestUser, of: typeof top | typeof subtask) => stepForbidden(by, who, of) === null;

  it('lets the lead unit report and delegate, the Office decide and delegate, a coordinator contribute', () => {
    expect(may('LEAD_UNIT', user(['UNIT'], 'SXD'), top)).toBe(true);
    expect(may('LEAD_UNIT', user(['UNIT'], 'SYT'), top)).toBe(false);
    expect(may('ASSIGNING_SIDE', user(['OFFICE']), top)).toBe(true);
    expect(may('ASSIGNING_SIDE', user(['UNIT'], 'SXD'), top)).toBe(false);
    expect(may('DELEGATOR', user(['UNIT'], 'SXD'), top)).toBe(true);
    expect(may('DELEGATOR', user(['OFFICE']), top)).toBe(true);
    expect(may('DELEGATOR', user(['UNIT'], 'SYT'), top)).toBe(false);
    expect(may('COORDINATING_UNIT', user(['UNIT'], 'SYT'), top)).toBe(true);
    expect(may('COORDINATING_UNIT', user(['UNIT'], 'SXD'), top)).toBe(false);
  });

  it('for a sub-task: the division and its parent unit act as lead unit, the parent unit and the Office decide', () => {
    expect(may('LEAD_UNIT', user(['UNIT'], 'SXD-P1'), subtask)).toBe(true);
    expect(may('LEAD_UNIT', user(['UNIT'], 'SXD'), subtask)).toBe(true);
    expect(may('LEAD_UNIT', user(['UNIT'], 'SYT'), subtask)).toBe(false);
    expect(may('ASSIGNING_SIDE', user(['UNIT'], 'SXD'), subtask)).toBe(true);
    expect(may('ASSIGNING_SIDE', user(['OFFICE']), subtask)).toBe(true);
    expect(may('ASSIGNING_SIDE', user(['UNIT'], 'SXD-P1'), subtask)).toBe(false);
  });
});
