import type { CalendarDate } from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { FeedEvent } from '../feed/feed-sources';
import { isNews, notificationsFor, ONCE_PER_TASK } from './notification-kinds';

/** The inbox's SQL: one statement per page of events, per page of notifications, per marking. */

/**
 * The notifications a page of task events makes, stored once each; only for news (`isNews`). A
 * unit is told an `ONCE_PER_TASK` kind of a task once: not again in the page, nor if told before.
 */
export async function recordNotifications(
  tx: EntityManager,
  events: readonly FeedEvent[],
  news: { today: CalendarDate; recentDays: number },
): Promise<void> {
  const told = new Set<string>();
  const drafts = events.flatMap((event) =>
    event.task && isNews(event.on, news.today, news.recentDays)
      ? notificationsFor({ type: event.type, ...event.task }).flatMap((draft) => {
          const organisationId = draft.audience === 'OFFICE' ? null : draft.audience.unit;
          const once = `${event.subjectId} ${draft.kind} ${organisationId}`;
          if (ONCE_PER_TASK.includes(draft.kind)) {
            if (told.has(once)) return [];
            told.add(once);
          }
          return [
            {
              event_id: event.id,
              kind: draft.kind,
              audience: draft.audience === 'OFFICE' ? 'OFFICE' : 'UNIT',
              organisation_id: organisationId,
              task_id: event.subjectId,
              text: draft.text,
              created_at: event.occurredAt.toISOString(),
            },
          ];
        })
      : [],
  );
  if (drafts.length === 0) return;
  await tx.query(
    `INSERT INTO notifications.notification (id, event_id, kind, audience, organisation_id, task_id, text, created_at)
     SELECT gen_random_uuid(), n.event_id, n.kind, n.audience, n.organisation_id, n.task_id, n.text, n.created_at
       FROM jsonb_to_recordset($1::jsonb) AS n (event_id varchar, kind varchar, audience varchar,
            organisation_id varchar, task_id varchar, text text, created_at timestamptz)
      WHERE n.kind <> ALL ($2::varchar[])
         OR NOT EXISTS (SELECT 1 FROM notifications.notification AS before
                         WHERE before.task_id = n.task_id AND before.organisation_id = n.organisation_id
                           AND before.kind = n.kind AND before.kind = ANY ($2::varchar[]))
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(drafts), ONCE_PER_TASK],
  );
}

/** Whose inbox: the Office's (an OFFICE user), a unit's (a UNIT user of it), or both. */
export interface Reader {
  userId: string;
  office: boolean;
  /** The unit whose notifications the user reads; null: none. */
  organisationId: string | null;
}

const VISIBLE = `((n.audience = 'OFFICE' AND $2::boolean) OR (n.audience = 'UNIT' AND n.organisation_id = $3::varchar))`;

export interface NotificationRow {
  id: string;
  kind: string;
  text: string;
  task_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** A page of the reader's notifications, newest first, and how many are unread. */
export async function notificationPage(
  db: DataSource,
  reader: Reader,
  page: { limit: number; unreadOnly: boolean; after: { createdAt: string; id: string } | null },
): Promise<{ rows: NotificationRow[]; unread: number }> {
  const rows = (await db.query(
    `SELECT n.id, n.kind, n.text, n.task_id, n.created_at, r.read_at
       FROM notifications.notification n
       LEFT JOIN notifications.notification_read r ON r.notification_id = n.id AND r.user_id = $1
      WHERE ${VISIBLE}
        AND (NOT $4::boolean OR r.read_at IS NULL)
        AND ($5::timestamptz IS NULL OR (n.created_at, n.id) < ($5::timestamptz, $6::uuid))
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT $7`,
    [
      reader.userId,
      reader.office,
      reader.organisationId,
      page.unreadOnly,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit,
    ],
  )) as NotificationRow[];
  return { rows, unread: await unreadCount(db, reader) };
}

export async function unreadCount(db: Pick<EntityManager, 'query'>, reader: Reader): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS unread FROM notifications.notification n
      WHERE ${VISIBLE}
        AND NOT EXISTS (SELECT 1 FROM notifications.notification_read r WHERE r.notification_id = n.id AND r.user_id = $1)`,
    [reader.userId, reader.office, reader.organisationId],
  )) as Array<{ unread: number }>;
  return row!.unread;
}

/** Which of these ids the reader's inbox holds. */
export async function visibleIds(tx: EntityManager, reader: Reader, ids: readonly string[]): Promise<Set<string>> {
  const rows = (await tx.query(
    `SELECT n.id FROM notifications.notification n WHERE $1::varchar IS NOT NULL AND ${VISIBLE} AND n.id = ANY ($4::uuid[])`,
    [reader.userId, reader.office, reader.organisationId, ids],
  )) as Array<{ id: string }>;
  return new Set(rows.map((row) => row.id));
}

/** Marks notifications read for the reader (these ids, or all its unread ones when null). */
export async function markRead(tx: EntityManager, reader: Reader, ids: readonly string[] | null): Promise<void> {
  await tx.query(
    `INSERT INTO notifications.notification_read (notification_id, user_id)
     SELECT n.id, $1 FROM notifications.notification n
      WHERE ${VISIBLE} AND ($4::uuid[] IS NULL OR n.id = ANY ($4))
     ON CONFLICT DO NOTHING`,
    [reader.userId, reader.office, reader.organisationId, ids],
  );
}
