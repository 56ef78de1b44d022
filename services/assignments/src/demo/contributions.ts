import { addDays, mulberry32, todayInVietnam } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';
import type { TaskRecord } from '../task/task-records';
import { dayNumber } from './demo-calendar';
import { LANG_SON_DEMO_SEED } from './pinned-figures';

/** Steps after which a task accepts no contribution (RULES.md, Coordination). */
const FINAL = new Set<TaskEvent['type']>(['COMPLETION_CONFIRMED', 'WITHDRAWN']);

/**
 * The coordinating units' contributions to the generated demo tasks, seeded: most by the task's
 * deadline, some late, some never (pending, overdue once the deadline passes). Each is placed in
 * the history in date order; one dated after the task was completed or withdrawn is not made (the
 * workflow would refuse it). The compliance buckets do not depend on contributions: the pinned
 * figures stay.
 */
export function withDemoContributions(records: readonly TaskRecord[]): TaskRecord[] {
  const next = mulberry32(LANG_SON_DEMO_SEED + 19);
  const today = todayInVietnam();
  return records.map((record) => {
    if (record.coordinatingOrganisationIds.length === 0) return record;
    const [assigned] = record.events;
    if (assigned?.type !== 'ASSIGNED') return record;
    const events = [...record.events];
    for (const organisationId of record.coordinatingOrganisationIds) {
      const roll = next();
      const span = (days: number) => Math.floor(next() * days);
      if (roll >= 0.85) continue;
      const onTime = roll < 0.7;
      const due = assigned.dueOn;
      const on =
        due === null
          ? addDays(assigned.on, 1 + span(30))
          : onTime
            ? addDays(assigned.on, span(Math.max(1, dayNumber(due) - dayNumber(assigned.on) + 1)))
            : addDays(due, 1 + span(20));
      if (on > today) continue;
      const end = events.findIndex((event) => FINAL.has(event.type));
      if (end !== -1 && events[end]!.on < on) continue;
      const at = events.findIndex((event, index) => index > 0 && (event.on > on || FINAL.has(event.type)));
      const contribution: TaskEvent = { type: 'CONTRIBUTION_SUBMITTED', on, organisationId, note: 'Ý kiến phối hợp' };
      events.splice(at === -1 ? events.length : at, 0, contribution);
    }
    return { ...record, events };
  });
}
