import { isUuid, parseCalendarDate, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';

/**
 * What the workflow would have refused in a task history: the checks a history must pass to be
 * loaded as if it had gone through the workflow (demo and benchmark data). Independent of the
 * generator, so that its tests hold it to the rules. Returns one line per problem; [] when valid.
 */
export function historyProblems(events: readonly TaskEvent[], today?: CalendarDate): string[] {
  const problems: string[] = [];
  const problem = (index: number, text: string) => {
    problems.push(`#${index} ${events[index]?.type ?? ''}: ${text}`);
  };
  const text = (value: string) => value.trim().length > 0 && value === value.normalize('NFC');

  const first = events[0];
  if (!first || first.type !== 'ASSIGNED') return ['a history starts with ASSIGNED'];
  const assignedOn = first.on;
  let deadline: CalendarDate | null = first.dueOn; // the deadline in force
  let pendingExtension: { id: string; proposedDueOn: CalendarDate } | null = null;
  let pendingReport = false;
  let closed: string | null = null; // 'completed' or 'withdrawn'
  const extensionIds = new Set<string>();
  let previous: CalendarDate | null = null;

  for (const [index, event] of events.entries()) {
    if (!parseCalendarDate(event.on)) {
      problem(index, `not a date: ${event.on}`);
      continue;
    }
    if (previous !== null && event.on < previous) problem(index, `${event.on} before the previous event ${previous}`);
    previous = event.on;
    if (today !== undefined && event.on > today) problem(index, `${event.on} is after today ${today}`);
    if (closed !== null) problem(index, `the task is already ${closed}`);
    switch (event.type) {
      case 'ASSIGNED':
        if (index > 0) problem(index, 'assigned twice');
        if (event.dueOn !== null && (!parseCalendarDate(event.dueOn) || event.dueOn < event.on)) {
          problem(index, `due ${event.dueOn} before the assignment`);
        }
        break;
      case 'PROGRESS_REPORTED':
        if (event.percentComplete !== null) {
          const pct = event.percentComplete;
          if (!Number.isInteger(pct) || pct < 0 || pct > 100) problem(index, `percent ${pct}`);
        }
        if (!text(event.note)) problem(index, 'empty or non-NFC note');
        break;
      case 'EXTENSION_REQUESTED':
        if (deadline === null) problem(index, 'no deadline to extend');
        else {
          if (event.on > deadline) problem(index, `requested on ${event.on}, after the deadline in force ${deadline}`);
          if (!(event.proposedDueOn > deadline))
            problem(index, `proposed ${event.proposedDueOn} not after ${deadline}`);
        }
        if (!parseCalendarDate(event.proposedDueOn)) problem(index, 'proposed date not a date');
        if (pendingExtension !== null) problem(index, 'another extension is pending');
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        if (!isUuid(event.extensionId) || extensionIds.has(event.extensionId))
          problem(index, 'extension id not unique');
        extensionIds.add(event.extensionId);
        pendingExtension = { id: event.extensionId, proposedDueOn: event.proposedDueOn };
        break;
      case 'EXTENSION_APPROVED':
      case 'EXTENSION_REJECTED':
        if (pendingExtension === null || pendingExtension.id !== event.extensionId) {
          problem(index, 'decides no pending extension');
        } else if (event.type === 'EXTENSION_APPROVED') deadline = pendingExtension.proposedDueOn;
        if (event.note !== undefined && !text(event.note)) problem(index, 'empty or non-NFC note');
        pendingExtension = null;
        break;
      case 'COMPLETION_SUBMITTED':
        if (pendingReport) problem(index, 'another completion report is pending');
        if (!parseCalendarDate(event.completedOn) || event.completedOn < assignedOn || event.completedOn > event.on) {
          problem(index, `completed on ${event.completedOn}, outside ${assignedOn}..${event.on}`);
        }
        if (!text(event.note)) problem(index, 'empty or non-NFC note');
        pendingReport = true;
        break;
      case 'COMPLETION_CONFIRMED':
        if (!pendingReport) problem(index, 'confirms no pending report');
        pendingReport = false;
        closed = 'completed';
        break;
      case 'COMPLETION_RETURNED':
        if (!pendingReport) problem(index, 'returns no pending report');
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        pendingReport = false;
        break;
      case 'WITHDRAWN':
        if (pendingReport || pendingExtension !== null) problem(index, 'withdrawn while a request is pending');
        if (!text(event.reason)) problem(index, 'empty or non-NFC reason');
        closed = 'withdrawn';
        break;
      default:
        problem(index, 'unknown event');
    }
  }
  return problems;
}
