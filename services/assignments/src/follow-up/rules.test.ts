import type { CalendarDate } from '@giaoviec/shared';
import { leadUnitOn } from '../transfer/rules';
import { followUpFigures, NO_FOLLOW_UP, type FollowUpTask } from './rules';

const d = (text: string) => text as CalendarDate;
const period = { from: d('2025-03-01'), to: d('2025-03-31') };

/** A task of unit A, moved to unit B on 15 March when `transferred`. */
function task(fields: Partial<Omit<FollowUpTask, 'leadOn'>> & { transferred?: boolean }): FollowUpTask {
  const transfers = fields.transferred ? [{ on: d('2025-03-15'), from: 'A' }] : [];
  return {
    leadOn: (day) => leadUnitOn(fields.transferred ? 'B' : 'A', transfers, day),
    withdrawnOn: fields.withdrawnOn ?? null,
    reminders: fields.reminders ?? [],
    explanations: fields.explanations ?? [],
  };
}

const reminder = (kind: FollowUpTask['reminders'][number]['kind'], sentOn: string) => ({ kind, sentOn: d(sentOn) });
const request = (requestedOn: string, answerBy: string, answeredOn: string | null = null) => ({
  requestedOn: d(requestedOn),
  answerBy: d(answerBy),
  answeredOn: answeredOn === null ? null : d(answeredOn),
});

describe('follow-up figures', () => {
  it('count the reminders sent to the unit in the period on or before the date, not the Office’s', () => {
    const tasks = [
      task({
        reminders: [
          reminder('DUE_SOON', '2025-03-03'),
          reminder('OVERDUE', '2025-03-10'),
          reminder('MANUAL', '2025-03-20'),
          reminder('AWAITING_CONFIRMATION', '2025-03-11'),
          reminder('AWAITING_EXTENSION_DECISION', '2025-03-12'),
          reminder('DUE_SOON', '2025-02-28'), // before the period
          reminder('OVERDUE', '2025-04-01'), // after it
        ],
      }),
    ];
    expect(followUpFigures(tasks, 'A', period, d('2025-03-31')).reminders).toBe(3);
    expect(followUpFigures(tasks, 'A', period, d('2025-03-10')).reminders).toBe(2);
  });

  it('count each reminder and request for the unit that led the task that day', () => {
    const tasks = [
      task({
        transferred: true,
        reminders: [reminder('OVERDUE', '2025-03-14'), reminder('MANUAL', '2025-03-15')],
        explanations: [request('2025-03-14', '2025-03-20'), request('2025-03-15', '2025-03-20', '2025-03-18')],
      }),
    ];
    const asOf = d('2025-03-31');
    expect(followUpFigures(tasks, 'A', period, asOf)).toEqual({
      ...NO_FOLLOW_UP,
      reminders: 1,
      explanationsRequested: 1,
      explanationsOverdue: 1,
    });
    expect(followUpFigures(tasks, 'B', period, asOf)).toEqual({
      ...NO_FOLLOW_UP,
      reminders: 1,
      explanationsRequested: 1,
      explanationsAnsweredOnTime: 1,
    });
  });

  it('split the requests by their status as of the date', () => {
    const tasks = [
      task({
        explanations: [
          request('2025-03-03', '2025-03-07', '2025-03-07'),
          request('2025-03-03', '2025-03-07', '2025-03-10'),
          request('2025-03-03', '2025-03-07'),
          request('2025-03-20', '2025-04-07'),
        ],
      }),
    ];
    expect(followUpFigures(tasks, 'A', period, d('2025-03-31'))).toEqual({
      ...NO_FOLLOW_UP,
      explanationsRequested: 4,
      explanationsAnsweredOnTime: 1,
      explanationsAnsweredLate: 1,
      explanationsOverdue: 1,
      explanationsAwaitingAnswer: 1,
    });
    // As of 9 March the late answer is not given yet: two overdue, the last request not made yet.
    expect(followUpFigures(tasks, 'A', period, d('2025-03-09'))).toEqual({
      ...NO_FOLLOW_UP,
      explanationsRequested: 3,
      explanationsAnsweredOnTime: 1,
      explanationsOverdue: 2,
    });
  });

  it('leave out a task withdrawn on or before the date, with its reminders and requests', () => {
    const tasks = [
      task({
        withdrawnOn: d('2025-03-20'),
        reminders: [reminder('MANUAL', '2025-03-05')],
        explanations: [request('2025-03-05', '2025-03-07')],
      }),
    ];
    expect(followUpFigures(tasks, 'A', period, d('2025-03-20'))).toEqual(NO_FOLLOW_UP);
    expect(followUpFigures(tasks, 'A', period, d('2025-03-19'))).toMatchObject({
      reminders: 1,
      explanationsRequested: 1,
    });
  });
});
