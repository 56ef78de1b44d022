import { feedRange, isUuid, type CalendarDate, type FeedPageRequest } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';

/** A row of the task feed. */
export interface TaskEventRow {
  id: string;
  tx: string;
  action: string;
  at: Date;
  onDate: CalendarDate;
  actor: string;
  actorId: string | null;
  taskId: string;
}

export interface TaskEventQuery extends FeedPageRequest {
  types: string[] | null;
  taskIds: string[] | null;
  /** Tasks one of these units leads or coordinates (the filter). */
  organisationIds: string[] | null;
}

/**
 * One page of the task feed, in commit order (see `feedRange`): one statement, one
 * range scan of `task_history_feed_idx` from the cursor.
 */
export async function taskEventPage(db: DataSource, query: TaskEventQuery): Promise<TaskEventRow[]> {
  const parameters: unknown[] = [];
  const param = (value: unknown) => `$${parameters.push(value)}`;
  const where = feedRange('h', query.after, param);
  if (query.types) where.push(`h.action = ANY(${param(query.types)}::text[])`);
  if (query.taskIds) where.push(`h.task_id = ANY(${param(query.taskIds.filter(isUuid))}::uuid[])`);
  const ledOrCoordinatedBy = (units: string) =>
    `EXISTS (SELECT 1 FROM assignments.task t WHERE t.id = h.task_id
              AND (t.lead_organisation_id = ANY(${units}) OR t.coordinating_organisation_ids && ${units}
                   OR t.assigning_organisation_id = ANY(${units})))`;
  if (query.organisationIds) where.push(ledOrCoordinatedBy(`${param(query.organisationIds.filter(isUuid))}::uuid[]`));
  if (query.visibleTo !== null) where.push(ledOrCoordinatedBy(`ARRAY[${param(query.visibleTo)}::uuid]`));
  return db.query(
    `SELECT h.id::text AS id, h.tx_id::text AS tx, h.action, h.at, h.on_date AS "onDate", h.actor,
            h.actor_id AS "actorId", h.task_id AS "taskId"
       FROM assignments.task_history h
      WHERE ${where.join(' AND ')}
      ORDER BY h.tx_id, h.id
      LIMIT ${param(query.limit)}`,
    parameters,
  );
}
