import { mean as sampleMean, sampleVariance } from 'simple-statistics';
import { normalQuantile, tQuantile } from './distributions.ts';

/** Arguments a statistic cannot be computed from; the message names the argument and what was expected. */
export class StatisticsInputError extends Error {
  override name = 'StatisticsInputError';
}

export interface MeanWithCi {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample standard deviation; null when n < 2. */
  sd: number | null;
  /** Student t interval for the mean; null when n < 2. */
  ci: [number, number] | null;
}

export interface ProportionWithCi {
  n: number;
  successes: number;
  /** null when n = 0. */
  p: number | null;
  /** Wilson score interval; null when n = 0. */
  ci: [number, number] | null;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new StatisticsInputError(`confidence level must be between 0 and 1, got ${level}`);
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new StatisticsInputError(`${name} must be a whole number ≥ 0, got ${value}`);
}

function tInterval(n: number, mean: number, variance: number, level: number): MeanWithCi {
  const sd = Math.sqrt(variance);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci: [mean - half, mean + half] };
}

/**
 * Mean and t-interval from running totals (n, Σx, Σx²), the form daily rollups store, so a period's
 * interval is computed from summed rollups without reading rows.
 */
export function meanWithCi(n: number, sum: number, sumSq: number, level = 0.95): MeanWithCi {
  checkCount('n', n);
  checkLevel(level);
  if (n === 0) return { n, mean: null, sd: null, ci: null };
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, ci: null };
  // Rounding can push the difference a hair below zero when all values are equal.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  return tInterval(n, mean, variance, level);
}

/** Mean and t-interval of a list of values (two-pass, numerically steadier than running totals). */
export function meanWithCiOf(values: readonly number[], level = 0.95): MeanWithCi {
  checkLevel(level);
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ci: null };
  const mean = sampleMean(values as number[]);
  if (n < 2) return { n, mean, sd: null, ci: null };
  return tInterval(n, mean, sampleVariance(values as number[]), level);
}

/**
 * The p-quantile by linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC),
 * the same definition as PostgreSQL's percentile_cont, so SQL and code agree. null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new StatisticsInputError(`quantile p must be between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** A proportion with its Wilson score interval, which stays inside [0, 1] and behaves for small n and p near 0 or 1. */
export function proportionWithCi(successes: number, n: number, level = 0.95): ProportionWithCi {
  checkCount('n', n);
  checkCount('successes', successes);
  checkLevel(level);
  if (successes > n) throw new StatisticsInputError(`successes (${successes}) cannot exceed n (${n})`);
  if (n === 0) return { n, successes, p: null, ci: null };
  const p = successes / n;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { n, successes, p, ci: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/**
 * Maps a value on a scale [min, max] to 0–100 (reverse for scales where low is good, e.g. 1 = 非常满意).
 * A value outside the scale is a data error, not something to clamp away.
 */
export function scaleToHundred(value: number, min: number, max: number, reverse = false): number {
  if (!(max > min)) throw new StatisticsInputError(`scale maximum (${max}) must be greater than its minimum (${min})`);
  if (!(value >= min && value <= max)) throw new StatisticsInputError(`value ${value} is outside the scale ${min}–${max}`);
  const scaled = ((value - min) / (max - min)) * 100;
  return reverse ? 100 - scaled : scaled;
}
