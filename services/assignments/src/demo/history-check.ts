import { isUuid, parseCalendarDate, type CalendarDate } from '@giaoviec/shared';
import { describeRefusal, foldHistory } from '../task/lifecycle';
import type { TaskEvent } from '../task/task-history';

/**
 * What the workflow would have refused in a task history, and the demo's own conventions: the
 * checks a history must pass to be loaded as if it had gone through the workflow (demo and
 * benchmark data). The workflow's rules are the lifecycle's (task/lifecycle.ts); the demo adds that
 * its events are dated in order, its texts are non-empty NFC, its extension ids unique, and that
 * it never withdraws a task with a request or report still waiting. Returns one line per
 * problem; [] when valid.
 */
export function historyProblems(events: readonly TaskEvent[], today?: CalendarDate): string[] {
  const problems: string[] = [];
  const problem = (index: number, text: string) => {
    problems.push(`#${index} ${events[index]?.type ?? ''}: ${text}`);
  };
  const invalidDates = events.flatMap((event, index) =>
    [event.on, ...('dueOn' in event && event.dueOn ? [event.dueOn] : []), ...datesOf(event)]
      .filter((date) => !parseCalendarDate(date))
      .map((date) => [index, date] as const),
  );
  for (const [index, date] of invalidDates) problem(index, `not a date: ${date}`);
  if (invalidDates.length > 0) return problems;

  const { refusals } = foldHistory(events, today);
  for (const { index, refusal } of refusals) problem(index, describeRefusal(refusal));

  const text = (value: string) => value.trim().length > 0 && value === value.normalize('NFC');
  const extensionIds = new Set<string>();
  let waiting = 0; // requests and reports not decided yet
  for (const [index, event] of events.entries()) {
    const previous = events[index - 1];
    if (previous && event.on < previous.on) problem(index, `${event.on} before the previous event ${previous.on}`);
    switch (event.type) {
      case 'PROGRESS_REPORTED':
        if (event.percentComplete !== null && !Number.isInteger(event.percentComplete))
          problem(index, `percent ${event.percentComplete}`);
        if (!text(event.note)) problem(index, 'empty or non-NFC note');
        break;
      case 'EXTENSION_REQUESTED':
        if (!isUuid(event.extensionId) || extensionIds.has(event.extensionId))
          problem(index, 'extension id not unique');
        extensionIds.add(event.extensionId);
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        waiting++;
        break;
      case 'COMPLETION_SUBMITTED':
        if (!text(event.note)) problem(index, 'empty or non-NFC note');
        waiting++;
        break;
      case 'EXTENSION_APPROVED':
      case 'EXTENSION_REJECTED':
        if (event.note !== undefined && !text(event.note)) problem(index, 'empty or non-NFC note');
        waiting--;
        break;
      case 'COMPLETION_RETURNED':
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        waiting--;
        break;
      case 'COMPLETION_CONFIRMED':
        waiting--;
        break;
      case 'WITHDRAWN':
        if (waiting > 0) problem(index, 'withdrawn while a request is pending');
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        break;
      default:
        break;
    }
  }
  return problems;
}

/** The dates an event carries besides its own. */
function datesOf(event: TaskEvent): CalendarDate[] {
  if (event.type === 'EXTENSION_REQUESTED') return [event.proposedDueOn];
  if (event.type === 'COMPLETION_SUBMITTED') return [event.completedOn];
  return [];
}
