import type { CalendarDate } from '@giaoviec/shared';

/** Where a request for explanation (yêu cầu giải trình) stands as of a date (RULES.md, Explanations). */
export type ExplanationStatus = 'AWAITING_ANSWER' | 'ANSWERED_ON_TIME' | 'ANSWERED_LATE' | 'OVERDUE';

/** What the status of a request depends on. */
export interface ExplanationFacts {
  requestedOn: CalendarDate;
  answerBy: CalendarDate;
  answeredOn: CalendarDate | null;
}

/** The status as of X of a request made on or before X; null for a request made after X. */
export function explanationStatus(request: ExplanationFacts, asOf: CalendarDate): ExplanationStatus | null {
  if (request.requestedOn > asOf) return null;
  if (request.answeredOn !== null && request.answeredOn <= asOf) {
    return request.answeredOn <= request.answerBy ? 'ANSWERED_ON_TIME' : 'ANSWERED_LATE';
  }
  return request.answerBy < asOf ? 'OVERDUE' : 'AWAITING_ANSWER';
}
