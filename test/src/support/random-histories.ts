import { addDays, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from '@giaoviec/assignments';

/**
 * Random but valid task histories, squeezed into a few weeks so that the boundaries of RULES.md
 * happen often: completion on the due day, decisions on the due day, two approvals on one day,
 * back-dated approvals, withdrawal on the as-of day, returned reports, no deadline. With
 * `longestWait`, decisions come up to that many days after the request or report (reminders of
 * the Office need long waits); without it, within 2 days for extensions and the same day for reports.
 */
export function randomHistory(
  next: () => number,
  key: string,
  start: CalendarDate,
  options: { longestWait?: number } = {},
): TaskEvent[] {
  const pick = (n: number) => Math.floor(next() * n);
  const assignedOn = addDays(start, pick(40));
  const dueOn = next() < 0.15 ? null : addDays(assignedOn, pick(12));
  const events: TaskEvent[] = [{ type: 'ASSIGNED', on: assignedOn, dueOn }];
  let day = assignedOn;
  let deadline = dueOn;
  let extensions = 0;
  for (let step = 0; step < 6; step++) {
    day = addDays(day, pick(4));
    const roll = next();
    if (roll < 0.3 && deadline !== null && day <= deadline) {
      const extensionId = uuidFromName(`${key}:extension:${extensions++}`);
      const proposedDueOn = addDays(deadline, 1 + pick(8));
      events.push({ type: 'EXTENSION_REQUESTED', on: day, extensionId, proposedDueOn, reason: 'r' });
      // Decided the same day as often as not, sometimes back-dated before an earlier decision.
      const decidedOn = next() < 0.2 ? day : addDays(day, pick(options.longestWait ?? 3));
      if (next() < 0.7) {
        events.push({ type: 'EXTENSION_APPROVED', on: decidedOn, extensionId });
        // With long waits the next step comes after the decision, when its date is in force.
        if (options.longestWait || decidedOn <= (deadline ?? decidedOn)) deadline = proposedDueOn;
      } else {
        events.push({ type: 'EXTENSION_REJECTED', on: decidedOn, extensionId });
      }
      if (options.longestWait) day = decidedOn;
    } else if (roll < 0.7) {
      const completedOn = addDays(assignedOn, pick(20));
      const submittedOn = completedOn > day ? completedOn : day;
      events.push({ type: 'COMPLETION_SUBMITTED', on: submittedOn, completedOn, note: 'n' });
      const decidedOn = options.longestWait ? addDays(submittedOn, pick(options.longestWait)) : submittedOn;
      if (next() < 0.75) {
        // A quality more often than not, so that qualityRated and averageQuality are exercised.
        const quality = next() < 0.3 ? null : 1 + pick(5);
        events.push({ type: 'COMPLETION_CONFIRMED', on: decidedOn, quality });
        return events;
      }
      events.push({ type: 'COMPLETION_RETURNED', on: decidedOn, reason: 'r' });
      day = decidedOn;
    } else if (roll < 0.8) {
      events.push({ type: 'WITHDRAWN', on: day, reason: 'r' });
      return events;
    } else {
      events.push({ type: 'PROGRESS_REPORTED', on: day, percentComplete: pick(101), note: 'n' });
    }
  }
  return events;
}
