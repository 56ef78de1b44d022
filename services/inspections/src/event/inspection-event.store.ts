import { PLATFORM_ACTOR, feedRange, type FeedPageRequest } from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';

/** The kinds of change the inspection feed carries. */
export type InspectionEventKind = 'RECORDED' | 'RECOMMENDATION_ANSWERED';

/** A row of the inspection feed. */
export interface InspectionEventRow {
  id: string;
  tx: string;
  type: InspectionEventKind;
  at: Date;
  actor: string;
  actorId: string | null;
  inspectionId: string;
}

/** Writes an event inside the change's own transaction: no change without its event, no event without its change. */
export async function recordInspectionEvent(
  tx: EntityManager,
  event: { inspectionId: string; type: InspectionEventKind; actor: { id: string; name: string } | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO inspections.inspection_event (inspection_id, type, actor, actor_id) VALUES ($1, $2, $3, $4)`,
    [event.inspectionId, event.type, event.actor?.name ?? PLATFORM_ACTOR.name, event.actor?.id ?? null],
  );
}

/** One page of the inspection feed in commit order, for every unit or one (a unit user's). */
export async function inspectionEventPage(db: DataSource, query: FeedPageRequest): Promise<InspectionEventRow[]> {
  const parameters: unknown[] = [];
  const param = (value: unknown) => `$${parameters.push(value)}`;
  const where = feedRange('e', query.after, param);
  if (query.visibleTo !== null) {
    where.push(`EXISTS (SELECT 1 FROM inspections.inspection i
                         WHERE i.id = e.inspection_id AND i.organisation_id = ${param(query.visibleTo)}::uuid)`);
  }
  return db.query(
    `SELECT e.id::text AS id, e.tx_id::text AS tx, e.type, e.at, e.actor, e.actor_id AS "actorId",
            e.inspection_id AS "inspectionId"
       FROM inspections.inspection_event e
      WHERE ${where.join(' AND ')}
      ORDER BY e.tx_id, e.id
      LIMIT ${param(query.limit)}`,
    parameters,
  );
}
