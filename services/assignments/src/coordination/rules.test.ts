import type { CalendarDate } from '@giaoviec/shared';
import { nextState, type TaskState, type TaskStep } from '../task/lifecycle';
import {
  coordinationDeadlineInForce,
  coordinationDueOnProblem,
  coordinationFigures,
  coordinationStatus,
  type CoordinatedTask,
  type CoordinationFacts,
} from './rules';

const d = (s: string) => s as CalendarDate;

/** Assigned 1 March, due 31 March, extended on 25 March to 15 April; no coordination deadline of its own. */
function facts(overrides: Partial<CoordinationFacts> = {}): CoordinationFacts {
  return {
    assignedOn: d('2017-03-01'),
    originalDueOn: d('2017-03-31'),
    approvedExtensions: [{ decidedOn: d('2017-03-25'), newDueOn: d('2017-04-15') }],
    completedOn: null,
    withdrawnOn: null,
    coordinationDueOn: null,
    ...overrides,
  };
}

describe('coordinationDeadlineInForce', () => {
  it('is the coordination deadline when set, whatever the extensions', () => {
    expect(coordinationDeadlineInForce(facts({ coordinationDueOn: d('2017-03-10') }), d('2017-04-01'))).toBe(
      '2017-03-10',
    );
  });

  it('else follows the task’s deadline in force on the day', () => {
    expect(coordinationDeadlineInForce(facts(), d('2017-03-24'))).toBe('2017-03-31');
    expect(coordinationDeadlineInForce(facts(), d('2017-03-25'))).toBe('2017-04-15');
    expect(coordinationDeadlineInForce(facts({ originalDueOn: null, approvedExtensions: [] }), d('2017-03-25'))).toBe(
      null,
    );
  });
});

describe('coordinationStatus', () => {
  it.each([
    ['on the coordination deadline', '2017-03-10', '2017-04-30', 'CONTRIBUTED_ON_TIME'],
    ['the day after it', '2017-03-11', '2017-04-30', 'CONTRIBUTED_LATE'],
    ['after asOf: still pending, within', '2017-03-11', '2017-03-10', 'PENDING_WITHIN_DEADLINE'],
    ['after asOf: still pending, overdue', '2017-03-20', '2017-03-11', 'PENDING_OVERDUE'],
  ] as const)('a contribution %s', (_, contributedOn, asOf, expected) => {
    expect(coordinationStatus(facts({ coordinationDueOn: d('2017-03-10') }), d(contributedOn), d(asOf))).toBe(expected);
  });

  it('judges a contribution by the deadline in force on its own day', () => {
    // Before the extension was approved, 31 March was in force: 28 March is on time either way,
    // 10 April is on time only because the extension was approved before it.
    expect(coordinationStatus(facts(), d('2017-04-10'), d('2017-04-30'))).toBe('CONTRIBUTED_ON_TIME');
    expect(coordinationStatus(facts({ approvedExtensions: [] }), d('2017-04-10'), d('2017-04-30'))).toBe(
      'CONTRIBUTED_LATE',
    );
  });

  it('stays pending after the task is done, overdue once the deadline has passed; never overdue with no deadline', () => {
    const done = facts({ completedOn: d('2017-03-20'), approvedExtensions: [] });
    expect(coordinationStatus(done, null, d('2017-04-01'))).toBe('PENDING_OVERDUE');
    expect(coordinationStatus(done, null, d('2017-03-31'))).toBe('PENDING_WITHIN_DEADLINE');
    const open = facts({ originalDueOn: null, approvedExtensions: [] });
    expect(coordinationStatus(open, null, d('2020-01-01'))).toBe('PENDING_WITHIN_DEADLINE');
    expect(coordinationStatus(open, d('2019-01-01'), d('2020-01-01'))).toBe('CONTRIBUTED_ON_TIME');
  });
});

