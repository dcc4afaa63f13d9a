import type { Clock } from '../../collectors/http/clock.ts';

/**
 * Time that moves only when someone sleeps: a sleep returns at once with the clock advanced, so
 * delays are asserted exactly and tests do not wait. Real I/O still takes real (unmeasured) time.
 */
export function virtualClock(start = Date.UTC(2026, 2, 4)): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      const target = now + ms;
      await Promise.resolve();
      now = Math.max(now, target);
    },
  };
}
