// When to try a failed webhook delivery again: exponential backoff from 30 s, doubling, capped at
// 2 h, for 24 h after the event; then the delivery is given up as failed. Deterministic (no
// jitter) so tests can walk the schedule with a moved clock; spreading comes from the worker's
// batches instead.
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long after the event retries continue. */
  windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  firstDelayMs: 30_000,
  maxDelayMs: 2 * 3_600_000,
  windowMs: 24 * 3_600_000,
});

/** The wait after the `attempt`-th failed attempt (1-based). */
export function retryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exp = Math.min(Math.max(attempt - 1, 0), 30); // 2^30 already exceeds any cap
  return Math.min(policy.firstDelayMs * 2 ** exp, policy.maxDelayMs);
}

export type AfterFailure = { kind: 'retry'; at: Date } | { kind: 'give_up' };

/** After the `attempt`-th failure at `failedAt`: retry at a time, or give up past `giveUpAt`. */
export function afterFailure(
  attempt: number,
  failedAt: Date,
  giveUpAt: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): AfterFailure {
  const at = new Date(failedAt.getTime() + retryDelayMs(attempt, policy));
  return at.getTime() > giveUpAt.getTime() ? { kind: 'give_up' } : { kind: 'retry', at };
}

/** The retry times of a receiver that never answers, from `start`: what a full schedule looks like. */
export function retrySchedule(start: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date[] {
  const giveUpAt = new Date(start.getTime() + policy.windowMs);
  const times: Date[] = [];
  let at = start;
  for (let n = 1; ; n += 1) {
    const next = afterFailure(n, at, giveUpAt, policy);
    if (next.kind === 'give_up') return times;
    times.push(next.at);
    at = next.at;
  }
}