describe('coordinationDueOnProblem', () => {
  it('refuses a date before the assignment or after the original deadline', () => {
    expect(coordinationDueOnProblem(d('2017-02-28'), d('2017-03-01'), d('2017-03-31'))).toMatch(/before/);
    expect(coordinationDueOnProblem(d('2017-04-01'), d('2017-03-01'), d('2017-03-31'))).toMatch(/after/);
    expect(coordinationDueOnProblem(d('2017-03-31'), d('2017-03-01'), d('2017-03-31'))).toBeNull();
    expect(coordinationDueOnProblem(d('2017-03-01'), d('2017-03-01'), d('2017-03-31'))).toBeNull();
    expect(coordinationDueOnProblem(d('2030-01-01'), d('2017-03-01'), null)).toBeNull();
    expect(coordinationDueOnProblem(null, d('2017-03-01'), d('2017-03-31'))).toBeNull();
  });
});

describe('coordinationFigures', () => {
  const task = (
    overrides: Omit<Partial<CoordinatedTask>, 'facts'> & { facts?: Partial<CoordinationFacts> },
  ): CoordinatedTask => ({
    coordinatingOrganisationIds: ['A', 'B'],
    contributions: new Map(),
    ...overrides,
    facts: facts({ coordinationDueOn: d('2017-03-10'), ...overrides.facts }),
  });
  const period = { from: d('2017-03-01'), to: d('2017-03-31') };

  it('counts the tasks the unit coordinates, assigned in the period by asOf, not withdrawn, not sub-tasks', () => {
    const tasks = [
      task({ contributions: new Map([['A', d('2017-03-05')]]) }),
      task({ contributions: new Map([['A', d('2017-03-12')]]) }),
      task({ contributions: new Map([['B', d('2017-03-05')]]) }), // A pending, overdue
      task({ facts: { assignedOn: d('2017-03-10'), coordinationDueOn: null } }), // A pending, within (31 March)
      task({ coordinatingOrganisationIds: ['B'] }),
      task({ facts: { withdrawnOn: d('2017-03-20') } }),
      task({ facts: { withdrawnOn: d('2017-03-21') } }), // withdrawn after asOf: counted
      task({ facts: { assignedOn: d('2017-03-21') } }), // after asOf
      task({ facts: { assignedOn: d('2017-02-28') } }), // before the period
      task({ parentId: 'parent' }),
    ];
    expect(coordinationFigures(tasks, 'A', period, d('2017-03-20'))).toEqual({
      requested: 5,
      contributedOnTime: 1,
      contributedLate: 1,
      pendingWithinDeadline: 1,
      pendingOverdue: 2,
    });
  });
});

describe('a contribution, as a step of the lifecycle', () => {
  const state: TaskState = {
    status: 'IN_PROGRESS',
    assignedOn: d('2017-03-01'),
    originalDueOn: d('2017-03-31'),
    approvedExtensions: [],
    pendingExtension: null,
    pendingCompletion: null,
    completedOn: null,
    withdrawnOn: null,
  };
  const contribute = (on: string): TaskStep => ({
    type: 'CONTRIBUTION_SUBMITTED',
    on: d(on),
    organisationId: 'A',
    note: 'x',
  });
  const refusal = (from: TaskState, on: string) => nextState(from, contribute(on), d('2017-12-31')).refusal;

  it('changes nothing of the task’s state, late or not, and even with a report waiting', () => {
    expect(nextState(state, contribute('2017-04-20'), d('2017-12-31'))).toEqual({ state });
    const waiting = {
      ...state,
      status: 'COMPLETION_SUBMITTED' as const,
      pendingCompletion: { submittedOn: d('2017-03-10'), completedOn: d('2017-03-10') },
    };
    expect(refusal(waiting, '2017-03-11')).toBeUndefined();
  });

  it('is refused for a withdrawn or completed task whatever its date, and before the assignment or in the future', () => {
    expect(refusal({ ...state, status: 'WITHDRAWN', withdrawnOn: d('2017-03-20') }, '2017-03-05')).toMatchObject({
      code: 'CONFLICT',
    });
    expect(refusal({ ...state, status: 'COMPLETED', completedOn: d('2017-03-20') }, '2017-03-05')).toMatchObject({
      code: 'CONFLICT',
    });
    expect(refusal(state, '2017-02-28')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    expect(refusal(state, '2018-01-01')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  });
});
