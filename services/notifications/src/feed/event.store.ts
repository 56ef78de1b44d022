import { returning } from '../sql';
import type { EntityManager } from 'typeorm';
import { FIGURES_CHANGED } from './event-types';
import type { FeedEvent } from './feed-sources';

/**
 * The events this service has read, and the deliveries they fan out to: one statement each for a
 * whole page, whatever its size.
 */

/** Stores a page of events (once each) and returns the ids of the deliveries it created. */
export async function recordEvents(tx: EntityManager, events: readonly FeedEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  await tx.query(
    `INSERT INTO notifications.event (id, type, occurred_at, on_date, subject_id, organisation_ids)
     SELECT e.id, e.type, e.occurred_at, e.on_date, e.subject_id,
            ARRAY(SELECT jsonb_array_elements_text(e.organisation_ids))::varchar[]
       FROM jsonb_to_recordset($1::jsonb)
         AS e (id varchar, type varchar, occurred_at timestamptz, on_date date, subject_id varchar, organisation_ids jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [
      JSON.stringify(
        events.map((event) => ({
          id: event.id,
          type: event.type,
          occurred_at: event.occurredAt.toISOString(),
          on_date: event.on,
          subject_id: event.subjectId,
          organisation_ids: event.organisationIds,
        })),
      ),
    ],
  );
  return fanOut(
    tx,
    events.map((event) => event.id),
  );
}

/**
 * One delivery per active webhook that asked for the event's type (and its units, if it named
 * some), created no later than the event, and within its owner's scope (owner-scope.ts). Reading rights are
 * checked again, through the API, at each delivery.
 */
async function fanOut(tx: EntityManager, eventIds: readonly string[]): Promise<string[]> {
  const rows = await returning<{ id: string }>(
    tx,
    `INSERT INTO notifications.delivery (id, webhook_id, event_id, created_at, next_attempt_at)
     SELECT gen_random_uuid(), w.id, e.id, now(), now()
       FROM notifications.event e
       JOIN notifications.webhook w
         ON w.active
        AND e.type = ANY (w.event_types)
        AND w.created_at <= e.occurred_at
        AND (w.organisation_ids IS NULL OR w.organisation_ids && e.organisation_ids)
        AND (w.scope_organisation_id IS NULL OR w.scope_organisation_id = ANY (e.organisation_ids))
        AND (NOT w.figures_only OR e.type = $2)
      WHERE e.id = ANY ($1)
      ORDER BY e.occurred_at, e.id
     ON CONFLICT (webhook_id, event_id) DO NOTHING
     RETURNING id`,
    [eventIds, FIGURES_CHANGED],
  );
  return rows.map((row) => row.id);
}

/**
 * Marks the units whose figures may have changed: a unit not signalled in the last interval is
 * due now, one signalled recently is due when its interval ends (so the last change is never
 * left unsignalled, and no unit is signalled more than once an interval).
 */
export async function markFiguresChanged(
  tx: EntityManager,
  organisationIds: readonly string[],
  intervalMs: number,
): Promise<void> {
  if (organisationIds.length === 0) return;
  await tx.query(
    `INSERT INTO notifications.figures_signal (organisation_id, due_at)
     SELECT DISTINCT unnest($1::varchar[]), now()
     ON CONFLICT (organisation_id) DO UPDATE
       SET due_at = COALESCE(figures_signal.due_at,
                             GREATEST(now(), figures_signal.last_signalled_at + $2 * interval '1 millisecond'))`,
    [organisationIds, intervalMs],
  );
}

/** Turns the units due into FIGURES_CHANGED events (one each) and returns their deliveries. */
export async function signalDueFigures(tx: EntityManager): Promise<string[]> {
  const due = await returning<{ organisation_id: string }>(
    tx,
    `UPDATE notifications.figures_signal s SET due_at = NULL, last_signalled_at = now()
      WHERE s.organisation_id IN (
        SELECT organisation_id FROM notifications.figures_signal
         WHERE due_at <= now() ORDER BY organisation_id FOR UPDATE SKIP LOCKED)
     RETURNING s.organisation_id`,
  );
  if (due.length === 0) return [];
  const ids = await returning<{ id: string }>(
    tx,
    `INSERT INTO notifications.event (id, type, occurred_at, on_date, subject_id, organisation_ids)
     SELECT 'figures:' || gen_random_uuid(), $2, now(), (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, NULL, ARRAY[unit]
       FROM unnest($1::varchar[]) AS unit
     RETURNING id`,
    [due.map((row) => row.organisation_id), FIGURES_CHANGED],
  );
  return fanOut(
    tx,
    ids.map((row) => row.id),
  );
}

/** Deliveries whose job was asked for outside the queue's reach (a redelivery): now queued. */
export async function takeRequestedJobs(tx: EntityManager): Promise<string[]> {
  const rows = await returning<{ id: string }>(
    tx,
    `UPDATE notifications.delivery SET job_requested = false
      WHERE id IN (SELECT id FROM notifications.delivery WHERE job_requested LIMIT 500 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
  );
  return rows.map((row) => row.id);
}
