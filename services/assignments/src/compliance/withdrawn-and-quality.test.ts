import type { CalendarDate } from '@giaoviec/shared';
import type { TaskFacts } from '../task/deadline';
import { complianceFigures, sumFigures } from './rules';

/** RULES.md, Withdrawn tasks in the figures and Quality of results. */
const d = (s: string) => s as CalendarDate;
const year = { from: d('2017-01-01'), to: d('2017-12-31') };

function task(overrides: Partial<Record<keyof TaskFacts, unknown>>): TaskFacts {
  return {
    assignedOn: d('2017-03-01'),
    originalDueOn: d('2017-03-31'),
    approvedExtensions: [],
    completedOn: null,
    withdrawnOn: null,
    quality: null,
    ...overrides,
  } as TaskFacts;
}

describe('withdrawn', () => {
  it('counts the tasks of the period withdrawn on or before asOf, outside assigned', () => {
    const tasks = [
      task({ withdrawnOn: d('2017-03-10') }),
      task({ withdrawnOn: d('2017-04-10') }), // the as-of day itself
      task({ withdrawnOn: d('2017-04-11') }), // later: still counted in a bucket
      task({ assignedOn: d('2016-12-31'), withdrawnOn: d('2017-01-05') }), // outside the period
      task({}),
    ];
    const figures = complianceFigures(tasks, year, d('2017-04-10'));
    expect(figures).toMatchObject({ withdrawn: 2, assigned: 2 });
  });

  it('leaves out a task assigned after asOf, even withdrawn the same day', () => {
    const figures = complianceFigures(
      [task({ assignedOn: d('2017-05-01'), withdrawnOn: d('2017-05-01') })],
      year,
      d('2017-04-30'),
    );
    expect(figures.withdrawn).toBe(0);
  });
});

describe('quality', () => {
  it('rates the counted tasks completed as of asOf that have a quality, and averages them unrounded', () => {
    const tasks = [
      task({ completedOn: d('2017-03-20'), quality: 5 }),
      task({ completedOn: d('2017-04-05'), quality: 4 }), // late, rated
      task({ completedOn: d('2017-03-25'), quality: 4 }),
      task({ completedOn: d('2017-03-21'), quality: null }), // no quality
      task({ completedOn: d('2017-05-02'), quality: 1 }), // completed after asOf
      task({ completedOn: d('2017-03-02'), quality: 1, withdrawnOn: d('2017-03-01') }), // withdrawn
    ];
    const figures = complianceFigures(tasks, year, d('2017-04-30'));
    expect(figures).toMatchObject({ qualityRated: 3, averageQuality: 13 / 3, completedOnTime: 3, completedLate: 1 });
  });

  it('has a null average when nothing is rated', () => {
    expect(complianceFigures([task({ completedOn: d('2017-03-20') })], year, d('2017-04-30'))).toMatchObject({
      qualityRated: 0,
      averageQuality: null,
    });
  });

  it('averages the sums of several units, not their averages', () => {
    const a = complianceFigures([task({ completedOn: d('2017-03-20'), quality: 5 })], year, d('2017-04-30'));
    const b = complianceFigures(
      [task({ completedOn: d('2017-03-20'), quality: 2 }), task({ completedOn: d('2017-03-20'), quality: 2 })],
      year,
      d('2017-04-30'),
    );
    expect(sumFigures([a, b])).toMatchObject({ qualityRated: 3, averageQuality: 3, withdrawn: 0 });
  });
});
