import { tCritical975 } from './t-critical.ts';

/** Sums as stored in daily_rollups, added up over a cell (days, communities). */
export interface Moments {
  n: number;
  sum: number;
  sum_sq: number;
}

export interface MeanWithInterval {
  n: number;
  mean: number;
  /** 95% t-interval; null when n < 2 leaves no spread to estimate. */
  ci_low: number | null;
  ci_high: number | null;
}

/** Mean and 95% t-interval from n, Σx and Σx². */
export function meanWithInterval({ n, sum, sum_sq }: Moments): MeanWithInterval | undefined {
  if (n <= 0) return undefined;
  const mean = sum / n;
  if (n < 2) return { n, mean, ci_low: null, ci_high: null };
  // Rounding can leave a tiny negative variance when every value is equal.
  const variance = Math.max(0, (sum_sq - n * mean * mean) / (n - 1));
  const half = tCritical975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, ci_low: mean - half, ci_high: mean + half };
}

/** A share in [0, 1], or null when the base is empty. */
export function share(part: number, base: number): number | null {
  return base > 0 ? part / base : null;
}
