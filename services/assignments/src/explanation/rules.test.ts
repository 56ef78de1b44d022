import type { CalendarDate } from '@giaoviec/shared';
import { explanationStatus } from './rules';

const d = (text: string) => text as CalendarDate;

describe('the status of a request for explanation as of a date', () => {
  // Requested on 3 March, to be answered by 7 March.
  it.each([
    ['2025-03-02', null, null], // not requested yet
    ['2025-03-03', null, 'AWAITING_ANSWER'],
    ['2025-03-07', null, 'AWAITING_ANSWER'], // the answer date itself is still in time
    ['2025-03-08', null, 'OVERDUE'],
    ['2025-03-07', '2025-03-07', 'ANSWERED_ON_TIME'],
    ['2025-03-06', '2025-03-07', 'AWAITING_ANSWER'], // answered after the as-of date
    ['2025-03-10', '2025-03-07', 'ANSWERED_ON_TIME'],
    ['2025-03-09', '2025-03-10', 'OVERDUE'],
    ['2025-03-10', '2025-03-10', 'ANSWERED_LATE'],
  ])('as of %s, answered on %p: %p', (asOf, answeredOn, status) => {
    const request = {
      requestedOn: d('2025-03-03'),
      answerBy: d('2025-03-07'),
      answeredOn: answeredOn === null ? null : d(answeredOn),
    };
    expect(explanationStatus(request, d(asOf))).toBe(status);
  });
});
