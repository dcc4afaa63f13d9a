import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs, retryWaitMs } from '../../collectors/http/backoff.ts';

const now = Date.parse('2026-03-04T08:00:00Z');

describe('backoff', () => {
  it('draws from [0, base·2^retry) with full jitter, capped', () => {
    expect([0, 1, 2, 3].map((retry) => backoffDelayMs(retry, 500, 30_000, () => 0.5))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelayMs(10, 500, 30_000, () => 0.5)).toBe(15_000);
    expect(backoffDelayMs(3, 500, 30_000, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP-date, a past date as now, and ignores garbage', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('Wed, 04 Mar 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Wed, 04 Mar 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('waits for the longer of backoff and Retry-After, never past the cap', () => {
    expect(retryWaitMs(300, 2000, 30_000)).toBe(2000);
    expect(retryWaitMs(300, undefined, 30_000)).toBe(300);
    expect(retryWaitMs(300, 3_600_000, 30_000)).toBe(30_000);
  });
});
