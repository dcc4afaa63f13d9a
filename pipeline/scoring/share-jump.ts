import { errorFunction } from 'simple-statistics';

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

/** Standard normal upper tail, P(Z > z). */
function upperTail(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 0 : 1;
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}

/**
 * Has the share of negative mentions risen? A pooled two-proportion z-test of the window against the
 * baseline (one-sided, upwards). Null when either side has nothing to compare.
 */
export function shareJump(window: { hits: number; n: number }, baseline: { hits: number; n: number }): ShareJump | null {
  if (window.n === 0 || baseline.n === 0) return null;
  const p1 = window.hits / window.n;
  const p0 = baseline.hits / baseline.n;
  const pooled = (window.hits + baseline.hits) / (window.n + baseline.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / window.n + 1 / baseline.n));
  const z = se === 0 ? (p1 > p0 ? Infinity : 0) : (p1 - p0) / se;
  return { window: p1, baseline: p0, jump_points: (p1 - p0) * 100, z, p: upperTail(z) };
}
