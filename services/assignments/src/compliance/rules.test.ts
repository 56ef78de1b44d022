import { addDays, compareDates, mulberry32, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';
import {
  COMPLIANCE_BUCKETS,
  complianceBucket,
  complianceFigures,
  defaultAsOf,
  figuresFromCounts,
  NO_COUNTS,
  type ComplianceBucket,
  type ComplianceCounts,
  type ComplianceFigures,
  type Period,
} from './rules';
import { deadlineInForce, taskFacts, type TaskFacts } from '../task/deadline';

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

const d = (s: string) => s as CalendarDate;
/** The date `days` days after `date`. */
const plus = (date: string, days: number) => addDays(d(date), days);
const period = (from: string, to: string): Period => ({ from: d(from), to: d(to) });

type Extension = TaskFacts['approvedExtensions'][number];
const ext = (decidedOn: string, newDueOn: string): Extension => ({ decidedOn: d(decidedOn), newDueOn: d(newDueOn) });

/** TaskFacts with sensible defaults: assigned 2017-03-01, due 2017-03-31, nothing else happened. */
function task(overrides: {
  assignedOn?: string;
  originalDueOn?: string | null;
  approvedExtensions?: Extension[];
  completedOn?: string | null;
  withdrawnOn?: string | null;
  quality?: number | null;
}): TaskFacts {
  const orNull = (value: string | null | undefined, fallback: string | null) =>
    value === undefined ? (fallback === null ? null : d(fallback)) : value === null ? null : d(value);
  return {
    assignedOn: d(overrides.assignedOn ?? '2017-03-01'),
    originalDueOn: orNull(overrides.originalDueOn, '2017-03-31'),
    approvedExtensions: overrides.approvedExtensions ?? [],
    completedOn: orNull(overrides.completedOn, null),
    withdrawnOn: orNull(overrides.withdrawnOn, null),
    quality: overrides.quality ?? null,
  };
}

/** A task history, event by event, in the order things happened. */
class History {
  readonly list: TaskEvent[];

  constructor(assignedOn: string, dueOn: string | null) {
    this.list = [{ type: 'ASSIGNED', on: d(assignedOn), dueOn: dueOn === null ? null : d(dueOn) }];
  }

  progress(on: string, percentComplete: number | null = 50): this {
    this.list.push({ type: 'PROGRESS_REPORTED', on: d(on), percentComplete, note: 'progress' });
    return this;
  }

  request(extensionId: string, on: string, proposedDueOn: string): this {
    this.list.push({
      type: 'EXTENSION_REQUESTED',
      on: d(on),
      extensionId,
      proposedDueOn: d(proposedDueOn),
      reason: 'r',
    });
    return this;
  }

  approve(extensionId: string, on: string): this {
    this.list.push({ type: 'EXTENSION_APPROVED', on: d(on), extensionId });
    return this;
  }

  reject(extensionId: string, on: string): this {
    this.list.push({ type: 'EXTENSION_REJECTED', on: d(on), extensionId, note: 'no' });
    return this;
  }

  submit(on: string, completedOn: string = on): this {
    this.list.push({ type: 'COMPLETION_SUBMITTED', on: d(on), completedOn: d(completedOn), note: 'done' });
    return this;
  }

  confirm(on: string, quality: number | null = null): this {
    this.list.push({ type: 'COMPLETION_CONFIRMED', on: d(on), quality });
    return this;
  }

  giveBack(on: string): this {
    this.list.push({ type: 'COMPLETION_RETURNED', on: d(on), reason: 'more work' });
    return this;
  }

  withdraw(on: string): this {
    this.list.push({ type: 'WITHDRAWN', on: d(on), reason: 'no longer needed' });
    return this;
  }

  facts(): TaskFacts {
    return taskFacts(this.list);
  }
}

const events = (assignedOn: string, dueOn: string | null) => new History(assignedOn, dueOn);

/** The counts part of a figures object (the additive part). */
function countsOf(figures: ComplianceFigures): ComplianceCounts & { assigned: number; due: number } {
  const { completedOnTime, completedLate, inProgressWithinDeadline, inProgressOverdue, withoutDeadline } = figures;
  const { assigned, due, withdrawn, qualityRated, qualitySum } = figures;
  return {
    completedOnTime,
    completedLate,
    inProgressWithinDeadline,
    inProgressOverdue,
    withoutDeadline,
    withdrawn,
    qualityRated,
    qualitySum,
    assigned,
    due,
  };
}

const FIELD: Record<ComplianceBucket, keyof ComplianceCounts> = {
  COMPLETED_ON_TIME: 'completedOnTime',
  COMPLETED_LATE: 'completedLate',
  IN_PROGRESS_WITHIN_DEADLINE: 'inProgressWithinDeadline',
  IN_PROGRESS_OVERDUE: 'inProgressOverdue',
};

// ---------------------------------------------------------------------------------------------
// taskFacts
// ---------------------------------------------------------------------------------------------

describe('taskFacts', () => {
  it('folds a bare assignment, with or without a deadline', () => {
    expect(events('2017-03-01', '2017-03-31').progress('2017-03-05').facts()).toEqual(task({}));
    expect(events('2017-03-01', null).facts()).toEqual(task({ originalDueOn: null }));
  });

  it('maps each approval to the proposed date of its own request', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-10', '2017-04-15')
      .reject('e1', '2017-03-12')
      .request('e2', '2017-03-20', '2017-04-30')
      .approve('e2', '2017-03-25')
      .request('e3', '2017-04-20', '2017-05-20')
      .approve('e3', '2017-04-22')
      .facts();
    expect(facts.approvedExtensions).toEqual([ext('2017-03-25', '2017-04-30'), ext('2017-04-22', '2017-05-20')]);
  });

  it('ignores rejected extensions', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-10', '2017-04-15')
      .reject('e1', '2017-03-12')
      .facts();
    expect(facts.approvedExtensions).toEqual([]);
    expect(facts.originalDueOn).toBe('2017-03-31');
  });

  it('keeps approvals in the order they were decided, back-dated ones included', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-05', '2017-04-30')
      .approve('e1', '2017-03-20')
      .request('e2', '2017-03-06', '2017-04-15')
      .approve('e2', '2017-03-10')
      .facts();
    expect(facts.approvedExtensions).toEqual([ext('2017-03-20', '2017-04-30'), ext('2017-03-10', '2017-04-15')]);
  });

  it('counts no completion while the report awaits confirmation', () => {
    expect(events('2017-03-01', '2017-03-31').submit('2017-03-20').facts().completedOn).toBeNull();
  });

  it('counts a confirmed completion from its completion date, not the submission or confirmation date', () => {
    const facts = events('2017-03-01', '2017-03-31').submit('2017-04-02', '2017-03-30').confirm('2017-04-05').facts();
    expect(facts.completedOn).toBe('2017-03-30');
  });

  it('never counts a returned completion', () => {
    const facts = events('2017-03-01', '2017-03-31').submit('2017-03-20', '2017-03-18').giveBack('2017-03-22').facts();
    expect(facts.completedOn).toBeNull();
  });

  it('counts a resubmitted then confirmed completion from its own completion date', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .submit('2017-03-20', '2017-03-18')
      .giveBack('2017-03-22')
      .submit('2017-04-05', '2017-04-03')
      .confirm('2017-04-10')
      .facts();
    expect(facts.completedOn).toBe('2017-04-03');
  });

  it('counts nothing when the resubmitted report is returned too', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .submit('2017-03-20', '2017-03-18')
      .giveBack('2017-03-22')
      .submit('2017-04-05', '2017-04-03')
      .giveBack('2017-04-10')
      .facts();
    expect(facts.completedOn).toBeNull();
  });

  it('records the withdrawal date', () => {
    const facts = events('2017-03-01', '2017-03-31').progress('2017-03-10').withdraw('2017-03-15').facts();
    expect(facts).toEqual(task({ withdrawnOn: '2017-03-15' }));
  });

  it('throws on an empty history', () => {
    expect(() => taskFacts([])).toThrow('a task history starts with ASSIGNED');
  });

  it('throws on a history not starting with ASSIGNED', () => {
    const history = events('2017-03-01', '2017-03-31').progress('2017-03-05').list;
    expect(() => taskFacts([history[1]!, history[0]!])).toThrow('a task history starts with ASSIGNED');
    expect(() => taskFacts([{ type: 'WITHDRAWN', on: d('2017-03-01'), reason: 'x' }])).toThrow(
      'a task history starts with ASSIGNED',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// deadlineInForce
// ---------------------------------------------------------------------------------------------

describe('deadlineInForce', () => {
  it('is the original due date on every day when there is no extension', () => {
    const facts = task({ originalDueOn: '2017-03-31' });
    for (const on of ['2017-03-01', '2017-03-31', '2017-04-01', '2020-01-01']) {
      expect(deadlineInForce(facts, d(on))).toBe('2017-03-31');
    }
  });

  it('is null on every day for a task with no deadline', () => {
    const facts = task({ originalDueOn: null });
    expect(deadlineInForce(facts, d('2017-03-01'))).toBeNull();
    expect(deadlineInForce(facts, d('2030-01-01'))).toBeNull();
  });

  it.each([
    ['the day before the approval', '2017-03-19', '2017-03-31'],
    ['the day of the approval', '2017-03-20', '2017-04-30'],
    ['the day after the approval', '2017-03-21', '2017-04-30'],
    ['long after', '2018-01-01', '2017-04-30'],
  ])('takes an approved extension into account from its decision date on: %s', (_, on, expected) => {
    const facts = task({ approvedExtensions: [ext('2017-03-20', '2017-04-30')] });
    expect(deadlineInForce(facts, d(on))).toBe(expected);
  });

  it('takes the extension decided last of two approved on the same day', () => {
    const forward = task({ approvedExtensions: [ext('2017-03-20', '2017-04-15'), ext('2017-03-20', '2017-04-30')] });
    const backward = task({ approvedExtensions: [ext('2017-03-20', '2017-04-30'), ext('2017-03-20', '2017-04-15')] });
    expect(deadlineInForce(forward, d('2017-03-20'))).toBe('2017-04-30');
    expect(deadlineInForce(backward, d('2017-03-20'))).toBe('2017-04-15');
    expect(deadlineInForce(backward, d('2017-03-19'))).toBe('2017-03-31');
  });

  it('takes the latest approval, not the furthest date', () => {
    const facts = task({ approvedExtensions: [ext('2017-03-10', '2017-05-31'), ext('2017-03-20', '2017-04-30')] });
    expect(deadlineInForce(facts, d('2017-03-15'))).toBe('2017-05-31');
    expect(deadlineInForce(facts, d('2017-03-20'))).toBe('2017-04-30');
  });

  it('does not let a back-dated approval listed later override a later-dated one', () => {
    // Decided on 2017-03-20, then an approval recorded afterwards but dated 2017-03-10.
    const facts = task({ approvedExtensions: [ext('2017-03-20', '2017-05-01'), ext('2017-03-10', '2017-04-15')] });
    expect(deadlineInForce(facts, d('2017-03-09'))).toBe('2017-03-31');
    expect(deadlineInForce(facts, d('2017-03-10'))).toBe('2017-04-15');
    expect(deadlineInForce(facts, d('2017-03-19'))).toBe('2017-04-15');
    expect(deadlineInForce(facts, d('2017-03-20'))).toBe('2017-05-01');
    expect(deadlineInForce(facts, d('2017-06-01'))).toBe('2017-05-01');
  });

  it('ignores rejected extensions', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-10', '2017-04-15')
      .approve('e1', '2017-03-12')
      .request('e2', '2017-04-01', '2017-05-31')
      .reject('e2', '2017-04-02')
      .facts();
    expect(deadlineInForce(facts, d('2017-03-11'))).toBe('2017-03-31');
    expect(deadlineInForce(facts, d('2017-03-12'))).toBe('2017-04-15');
    expect(deadlineInForce(facts, d('2017-06-01'))).toBe('2017-04-15');
  });
});

// ---------------------------------------------------------------------------------------------
// complianceBucket
// ---------------------------------------------------------------------------------------------

describe('complianceBucket', () => {
  const asOf = d('2017-06-30');

  it.each<[string, string, ComplianceBucket]>([
    ['before the due date', '2017-03-30', 'COMPLETED_ON_TIME'],
    ['on the due date', '2017-03-31', 'COMPLETED_ON_TIME'],
    ['one day after the due date', '2017-04-01', 'COMPLETED_LATE'],
    ['long after the due date', '2017-06-30', 'COMPLETED_LATE'],
  ])('a task completed %s is %s', (_, completedOn, expected) => {
    expect(complianceBucket(task({ completedOn }), asOf)).toBe(expected);
  });

  it('is on time when an extension decided on the due day covers a completion after the original due date', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-25', '2017-04-30')
      .approve('e1', '2017-03-31')
      .submit('2017-04-20')
      .confirm('2017-04-21')
      .facts();
    expect(complianceBucket(facts, asOf)).toBe('COMPLETED_ON_TIME');
  });

  it('is late when the completion is after the extended deadline too', () => {
    const facts = task({ approvedExtensions: [ext('2017-03-31', '2017-04-30')], completedOn: '2017-05-01' });
    expect(complianceBucket(facts, asOf)).toBe('COMPLETED_LATE');
    expect(complianceBucket({ ...facts, completedOn: d('2017-04-30') }, asOf)).toBe('COMPLETED_ON_TIME');
  });

  it('does not let an extension decided after the completion date rescue a late completion', () => {
    const facts = events('2017-03-01', '2017-03-31')
      .request('e1', '2017-03-30', '2017-04-30')
      .submit('2017-04-06', '2017-04-05')
      .approve('e1', '2017-04-06')
      .confirm('2017-04-07')
      .facts();
    expect(facts.completedOn).toBe('2017-04-05');
    expect(complianceBucket(facts, asOf)).toBe('COMPLETED_LATE');
  });

  it('counts a confirmed completion from its completion date even when asOf precedes the confirmation', () => {
    const facts = events('2017-03-01', '2017-03-31').submit('2017-03-30', '2017-03-28').confirm('2017-04-10').facts();
    expect(complianceBucket(facts, d('2017-03-27'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    expect(complianceBucket(facts, d('2017-03-28'))).toBe('COMPLETED_ON_TIME');
    expect(complianceBucket(facts, d('2017-04-05'))).toBe('COMPLETED_ON_TIME');
  });

  it('lets an extension decided on the completion date count', () => {
    const facts = task({ approvedExtensions: [ext('2017-04-05', '2017-04-30')], completedOn: '2017-04-05' });
    expect(complianceBucket(facts, asOf)).toBe('COMPLETED_ON_TIME');
  });

  it('counts a completion dated asOf as completed', () => {
    expect(complianceBucket(task({ completedOn: '2017-03-20' }), d('2017-03-20'))).toBe('COMPLETED_ON_TIME');
    expect(complianceBucket(task({ completedOn: '2017-04-02' }), d('2017-04-02'))).toBe('COMPLETED_LATE');
  });

  it('counts a completion dated after asOf as not completed', () => {
    const facts = task({ completedOn: '2017-04-05' });
    expect(complianceBucket(facts, d('2017-03-20'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    expect(complianceBucket(facts, d('2017-04-04'))).toBe('IN_PROGRESS_OVERDUE');
    expect(complianceBucket(facts, d('2017-04-05'))).toBe('COMPLETED_LATE');
  });

  it.each<[string, string, ComplianceBucket | null]>([
    ['before asOf', '2017-03-19', null],
    ['on asOf', '2017-03-20', null],
    ['the day after asOf', '2017-03-21', 'IN_PROGRESS_WITHIN_DEADLINE'],
  ])('leaves out a task withdrawn %s', (_, withdrawnOn, expected) => {
    expect(complianceBucket(task({ withdrawnOn }), d('2017-03-20'))).toBe(expected);
  });

  it('counts a task withdrawn after asOf like any other, overdue included', () => {
    expect(complianceBucket(task({ withdrawnOn: '2017-04-10' }), d('2017-04-09'))).toBe('IN_PROGRESS_OVERDUE');
  });

  it('does not count a task assigned after asOf, and counts one assigned on asOf', () => {
    expect(complianceBucket(task({ assignedOn: '2017-03-02' }), d('2017-03-01'))).toBeNull();
    expect(complianceBucket(task({ assignedOn: '2017-03-01' }), d('2017-03-01'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
  });

  it('never puts a task with no deadline in overdue, and its completion is always on time', () => {
    const open = task({ originalDueOn: null });
    for (const on of ['2017-03-01', '2017-12-31', '2030-01-01']) {
      expect(complianceBucket(open, d(on))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    }
    const done = task({ originalDueOn: null, completedOn: '2019-12-31' });
    expect(complianceBucket(done, d('2019-12-30'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    expect(complianceBucket(done, d('2019-12-31'))).toBe('COMPLETED_ON_TIME');
    expect(complianceBucket(done, d('2030-01-01'))).toBe('COMPLETED_ON_TIME');
  });

  it.each<[string, ComplianceBucket]>([
    ['2017-03-30', 'IN_PROGRESS_WITHIN_DEADLINE'],
    ['2017-03-31', 'IN_PROGRESS_WITHIN_DEADLINE'],
    ['2017-04-01', 'IN_PROGRESS_OVERDUE'],
  ])('an open task due 2017-03-31 as of %s is %s', (on, expected) => {
    expect(complianceBucket(task({}), d(on))).toBe(expected);
  });

  it('uses the deadline in force on asOf, not the one in force today', () => {
    // Overdue from 04-01; the extension approved on 04-03 makes it within deadline from then on.
    const facts = task({ approvedExtensions: [ext('2017-04-03', '2017-04-30')] });
    expect(complianceBucket(facts, d('2017-04-01'))).toBe('IN_PROGRESS_OVERDUE');
    expect(complianceBucket(facts, d('2017-04-02'))).toBe('IN_PROGRESS_OVERDUE');
    expect(complianceBucket(facts, d('2017-04-03'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    expect(complianceBucket(facts, d('2017-04-30'))).toBe('IN_PROGRESS_WITHIN_DEADLINE');
    expect(complianceBucket(facts, d('2017-05-01'))).toBe('IN_PROGRESS_OVERDUE');
  });
});

// ---------------------------------------------------------------------------------------------
// complianceFigures, figuresFromCounts, defaultAsOf
// ---------------------------------------------------------------------------------------------

describe('complianceFigures', () => {
  it('includes both days of the period', () => {
    const tasks = ['2017-02-28', '2017-03-01', '2017-03-15', '2017-03-31', '2017-04-01'].map((assignedOn) =>
      task({ assignedOn, originalDueOn: '2017-12-31' }),
    );
    const figures = complianceFigures(tasks, period('2017-03-01', '2017-03-31'), d('2017-06-30'));
    expect(figures.assigned).toBe(3);
    expect(figures.inProgressWithinDeadline).toBe(3);
  });

  it('leaves out tasks of the period assigned after asOf', () => {
    const tasks = [task({ assignedOn: '2017-03-10' }), task({ assignedOn: '2017-03-11' })];
    expect(complianceFigures(tasks, period('2017-03-01', '2017-03-31'), d('2017-03-10')).assigned).toBe(1);
  });

  it('counts every bucket and derives assigned, due and the rates', () => {
    const tasks = [
      task({ completedOn: '2017-03-20' }),
      task({ completedOn: '2017-03-31' }),
      task({ completedOn: '2017-04-02' }),
      task({ originalDueOn: '2017-04-15' }),
      task({ originalDueOn: null }),
      task({ originalDueOn: null, completedOn: '2017-05-01' }),
      task({}),
      task({ withdrawnOn: '2017-04-05' }),
    ];
    const figures = complianceFigures(tasks, period('2017-01-01', '2017-12-31'), d('2017-04-10'));
    expect(figures).toEqual({
      completedOnTime: 2,
      completedLate: 1,
      inProgressWithinDeadline: 3,
      inProgressOverdue: 1,
      withoutDeadline: 2,
      withdrawn: 1,
      qualityRated: 0,
      qualitySum: 0,
      assigned: 7,
      due: 4,
      completionRate: 3 / 4,
      onTimeRate: 2 / 4,
      averageQuality: null,
    });
  });

  it('counts withoutDeadline among the counted tasks only', () => {
    const tasks = [
      task({ originalDueOn: null }),
      task({ originalDueOn: null, completedOn: '2017-03-05' }),
      task({ originalDueOn: null, withdrawnOn: '2017-03-10' }),
      task({ originalDueOn: null, assignedOn: '2017-02-28' }),
      task({ originalDueOn: null, assignedOn: '2017-03-25' }),
      task({}),
    ];
    const figures = complianceFigures(tasks, period('2017-03-01', '2017-03-31'), d('2017-03-20'));
    expect(figures.assigned).toBe(3);
    expect(figures.withoutDeadline).toBe(2);
    expect(figures.completedOnTime).toBe(1);
    expect(figures.inProgressWithinDeadline).toBe(2);
  });

  it('has null rates when nothing is due', () => {
    const none = complianceFigures([], period('2017-01-01', '2017-12-31'), d('2017-06-30'));
    expect(none).toEqual({
      ...NO_COUNTS,
      assigned: 0,
      due: 0,
      completionRate: null,
      onTimeRate: null,
      averageQuality: null,
    });
    const onlyWithinDeadline = complianceFigures(
      [task({ originalDueOn: '2017-12-31' }), task({ originalDueOn: null })],
      period('2017-01-01', '2017-12-31'),
      d('2017-06-30'),
    );
    expect(onlyWithinDeadline).toMatchObject({ assigned: 2, due: 0, completionRate: null, onTimeRate: null });
  });

  it('has rates 0 and 1 at the extremes', () => {
    const allOverdue = complianceFigures([task({})], period('2017-01-01', '2017-12-31'), d('2017-06-30'));
    expect(allOverdue).toMatchObject({ due: 1, completionRate: 0, onTimeRate: 0 });
    const allOnTime = complianceFigures(
      [task({ completedOn: '2017-03-10' })],
      period('2017-01-01', '2017-12-31'),
      d('2017-06-30'),
    );
    expect(allOnTime).toMatchObject({ due: 1, completionRate: 1, onTimeRate: 1 });
  });

  it('accepts any iterable of tasks', () => {
    const tasks = new Set([task({ completedOn: '2017-03-10' }), task({ completedOn: '2017-04-10' })]);
    expect(complianceFigures(tasks.values(), period('2017-01-01', '2017-12-31'), d('2017-06-30'))).toMatchObject({
      completedOnTime: 1,
      completedLate: 1,
      assigned: 2,
    });
  });
});

describe('figuresFromCounts', () => {
  it('derives assigned, due and the rates from the buckets', () => {
    expect(
      figuresFromCounts({
        completedOnTime: 6,
        completedLate: 2,
        inProgressWithinDeadline: 5,
        inProgressOverdue: 2,
        withoutDeadline: 4,
        withdrawn: 1,
        qualityRated: 3,
        qualitySum: 10,
      }),
    ).toEqual({
      completedOnTime: 6,
      completedLate: 2,
      inProgressWithinDeadline: 5,
      inProgressOverdue: 2,
      withoutDeadline: 4,
      withdrawn: 1,
      qualityRated: 3,
      qualitySum: 10,
      assigned: 15,
      due: 10,
      completionRate: 0.8,
      onTimeRate: 0.6,
      averageQuality: 10 / 3,
    });
  });
});

describe('defaultAsOf', () => {
  const today = d('2024-05-20');

  it('is `to` when `to` is in the past', () => {
    expect(defaultAsOf(d('2017-10-15'), today)).toBe('2017-10-15');
    expect(defaultAsOf(d('2024-05-19'), today)).toBe('2024-05-19');
  });

  it('is today when `to` is today or later', () => {
    expect(defaultAsOf(d('2024-05-20'), today)).toBe('2024-05-20');
    expect(defaultAsOf(d('2024-05-21'), today)).toBe('2024-05-20');
    expect(defaultAsOf(d('2030-01-01'), today)).toBe('2024-05-20');
  });
});

// ---------------------------------------------------------------------------------------------
// The worked example of RULES.md
// ---------------------------------------------------------------------------------------------

describe('the worked example of RULES.md (Department of Construction, 2017-01-01 to 2017-10-15)', () => {
  const asOf = d('2017-10-15');
  const examples: Array<{ expected: ComplianceBucket | null; facts: TaskFacts }> = [];
  const add = (expected: ComplianceBucket | null, history: History) =>
    examples.push({ expected, facts: history.facts() });
  const times = (n: number, build: (i: number) => void) => Array.from({ length: n }, (_, i) => build(i));

  // 106 completed on time.
  times(60, (i) => {
    const a = plus('2017-01-01', i);
    add('COMPLETED_ON_TIME', events(a, plus(a, 30)).progress(plus(a, 10)).submit(plus(a, 20)).confirm(plus(a, 22)));
  });
  times(20, (i) => {
    const a = plus('2017-03-05', i);
    add('COMPLETED_ON_TIME', events(a, plus(a, 15)).submit(plus(a, 16), plus(a, 15)).confirm(plus(a, 17)));
  });
  times(10, (i) => {
    const a = plus('2017-05-01', i);
    add('COMPLETED_ON_TIME', events(a, null).submit(plus(a, 40)).confirm(plus(a, 41)));
  });
  times(10, (i) => {
    // Extension approved on the original due date; completed after it, before the new one.
    const a = plus('2017-06-01', i);
    add(
      'COMPLETED_ON_TIME',
      events(a, plus(a, 20))
        .request(`e${i}`, plus(a, 10), plus(a, 50))
        .approve(`e${i}`, plus(a, 20))
        .submit(plus(a, 45))
        .confirm(plus(a, 46)),
    );
  });
  times(5, (i) => {
    // Returned, then resubmitted within the deadline.
    const a = plus('2017-07-01', i);
    add(
      'COMPLETED_ON_TIME',
      events(a, plus(a, 30)).submit(plus(a, 10)).giveBack(plus(a, 12)).submit(plus(a, 25)).confirm(plus(a, 28)),
    );
  });
  add('COMPLETED_ON_TIME', events('2017-10-01', '2017-10-15').submit('2017-10-15').confirm('2017-10-15'));

  // 21 completed late.
  times(12, (i) => {
    const a = plus('2017-02-01', i);
    add(
      'COMPLETED_LATE',
      events(a, plus(a, 10))
        .submit(plus(a, 11 + i))
        .confirm(plus(a, 12 + i)),
    );
  });
  times(5, (i) => {
    // The extension is approved the day after the completion date: too late to rescue it.
    const a = plus('2017-04-01', i);
    add(
      'COMPLETED_LATE',
      events(a, plus(a, 10))
        .request(`e${i}`, plus(a, 10), plus(a, 30))
        .approve(`e${i}`, plus(a, 13))
        .submit(plus(a, 14), plus(a, 12))
        .confirm(plus(a, 15)),
    );
  });
  times(3, (i) => {
    // Late even after the extension.
    const a = plus('2017-08-01', i);
    add(
      'COMPLETED_LATE',
      events(a, plus(a, 10))
        .request(`e${i}`, plus(a, 5), plus(a, 20))
        .approve(`e${i}`, plus(a, 6))
        .submit(plus(a, 25))
        .confirm(plus(a, 26)),
    );
  });
  add(
    'COMPLETED_LATE',
    events('2017-09-01', '2017-09-20')
      .submit('2017-09-15')
      .giveBack('2017-09-18')
      .submit('2017-09-26', '2017-09-25')
      .confirm('2017-09-27'),
  );

  // 7 not completed, 3 of them with no deadline.
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-06-15', null).progress('2017-08-01'));
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-09-01', null).submit('2017-09-20').giveBack('2017-09-22'));
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-10-15', null));
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-09-10', '2017-10-15'));
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-09-15', '2017-10-20').submit('2017-10-16').confirm('2017-10-17'));
  add('IN_PROGRESS_WITHIN_DEADLINE', events('2017-09-20', '2017-10-31').withdraw('2017-10-16'));
  add(
    'IN_PROGRESS_OVERDUE',
    events('2017-08-15', '2017-09-15').request('e', '2017-09-05', '2017-10-14').approve('e', '2017-09-10'),
  );

  // Not counted: outside the period, or withdrawn as of 2017-10-15.
  add('COMPLETED_ON_TIME', events('2016-12-31', '2017-01-31').submit('2017-01-10').confirm('2017-01-11'));
  add(null, events('2017-10-16', '2017-10-30'));
  add(null, events('2017-09-01', null).withdraw('2017-10-15'));
  add(null, events('2017-03-01', '2017-04-01').withdraw('2017-05-01'));

  it('builds each task into the intended bucket', () => {
    expect(examples.map(({ facts }) => complianceBucket(facts, asOf))).toEqual(examples.map((e) => e.expected));
  });

  it('gives exactly the figures of the inspection', () => {
    const figures = complianceFigures(
      examples.map((e) => e.facts),
      period('2017-01-01', '2017-10-15'),
      defaultAsOf(d('2017-10-15'), d('2024-05-20')),
    );
    expect(figures.assigned).toBe(134);
    expect(figures.completedOnTime).toBe(106);
    expect(figures.completedLate).toBe(21);
    expect(figures.inProgressWithinDeadline + figures.inProgressOverdue).toBe(7);
    expect(figures).toEqual({
      completedOnTime: 106,
      completedLate: 21,
      inProgressWithinDeadline: 6,
      inProgressOverdue: 1,
      withoutDeadline: 13,
      withdrawn: 2,
      qualityRated: 0,
      qualitySum: 0,
      assigned: 134,
      due: 128,
      completionRate: 127 / 128,
      onTimeRate: 106 / 128,
      averageQuality: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Randomised: seeded, so a failure is reproducible
// ---------------------------------------------------------------------------------------------

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** Day numbers keep the generator simple; `day(n)` is the date n days after 2016-07-01. */
const BASE = d('2016-07-01');
const day = (n: number) => addDays(BASE, n);

/**
 * RULES.md transcribed independently of rules.ts (sorting rather than a running maximum): the
 * deadline in force on X is the new date of the latest approval decided on or before X, of two on
 * the same day the one decided (listed) last, else the original due date.
 */
function referenceDeadline(
  facts: Pick<TaskFacts, 'originalDueOn' | 'approvedExtensions'>,
  on: CalendarDate,
): CalendarDate | null {
  const approvedByThen = facts.approvedExtensions
    .map((extension, order) => ({ ...extension, order }))
    .filter((extension) => compareDates(extension.decidedOn, on) <= 0)
    .sort((a, b) => compareDates(a.decidedOn, b.decidedOn) || a.order - b.order);
  return approvedByThen.at(-1)?.newDueOn ?? facts.originalDueOn;
}

function referenceBucket(facts: TaskFacts, asOf: CalendarDate): ComplianceBucket | null {
  const before = (a: CalendarDate, b: CalendarDate) => compareDates(a, b) < 0;
  if (before(asOf, facts.assignedOn)) return null;
  if (facts.withdrawnOn !== null && !before(asOf, facts.withdrawnOn)) return null;
  if (facts.completedOn !== null && !before(asOf, facts.completedOn)) {
    const deadline = referenceDeadline(facts, facts.completedOn);
    return deadline !== null && before(deadline, facts.completedOn) ? 'COMPLETED_LATE' : 'COMPLETED_ON_TIME';
  }
  const deadline = referenceDeadline(facts, asOf);
  return deadline !== null && before(deadline, asOf) ? 'IN_PROGRESS_OVERDUE' : 'IN_PROGRESS_WITHIN_DEADLINE';
}

interface Generated {
  history: TaskEvent[];
  /** The facts the generator knows it produced. */
  expected: TaskFacts;
}

/**
 * A random valid history: extensions only for tasks with a deadline, each requested on or before
 * the deadline in force that day, at most two awaiting a decision, each decided on or after its
 * request (sometimes back-dated, so an approval listed later can carry an earlier date); completion
 * reports confirmed or returned; nothing after a withdrawal or a confirmed completion; a task with
 * a confirmed completion is never withdrawn.
 */
function randomTask(random: Random): Generated {
  const assigned = random.int(0, 540);
  const due = random.chance(0.2) ? null : assigned + random.int(0, 90);
  const history = events(day(assigned), due === null ? null : day(due));
  const approvedExtensions: Extension[] = [];
  let completedOn: CalendarDate | null = null;
  let withdrawnOn: CalendarDate | null = null;
  const pending: Array<{ id: string; on: number; proposed: number }> = [];
  let submitted: number | null = null;
  let quality: number | null = null;
  let requests = 0;
  let today = assigned;
  const steps = random.int(0, 12);
  for (let step = 0; step < steps && completedOn === null && withdrawnOn === null; step++) {
    today += random.chance(0.3) ? 0 : random.int(1, 15);
    const roll = random.int(0, 99);
    if (submitted !== null) {
      if (roll < 65) {
        quality = random.chance(0.3) ? null : random.int(1, 5);
        history.confirm(day(today), quality);
        completedOn = day(submitted);
      } else if (roll < 92) {
        history.giveBack(day(today));
        submitted = null;
      } else {
        history.withdraw(day(today));
        withdrawnOn = day(today);
      }
      continue;
    }
    if (pending.length > 0 && roll >= 55) {
      const [request] = pending.splice(random.int(0, pending.length - 1), 1);
      const on = random.chance(0.5) ? random.int(request!.on, today) : today;
      if (random.chance(0.7)) {
        history.approve(request!.id, day(on));
        approvedExtensions.push({ decidedOn: day(on), newDueOn: day(request!.proposed) });
      } else {
        history.reject(request!.id, day(on));
      }
      continue;
    }
    const deadline =
      due === null ? null : referenceDeadline({ originalDueOn: day(due), approvedExtensions }, day(today));
    if (roll < 35 && pending.length < 2 && deadline !== null && compareDates(day(today), deadline) <= 0) {
      const id = `e${++requests}`;
      const proposed = today + random.int(1, 60);
      history.request(id, day(today), day(proposed));
      pending.push({ id, on: today, proposed });
    } else if (roll < 65) {
      submitted = Math.max(assigned, today - random.int(0, 5));
      history.submit(day(today), day(submitted));
    } else if (roll < 72) {
      history.withdraw(day(today));
      withdrawnOn = day(today);
    } else {
      history.progress(day(today), random.chance(0.2) ? null : random.int(0, 100));
    }
  }
  const expected: TaskFacts = {
    assignedOn: day(assigned),
    originalDueOn: due === null ? null : day(due),
    approvedExtensions,
    completedOn,
    withdrawnOn,
    quality,
  };
  return { history: history.list, expected };
}

describe('randomised histories (seeded)', () => {
  const SEED = 20171015;
  const COUNT = 3000;
  const random = new Random(SEED);
  const generated = Array.from({ length: COUNT }, () => randomTask(random));
  const tasks = generated.map((g) => taskFacts(g.history));
  const everything = period('2010-01-01', '2030-12-31');
  /** Dates around each date a task's figures turn on. */
  const interestingDates = (facts: TaskFacts): CalendarDate[] => {
    const pivots = [facts.assignedOn, facts.originalDueOn, facts.completedOn, facts.withdrawnOn]
      .concat(facts.approvedExtensions.flatMap((e) => [e.decidedOn, e.newDueOn]))
      .filter((date): date is CalendarDate => date !== null);
    return pivots.flatMap((date) => [addDays(date, -1), date, addDays(date, 1)]);
  };

  it('generates a varied sample', () => {
    const buckets = new Set(tasks.map((facts) => complianceBucket(facts, day(400))));
    expect(buckets.size).toBe(5);
    expect(tasks.some((t) => t.approvedExtensions.length >= 2)).toBe(true);
    expect(tasks.some((t) => t.withdrawnOn !== null)).toBe(true);
    expect(tasks.some((t) => t.originalDueOn === null && t.completedOn !== null)).toBe(true);
    const backDated = tasks.some((t) =>
      t.approvedExtensions.some(
        (e, i) => i > 0 && compareDates(e.decidedOn, t.approvedExtensions[i - 1]!.decidedOn) < 0,
      ),
    );
    const sameDay = tasks.some((t) =>
      t.approvedExtensions.some((e, i) => i > 0 && e.decidedOn === t.approvedExtensions[i - 1]!.decidedOn),
    );
    expect(backDated).toBe(true);
    expect(sameDay).toBe(true);
  });

  it('folds every history into the facts it was generated from', () => {
    generated.forEach((g, i) => expect(tasks[i]).toEqual(g.expected));
  });

  it('agrees with an independent transcription of RULES.md, on every date that matters', () => {
    const check = new Random(SEED + 1);
    const failures: unknown[] = [];
    for (const facts of tasks) {
      const dates = interestingDates(facts).concat([day(check.int(0, 720)), day(check.int(0, 720))]);
      for (const on of dates) {
        const [deadline, expectedDeadline] = [deadlineInForce(facts, on), referenceDeadline(facts, on)];
        const [bucket, expectedBucket] = [complianceBucket(facts, on), referenceBucket(facts, on)];
        if (deadline !== expectedDeadline || bucket !== expectedBucket) {
          failures.push({ facts, on, deadline, expectedDeadline, bucket, expectedBucket });
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('puts every counted task in exactly one bucket', () => {
    const check = new Random(SEED + 2);
    const failures: unknown[] = [];
    for (const facts of tasks) {
      for (const asOf of interestingDates(facts).concat([day(check.int(0, 720))])) {
        const bucket = complianceBucket(facts, asOf);
        const single = complianceFigures([facts], everything, asOf);
        // The one bucket holds the task (1), every other bucket 0; nothing counted when null.
        const wrongBuckets = COMPLIANCE_BUCKETS.filter((b) => single[FIELD[b]] !== (b === bucket ? 1 : 0));
        const valid =
          (bucket === null || COMPLIANCE_BUCKETS.includes(bucket)) &&
          wrongBuckets.length === 0 &&
          single.assigned === (bucket === null ? 0 : 1) &&
          single.withoutDeadline === (bucket !== null && facts.originalDueOn === null ? 1 : 0);
        if (!valid) failures.push({ facts, asOf, bucket, single });
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    const asOf = day(400);
    const counted = tasks.filter((facts) => complianceBucket(facts, asOf) !== null).length;
    expect(complianceFigures(tasks, everything, asOf).assigned).toBe(counted);
  });

  it('adds up over disjoint periods: [a, b] + [b+1, c] = [a, c] for the same asOf', () => {
    const check = new Random(SEED + 3);
    for (let trial = 0; trial < 300; trial++) {
      const a = check.int(-10, 560);
      const b = a + check.int(0, 200);
      const c = b + 1 + check.int(0, 200);
      const asOf = day(check.int(0, 760));
      const first = countsOf(complianceFigures(tasks, { from: day(a), to: day(b) }, asOf));
      const second = countsOf(complianceFigures(tasks, { from: day(b + 1), to: day(c) }, asOf));
      const whole = countsOf(complianceFigures(tasks, { from: day(a), to: day(c) }, asOf));
      const sum = Object.fromEntries(
        Object.entries(first).map(([key, value]) => [key, value + second[key as keyof typeof second]]),
      );
      expect(sum).toEqual(whole);
    }
  });

  it('never reverts a completed bucket when asOf increases (tasks never withdrawn)', () => {
    const check = new Random(SEED + 4);
    for (const facts of tasks.filter((t) => t.withdrawnOn === null)) {
      const dates = interestingDates(facts)
        .concat(Array.from({ length: 6 }, () => day(check.int(0, 760))))
        .sort(compareDates);
      let completed: ComplianceBucket | null = null;
      for (const asOf of dates) {
        const bucket = complianceBucket(facts, asOf);
        if (completed !== null) expect([asOf, bucket]).toEqual([asOf, completed]);
        else if (bucket === 'COMPLETED_ON_TIME' || bucket === 'COMPLETED_LATE') completed = bucket;
      }
      if (facts.completedOn !== null) {
        expect(completed).toBe(complianceBucket(facts, facts.completedOn));
      }
    }
  });

  it('never puts a task with no deadline in a late or overdue bucket', () => {
    const check = new Random(SEED + 5);
    for (const facts of tasks.filter((t) => t.originalDueOn === null)) {
      for (const asOf of interestingDates(facts).concat([day(check.int(0, 760))])) {
        expect(['COMPLETED_LATE', 'IN_PROGRESS_OVERDUE']).not.toContain(complianceBucket(facts, asOf));
      }
    }
  });

  it('keeps the derived figures consistent: sums, withoutDeadline ≤ assigned, rates in [0, 1]', () => {
    const check = new Random(SEED + 6);
    for (let trial = 0; trial < 300; trial++) {
      const from = check.int(-10, 560);
      const to = from + check.int(0, 400);
      const asOf = day(check.int(0, 760));
      const f = complianceFigures(tasks, { from: day(from), to: day(to) }, asOf);
      expect(f.assigned).toBe(f.completedOnTime + f.completedLate + f.inProgressWithinDeadline + f.inProgressOverdue);
      expect(f.due).toBe(f.completedOnTime + f.completedLate + f.inProgressOverdue);
      expect(f.withoutDeadline).toBeLessThanOrEqual(f.assigned);
      expect(f.withoutDeadline).toBeLessThanOrEqual(f.completedOnTime + f.inProgressWithinDeadline);
      if (f.due === 0) {
        expect([f.completionRate, f.onTimeRate]).toEqual([null, null]);
      } else {
        expect(f.completionRate).toBe((f.completedOnTime + f.completedLate) / f.due);
        expect(f.onTimeRate).toBe(f.completedOnTime / f.due);
        for (const rate of [f.completionRate!, f.onTimeRate!]) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        expect(f.onTimeRate!).toBeLessThanOrEqual(f.completionRate!);
      }
    }
  });
});
