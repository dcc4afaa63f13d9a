import { erfc } from './distributions.ts';
import { twoProportionZTest } from './two-proportion.ts';

export interface ShareJump {
  /** Shares in [0, 1]. */
  window: number;
  baseline: number;
  /** window − baseline, in percentage points. */
  jump_points: number;
  z: number;
  /** One-sided: the chance of a jump this large if the window were like the baseline. */
  p: number;
}

/**
 * Has the share of negative mentions risen? The pooled two-proportion z-test of the window against
 * the baseline, read one-sided (upwards). Null when either side has nothing to compare.
 */
export function shareJump(window: { hits: number; n: number }, baseline: { hits: number; n: number }): ShareJump | null {
  if (window.n === 0 || baseline.n === 0) return null;
  const test = twoProportionZTest({ successes: baseline.hits, n: baseline.n }, { successes: window.hits, n: window.n });
  const share = window.hits / window.n;
  const base = baseline.hits / baseline.n;
  // Both all-negative or both none: no spread, and no change to report.
  if (!test) return { window: share, baseline: base, jump_points: (share - base) * 100, z: 0, p: 1 };
  return { window: share, baseline: base, jump_points: test.difference * 100, z: test.z, p: erfc(test.z / Math.SQRT2) / 2 };
}
