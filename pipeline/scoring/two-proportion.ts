import { normalQuantile, normalTwoSidedP } from './distributions.ts';
import { StatisticsInputError } from './statistics.ts';

export interface TwoProportionResult {
  /** p_b − p_a, as a proportion (×100 for percentage points). */
  difference: number;
  /** Pooled-variance z statistic (the test); z² is Pearson's χ² of the 2×2 table. */
  z: number;
  /** Two-sided. */
  p: number;
  /** Unpooled Wald interval for the difference at the given level. */
  ci: [number, number];
}

function check(name: string, successes: number, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new StatisticsInputError(`${name}.n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new StatisticsInputError(`${name}.successes must be a whole number between 0 and n (${n}), got ${successes}`);
  }
}

/**
 * Two-proportion z-test of b against a (pooled standard error under the null of no change), e.g.
 * the share satisfied in two periods. null when a sample is empty or both shares are 0 or 1.
 */
export function twoProportionZTest(a: { successes: number; n: number }, b: { successes: number; n: number }, level = 0.95): TwoProportionResult | null {
  check('a', a.successes, a.n);
  check('b', b.successes, b.n);
  if (a.n === 0 || b.n === 0) return null;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return null;
  const difference = pb - pa;
  const z = difference / se;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n);
  return { difference, z, p: normalTwoSidedP(z), ci: [difference - half, difference + half] };
}
