import { returning } from '../sql';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveredEvent } from './payload';
import type { AttemptOutcome } from './transport';

/** A delivery due now, with its webhook and event, as the worker claimed it. */
export interface ClaimedDelivery {
  id: string;
  /** Since when it is retried: its creation, or its last redelivery. */
  createdAt: Date;
  attempts: number;
  webhook: {
    id: string;
    url: string;
    active: boolean;
    secrets: string[];
    failingSince: Date | null;
    owner: { id: string; name: string | null; roles: string[]; organisationId: string | null };
  };
  event: DeliveredEvent;
}

/** Why a delivery's job has nothing to send now. */
export type Unclaimed = { reason: 'done' } | { reason: 'leased'; until: Date };

interface ClaimRow {
  id: string;
  status: string;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  leased_until: Date | null;
  now: Date;
  webhook_id: string;
  url: string;
  active: boolean;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  failing_since: Date | null;
  owner_id: string;
  owner_name: string | null;
  owner_roles: string[];
  owner_organisation_id: string | null;
  event_id: string;
  type: string;
  occurred_at: Date;
  on_date: string;
  subject_id: string | null;
  organisation_ids: string[];
}

/**
 * Takes a lease on a delivery that is pending and due: one attempt at a time, whichever replica
 * or job asks. A lease ends by itself, so a process killed during an attempt holds nothing for long.
 */
export async function claimDelivery(
  db: DataSource,
  deliveryId: string,
  leaseMs: number,
): Promise<ClaimedDelivery | Unclaimed> {
  return db.transaction(async (tx) => {
    const [row] = (await tx.query(
      `SELECT d.id, d.status, d.attempts, d.retry_from AS created_at, d.next_attempt_at, d.leased_until, now() AS now,
              w.id AS webhook_id, w.url, w.active, w.secret, w.previous_secret, w.previous_secret_until, w.failing_since,
              w.owner_id, w.owner_name, w.owner_roles, w.owner_organisation_id,
              e.id AS event_id, e.type, e.occurred_at, e.on_date::text AS on_date, e.subject_id, e.organisation_ids
         FROM notifications.delivery d
         JOIN notifications.webhook w ON w.id = d.webhook_id
         JOIN notifications.event e ON e.id = d.event_id
        WHERE d.id = $1
          FOR UPDATE OF d`,
      [deliveryId],
    )) as ClaimRow[];
    // Delivered, failed, deleted, or due later (a job for that time exists).
    if (!row || row.status !== 'PENDING' || row.next_attempt_at.getTime() > row.now.getTime() + 1000)
      return { reason: 'done' };
    if (row.leased_until && row.leased_until > row.now) return { reason: 'leased', until: row.leased_until };
    await tx.query(
      `UPDATE notifications.delivery SET leased_until = now() + $2 * interval '1 millisecond' WHERE id = $1`,
      [deliveryId, leaseMs],
    );
    const previousInForce = row.previous_secret && row.previous_secret_until && row.previous_secret_until > row.now;
    return {
      id: row.id,
      createdAt: row.created_at,
      attempts: row.attempts,
      webhook: {
        id: row.webhook_id,
        url: row.url,
        active: row.active,
        secrets: previousInForce ? [row.secret, row.previous_secret!] : [row.secret],
        failingSince: row.failing_since,
        owner: {
          id: row.owner_id,
          name: row.owner_name,
          roles: row.owner_roles,
          organisationId: row.owner_organisation_id,
        },
      },
      event: {
        id: row.event_id,
        type: row.type,
        occurredAt: row.occurred_at,
        on: row.on_date,
        subjectId: row.subject_id,
        organisationIds: row.organisation_ids,
      },
    };
  });
}

/** Gives a delivery's lease back after an attempt that could not run. */
export async function releaseDelivery(db: DataSource, deliveryId: string): Promise<void> {
  await db.query(`UPDATE notifications.delivery SET leased_until = NULL WHERE id = $1`, [deliveryId]);
}

/** A delivery ends without an attempt: SKIPPED (its owner may not read it now) or FAILED. */
export async function closeDelivery(
  db: DataSource,
  deliveryId: string,
  status: 'SKIPPED' | 'FAILED',
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE notifications.delivery SET status = $2, last_error = $3, leased_until = NULL WHERE id = $1 AND status = 'PENDING'`,
    [deliveryId, status, reason],
  );
}

/** Records a successful attempt; the webhook is no longer failing. */
export async function recordDelivered(
  tx: EntityManager,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: Date,
): Promise<void> {
  // The webhook's row first, then the delivery's: the order deleteWebhook locks them in (no deadlock).
  await tx.query(`UPDATE notifications.webhook SET failing_since = NULL WHERE id = $1`, [delivery.webhook.id]);
  await tx.query(
    `UPDATE notifications.delivery
        SET status = 'DELIVERED', attempts = attempts + 1, last_response_status = $2, last_error = NULL,
            last_attempt_at = $3, delivered_at = $3, leased_until = NULL
      WHERE id = $1`,
    [delivery.id, outcome.status, at],
  );
}

/**
 * The webhook's other pending deliveries are due now: its receiver answers again, so what it
 * missed goes at once rather than at the end of each one's backoff.
 */
export async function pullForwardPending(tx: EntityManager, webhookId: string): Promise<string[]> {
  const rows = await returning<{ id: string }>(
    tx,
    `UPDATE notifications.delivery SET next_attempt_at = now()
      WHERE webhook_id = $1 AND status = 'PENDING' AND next_attempt_at > now() AND leased_until IS NULL
      RETURNING id`,
    [webhookId],
  );
  return rows.map((row) => row.id);
}

/** Records a failed attempt: the next one at `next`, or FAILED when null; the webhook is failing. */
export async function recordFailed(
  tx: EntityManager,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: Date,
  next: Date | null,
): Promise<void> {
  // The webhook's row first, then the delivery's, as in recordDelivered.
  await tx.query(`UPDATE notifications.webhook SET failing_since = COALESCE(failing_since, $2) WHERE id = $1`, [
    delivery.webhook.id,
    at,
  ]);
  await tx.query(
    `UPDATE notifications.delivery
        SET status = $5, attempts = attempts + 1, last_response_status = $2, last_error = $3,
            last_attempt_at = $4, next_attempt_at = COALESCE($6, next_attempt_at), leased_until = NULL
      WHERE id = $1`,
    [delivery.id, outcome.status, outcome.error?.slice(0, 500) ?? null, at, next ? 'PENDING' : 'FAILED', next],
  );
}

/** Deactivates a webhook that has been failing too long. */
export async function deactivateWebhook(tx: EntityManager, webhookId: string): Promise<void> {
  await tx.query(`UPDATE notifications.webhook SET active = false WHERE id = $1`, [webhookId]);
}
