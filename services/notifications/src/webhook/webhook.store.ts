import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { publicEventId } from './payload';
import type { Webhook, WebhookDelivery, WebhookDeliveryStatusEnum } from './webhook.type';

/** The SQL of webhooks and their deliveries; the only place that writes them (but the worker's). */

interface WebhookRow {
  id: string;
  owner_id: string;
  url: string;
  event_types: string[];
  organisation_ids: string[] | null;
  description: string | null;
  active: boolean;
  failing_since: Date | null;
  created_at: Date;
}

const WEBHOOK_COLUMNS = `id, owner_id, url, event_types, organisation_ids, description, active, failing_since, created_at`;

function webhookOf(row: WebhookRow): Webhook {
  return {
    id: row.id,
    ownerId: row.owner_id,
    url: row.url,
    eventTypes: row.event_types,
    organisationIds: row.organisation_ids,
    description: row.description,
    active: row.active,
    failingSince: row.failing_since,
    createdAt: row.created_at,
  };
}

export interface NewWebhook {
  owner: { id: string; name: string | null; roles: string[]; organisationId: string | null };
  scope: { organisationId: string | null; figuresOnly: boolean };
  url: string;
  eventTypes: string[];
  organisationIds: string[] | null;
  description: string | null;
  secret: string;
}

export async function insertWebhook(tx: EntityManager, webhook: NewWebhook): Promise<Webhook> {
  const [row] = (await tx.query(
    `INSERT INTO notifications.webhook
       (id, owner_id, owner_name, owner_roles, owner_organisation_id, scope_organisation_id, figures_only,
        url, event_types, organisation_ids, description, secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING ${WEBHOOK_COLUMNS}`,
    [
      randomUUID(),
      webhook.owner.id,
      webhook.owner.name,
      webhook.owner.roles,
      webhook.owner.organisationId,
      webhook.scope.organisationId,
      webhook.scope.figuresOnly,
      webhook.url,
      webhook.eventTypes,
      webhook.organisationIds,
      webhook.description,
      webhook.secret,
    ],
  )) as WebhookRow[];
  return webhookOf(row!);
}

/** The webhooks of an owner (null: everyone's), oldest first. */
export async function listWebhooks(db: DataSource, ownerId: string | null): Promise<Webhook[]> {
  const rows = (await db.query(
    `SELECT ${WEBHOOK_COLUMNS} FROM notifications.webhook
      WHERE $1::varchar IS NULL OR owner_id = $1 ORDER BY created_at, id`,
    [ownerId],
  )) as WebhookRow[];
  return rows.map(webhookOf);
}

/** A webhook, locked for the transaction; null when there is none. */
export async function lockWebhook(tx: EntityManager, id: string): Promise<Webhook | null> {
  const [row] = (await tx.query(`SELECT ${WEBHOOK_COLUMNS} FROM notifications.webhook WHERE id = $1 FOR UPDATE`, [
    id,
  ])) as WebhookRow[];
  return row ? webhookOf(row) : null;
}

/** The new secret signs from now on; the current one goes on signing until `previousUntil`. */
export async function rotateSecret(tx: EntityManager, id: string, secret: string, previousUntil: Date): Promise<void> {
  await tx.query(
    `UPDATE notifications.webhook
        SET previous_secret = secret, previous_secret_until = $3, secret = $2 WHERE id = $1`,
    [id, secret, previousUntil],
  );
}

export async function deleteWebhook(tx: EntityManager, id: string): Promise<void> {
  await tx.query(`DELETE FROM notifications.webhook WHERE id = $1`, [id]);
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  type: string;
  status: string;
  attempts: number;
  last_response_status: number | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
}

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event_id, e.type, d.status, d.attempts, d.last_response_status,
  d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.created_at`;

export function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: publicEventId(row.event_id),
    type: row.type,
    status: row.status as WebhookDeliveryStatusEnum,
    attempts: row.attempts,
    lastResponseStatus: row.last_response_status,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
  };
}

/** Where a page of deliveries starts: after this (created_at, id), newest first. */
export interface DeliveryPageKey {
  webhookIds: readonly string[];
  limit: number;
  after: { createdAt: string; id: string } | null;
}

/** Up to `limit` deliveries of each webhook, newest first: one statement for every webhook. */
export async function deliveryPages(db: DataSource, key: DeliveryPageKey): Promise<Map<string, DeliveryRow[]>> {
  const rows = (await db.query(
    `SELECT page.* FROM unnest($1::uuid[]) AS w (id)
       CROSS JOIN LATERAL (
         SELECT ${DELIVERY_COLUMNS} FROM notifications.delivery d JOIN notifications.event e ON e.id = d.event_id
          WHERE d.webhook_id = w.id
            AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
          ORDER BY d.created_at DESC, d.id DESC
          LIMIT $2) page`,
    [key.webhookIds, key.limit, key.after?.createdAt ?? null, key.after?.id ?? null],
  )) as DeliveryRow[];
  const pages = new Map<string, DeliveryRow[]>(key.webhookIds.map((id) => [id, []]));
  for (const row of rows) pages.get(row.webhook_id)!.push(row);
  return pages;
}

export type { DeliveryRow };

/** A delivery, locked, with its webhook's owner; null when there is none. */
export async function lockDelivery(
  tx: EntityManager,
  id: string,
): Promise<(DeliveryRow & { owner_id: string }) | null> {
  const [row] = (await tx.query(
    `SELECT ${DELIVERY_COLUMNS}, w.owner_id FROM notifications.delivery d
       JOIN notifications.event e ON e.id = d.event_id JOIN notifications.webhook w ON w.id = d.webhook_id
      WHERE d.id = $1 FOR UPDATE OF d`,
    [id],
  )) as Array<DeliveryRow & { owner_id: string }>;
  return row ?? null;
}

/**
 * Sends a delivery again: pending and due now, its retries counted afresh from now, same id. Its
 * job is queued by the feed consumer's next round (`job_requested`), in a transaction of its own.
 */
export async function resetDelivery(tx: EntityManager, id: string): Promise<DeliveryRow> {
  await tx.query(
    `UPDATE notifications.delivery
        SET status = 'PENDING', next_attempt_at = now(), retry_from = now(), leased_until = NULL, delivered_at = NULL,
            job_requested = true
      WHERE id = $1`,
    [id],
  );
  const [row] = (await tx.query(
    `SELECT ${DELIVERY_COLUMNS} FROM notifications.delivery d JOIN notifications.event e ON e.id = d.event_id
      WHERE d.id = $1`,
    [id],
  )) as DeliveryRow[];
  return row!;
}
