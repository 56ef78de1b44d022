import { committedForEveryReader, type FeedPosition } from '@giaoviec/shared';
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
    [event.inspectionId, event.type, event.actor?.name ?? 'Nền tảng Giao Việc', event.actor?.id ?? null],
  );
}

/** One page of the inspection feed in commit order, for every unit or one (a unit user's). */
export async function inspectionEventPage(
  db: DataSource,
  query: { after: FeedPosition | null; limit: number; organisationId: string | null },
): Promise<InspectionEventRow[]> {
  const parameters: unknown[] = [];
  const param = (value: unknown) => `$${parameters.push(value)}`;
  const where = [committedForEveryReader('e')];
  if (query.after) where.push(`(e.tx_id, e.id) > (${param(query.after.tx)}::xid8, ${param(query.after.id)}::bigint)`);
  if (query.organisationId !== null) {
    where.push(`EXISTS (SELECT 1 FROM inspections.inspection i
                         WHERE i.id = e.inspection_id AND i.organisation_id = ${param(query.organisationId)}::uuid)`);
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
