/**
 * When a failed delivery is tried again (pure): exponential backoff with jitter, starting within
 * seconds, capped, for at least `retryForMs` (24 hours) after the delivery was created; then FAILED.
 * A webhook failing for `deactivateAfterMs` (3 days) is deactivated. Each is configurable so that
 * tests need not wait a day; the defaults are the issue's.
 */
export interface RetryPolicy {
  /** The first retry's delay before jitter. */
  baseMs: number;
  /** No delay grows past this. */
  maxMs: number;
  /** Retries go on at least this long after the delivery was created. */
  retryForMs: number;
  /** A webhook whose deliveries fail this long (no success in between) is deactivated. */
  deactivateAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 5_000,
  maxMs: 60 * 60_000,
  retryForMs: 24 * 60 * 60_000,
  deactivateAfterMs: 3 * 24 * 60 * 60_000,
};

/** `WEBHOOK_RETRY_BASE_MS`, `WEBHOOK_RETRY_MAX_MS`, `WEBHOOK_RETRY_FOR_MS`, `WEBHOOK_DEACTIVATE_AFTER_MS`. */
export function retryPolicyFromEnvironment(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number of milliseconds`);
    return parsed;
  };
  return {
    baseMs: read('WEBHOOK_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseMs),
    maxMs: read('WEBHOOK_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxMs),
    retryForMs: read('WEBHOOK_RETRY_FOR_MS', DEFAULT_RETRY_POLICY.retryForMs),
    deactivateAfterMs: read('WEBHOOK_DEACTIVATE_AFTER_MS', DEFAULT_RETRY_POLICY.deactivateAfterMs),
  };
}

/**
 * When to try again after the `attempts`-th failed attempt, or null when the delivery has been
 * retried long enough (it is then FAILED). `random` in [0, 1): the jitter spreads retries of many
 * deliveries over the second half of each delay, so a receiver coming back is not hit all at once.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  attempts: number,
  createdAt: Date,
  now: Date,
  random: number,
): Date | null {
  if (now.getTime() - createdAt.getTime() >= policy.retryForMs) return null;
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay / 2 + (random * delay) / 2);
}

/** Whether a webhook failing since `failingSince` is to be deactivated now. */
export function shouldDeactivate(policy: RetryPolicy, failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= policy.deactivateAfterMs;
}
