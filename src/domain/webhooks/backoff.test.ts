import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelayMs, retrySchedule } from './backoff.ts';

const HOUR = 3_600_000;

describe('webhook retry backoff', () => {
  it('doubles from 30 s and caps at 2 h', () => {
    expect([1, 2, 3, 4, 8, 9, 10, 50].map((n) => retryDelayMs(n))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      3_840_000,
      2 * HOUR,
      2 * HOUR,
      2 * HOUR,
    ]);
  });

  it('retries for 24 h after the event, then gives up', () => {
    const start = new Date('2030-01-01T00:00:00Z');
    const times = retrySchedule(start);
    const last = times[times.length - 1] ?? start;
    expect(last.getTime() - start.getTime()).toBeLessThanOrEqual(24 * HOUR);
    expect(last.getTime() - start.getTime()).toBeGreaterThan(22 * HOUR);
    expect(times.length).toBe(18); // 8 growing waits (127.5 min), then ten 2 h ones
    const giveUpAt = new Date(start.getTime() + 24 * HOUR);
    expect(afterFailure(times.length + 1, last, giveUpAt)).toEqual({ kind: 'give_up' });
    expect(afterFailure(1, start, giveUpAt)).toEqual({
      kind: 'retry',
      at: new Date(start.getTime() + 30_000),
    });
  });
});
