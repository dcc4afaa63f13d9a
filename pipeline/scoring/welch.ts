import { tQuantile, tTwoSidedP } from './distributions.ts';
import { StatisticsInputError } from './statistics.ts';

/** A sample summarised: size, mean and sample standard deviation. */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
}

export interface WelchResult {
  /** b.mean − a.mean. */
  difference: number;
  /** Standard error of the difference. */
  se: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided. */
  p: number;
  /** Interval for the difference at the given level. */
  ci: [number, number];
}

/**
 * Welch's unequal-variances t-test of b against a (Welch 1947): the change of a mean between two
 * independent samples without assuming equal spread. null when it cannot be computed (a sample
 * under 2, or no spread in either sample).
 */
export function welchTTest(a: SampleSummary, b: SampleSummary, level = 0.95): WelchResult | null {
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (!Number.isInteger(s.n) || s.n < 0) throw new StatisticsInputError(`${name}.n must be a whole number ≥ 0, got ${s.n}`);
    if (!(s.sd >= 0)) throw new StatisticsInputError(`${name}.sd must be ≥ 0, got ${s.sd}`);
  }
  if (a.n < 2 || b.n < 2) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return null;
  const difference = b.mean - a.mean;
  const t = difference / se;
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { difference, se, t, df, p: tTwoSidedP(t, df), ci: [difference - half, difference + half] };
}
