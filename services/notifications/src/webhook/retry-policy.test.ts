import { DEFAULT_RETRY_POLICY, nextAttemptAt, retryPolicyFromEnvironment, shouldDeactivate } from './retry-policy';

const created = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(created.getTime() + ms);
const HOUR = 3_600_000;

describe('the retry policy', () => {
  it('starts within seconds and doubles, with jitter in the second half of each delay', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect(nextAttemptAt(policy, 1, created, created, 0)!.getTime() - created.getTime()).toBe(2_500);
    expect(nextAttemptAt(policy, 1, created, created, 0.999)!.getTime() - created.getTime()).toBeLessThan(5_000);
    expect(nextAttemptAt(policy, 3, created, created, 0)!.getTime() - created.getTime()).toBe(10_000);
  });

  it('never waits more than the cap', () => {
    const delay =
      nextAttemptAt(DEFAULT_RETRY_POLICY, 40, created, after(HOUR), 0.999)!.getTime() - after(HOUR).getTime();
    expect(delay).toBeLessThanOrEqual(HOUR);
  });

  it('retries for 24 hours, then gives up', () => {
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 30, created, after(24 * HOUR - 1), 0.5)).not.toBeNull();
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, 30, created, after(24 * HOUR), 0.5)).toBeNull();
  });

  it('keeps retrying for at least 24 hours in all: the attempts cover the whole day', () => {
    let now = created;
    let attempts = 0;
    let last = created;
    for (;;) {
      attempts++;
      const next = nextAttemptAt(DEFAULT_RETRY_POLICY, attempts, created, now, Math.random());
      if (!next) break;
      last = now = next;
    }
    expect(last.getTime() - created.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    expect(attempts).toBeGreaterThan(20);
  });

  it('deactivates a webhook failing for 3 days', () => {
    expect(shouldDeactivate(DEFAULT_RETRY_POLICY, created, after(72 * HOUR - 1))).toBe(false);
    expect(shouldDeactivate(DEFAULT_RETRY_POLICY, created, after(72 * HOUR))).toBe(true);
  });

  it('reads its settings from the environment, and refuses nonsense', () => {
    expect(retryPolicyFromEnvironment({ WEBHOOK_RETRY_BASE_MS: '100' }).baseMs).toBe(100);
    expect(retryPolicyFromEnvironment({}).retryForMs).toBe(24 * HOUR);
    expect(() => retryPolicyFromEnvironment({ WEBHOOK_RETRY_FOR_MS: '-1' })).toThrow(/positive/);
  });
});
