import { PeerError, queryPeer, signUserToken } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sourceOf } from '../feed/event-types';
import type { JobQueue } from '../queue/job-queue';
import {
  claimDelivery,
  closeDelivery,
  deactivateWebhook,
  pullForwardPending,
  recordDelivered,
  recordFailed,
  releaseDelivery,
  type ClaimedDelivery,
} from './delivery.store';
import { inScope, ownerScope } from './owner-scope';
import { webhookPayload } from './payload';
import { nextAttemptAt, shouldDeactivate, type RetryPolicy } from './retry-policy';
import { signedHeaders } from './signing';
import { postWebhook, type AttemptOutcome } from './transport';
import type { UrlPolicy } from './url-policy';

export interface DeliveryWorkerOptions {
  db: DataSource;
  queue: JobQueue;
  log: Logger;
  retry: RetryPolicy;
  urls: UrlPolicy;
  /** How long an attempt holds its delivery (`WEBHOOK_LEASE_MS`, 30 s: more than the 10 s timeout). */
  leaseMs: number;
  /** Called after each attempt, and when a delivery ends (metrics). */
  onAttempt?: (delivery: ClaimedDelivery, outcome: AttemptOutcome, at: Date) => void;
  onEnd?: (outcome: 'delivered' | 'failed' | 'skipped') => void;
}

/** One job: one attempt of one delivery, then its outcome and what follows from it. */
export async function attemptDelivery(deliveryId: string, options: DeliveryWorkerOptions): Promise<void> {
  const { db, queue } = options;
  const claim = await claimDelivery(db, deliveryId, options.leaseMs);
  if ('reason' in claim) {
    // Another attempt holds it; if that attempt's process died, this one runs when the lease ends.
    if (claim.reason === 'leased')
      await db.transaction((tx) => queue.enqueueDeliveries(tx, [{ id: deliveryId, at: claim.until }]));
    return;
  }
  try {
    await attempt(claim, options);
  } catch (error) {
    // The owner's subgraph did not answer, or the database failed: the job is retried.
    await releaseDelivery(db, claim.id);
    throw error;
  }
}

async function attempt(delivery: ClaimedDelivery, options: DeliveryWorkerOptions): Promise<void> {
  const { db, queue, log } = options;
  if (!delivery.webhook.active) {
    options.onEnd?.('failed');
    return closeDelivery(db, delivery.id, 'FAILED', 'the webhook was deactivated');
  }
  if (!(await ownerMayRead(delivery))) {
    log.info(
      { delivery: delivery.id, webhook: delivery.webhook.id },
      'delivery skipped: its owner may not read it now',
    );
    options.onEnd?.('skipped');
    return closeDelivery(db, delivery.id, 'SKIPPED', 'the owner may not read this event now');
  }
  const body = JSON.stringify(webhookPayload(delivery.event));
  const at = new Date();
  // The delivery's id is the message id: the same on every retry and redelivery.
  const headers = signedHeaders(delivery.id, at, body, delivery.webhook.secrets);
  const outcome = await postWebhook(new URL(delivery.webhook.url), body, headers, { policy: options.urls });
  const finished = new Date();
  const pulledForward = await db.transaction(async (tx) => {
    if (outcome.delivered) {
      await recordDelivered(tx, delivery, outcome, finished);
      const waiting = await pullForwardPending(tx, delivery.webhook.id);
      await queue.enqueueDeliveries(
        tx,
        waiting.map((id) => ({ id })),
      );
      return waiting.length;
    }
    const next = nextAttemptAt(options.retry, delivery.attempts + 1, delivery.createdAt, finished, Math.random());
    await recordFailed(tx, delivery, outcome, finished, next);
    if (next) await queue.enqueueDeliveries(tx, [{ id: delivery.id, at: next }]);
    if (shouldDeactivate(options.retry, delivery.webhook.failingSince ?? finished, finished)) {
      await deactivateWebhook(tx, delivery.webhook.id);
      log.warn({ webhook: delivery.webhook.id }, 'webhook deactivated: its deliveries have failed too long');
    }
    return 0;
  });
  if (pulledForward) queue.wake();
  log.info(
    { delivery: delivery.id, webhook: delivery.webhook.id, status: outcome.status, delivered: outcome.delivered },
    outcome.delivered ? 'webhook delivered' : `webhook attempt failed: ${outcome.error}`,
  );
  options.onAttempt?.(delivery, outcome, finished);
  if (outcome.delivered) options.onEnd?.('delivered');
  else if (!nextAttemptAt(options.retry, delivery.attempts + 1, delivery.createdAt, finished, 0))
    options.onEnd?.('failed');
}

/**
 * Whether the webhook's owner may read the event now: within its scope (owner-scope.ts), and a
 * task or inspection its owner could read through the API at this moment (asked as the owner).
 */
async function ownerMayRead({ webhook: { owner }, event }: ClaimedDelivery): Promise<boolean> {
  const scope = ownerScope(owner);
  if (!scope || !inScope(scope, event.type, event.organisationIds)) return false;
  const source = sourceOf(event.type);
  // Wider roles read every task and inspection; FIGURES_CHANGED concerns no single subject.
  if (source === 'figures' || scope.organisationId === null) return true;
  if (!event.subjectId) return false;
  const caller = {
    requestId: randomUUID(),
    userToken: await signUserToken({
      id: owner.id,
      name: owner.name ?? undefined,
      roles: owner.roles,
      organisationId: owner.organisationId ?? undefined,
    }),
  };
  const [subgraph, field] =
    source === 'task' ? (['assignments', 'task'] as const) : (['inspections', 'inspection'] as const);
  try {
    const data = await queryPeer<Record<string, { id: string } | null>>(
      subgraph,
      `query ($id: ID!) { ${field}(id: $id) { id } }`,
      { id: event.subjectId },
      caller,
      `whether a webhook owner may read a ${field}`,
    );
    return data[field] !== null;
  } catch (error) {
    if (error instanceof PeerError && error.codes.includes('FORBIDDEN')) return false;
    throw error;
  }
}
