import { describe, expect, it } from 'vitest';
import {
  StatisticsInputError,
  meanWithCi,
  meanWithCiOf,
  median,
  proportionWithCi,
  quantile,
  scaleToHundred,
  tQuantile,
} from '../../pipeline/scoring/index.ts';

describe('t critical values', () => {
  it('match the published table for small n and tend to 1.96', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(tQuantile(0.995, 3)).toBeCloseTo(5.841, 3);
    expect(tQuantile(0.975, 100_000)).toBeCloseTo(1.96, 3);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-2.262, 3);
  });
});

describe('meanWithCi', () => {
  // Mean 5, sample sd √(32/7), t(0.975, 7) = 2.3646: CI 5 ± 1.7875.
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it('gives the t-interval from rollup totals', () => {
    const result = meanWithCi(8, 40, 232);
    expect(result.mean).toBe(5);
    expect(result.ci?.[0]).toBeCloseTo(3.2125, 4);
    expect(result.ci?.[1]).toBeCloseTo(6.7875, 4);
  });

  it('gives the same interval from the values themselves', () => {
    const fromValues = meanWithCiOf(values);
    const fromTotals = meanWithCi(8, 40, 232);
    expect(fromValues.mean).toBe(5);
    expect(fromValues.ci?.[0]).toBeCloseTo(fromTotals.ci?.[0] ?? NaN, 10);
    expect(fromValues.sd).toBeCloseTo(Math.sqrt(32 / 7), 10);
  });

  it('widens with the confidence level', () => {
    const [low95, high95] = meanWithCi(8, 40, 232).ci ?? [0, 0];
    const [low99, high99] = meanWithCi(8, 40, 232, 0.99).ci ?? [0, 0];
    expect(high99 - low99).toBeGreaterThan(high95 - low95);
  });

  it('has no interval below two values, and no mean for none', () => {
    expect(meanWithCi(1, 80, 6400)).toEqual({ n: 1, mean: 80, sd: null, ci: null });
    expect(meanWithCi(0, 0, 0)).toEqual({ n: 0, mean: null, sd: null, ci: null });
    expect(meanWithCiOf([])).toEqual({ n: 0, mean: null, sd: null, ci: null });
  });

  it('gives a zero-width interval when every value is equal', () => {
    expect(meanWithCi(3, 300, 30_000).ci).toEqual([100, 100]);
  });

  it('rejects impossible arguments', () => {
    expect(() => meanWithCi(-1, 0, 0)).toThrow(StatisticsInputError);
    expect(() => meanWithCi(5, 10, 30, 95)).toThrow(/confidence level/);
  });
});

describe('quantiles', () => {
  it('interpolate like percentile_cont', () => {
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(hours, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile(hours, 0)).toBe(1);
    expect(quantile(hours, 1)).toBe(10);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('return null for no values and do not reorder the input', () => {
    const values = [3, 1, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
    expect(median([])).toBeNull();
    expect(() => quantile(values, 1.5)).toThrow(StatisticsInputError);
  });
});

describe('proportionWithCi', () => {
  it('gives the Wilson interval', () => {
    const result = proportionWithCi(8, 10);
    expect(result.p).toBe(0.8);
    expect(result.ci?.[0]).toBeCloseTo(0.4902, 4);
    expect(result.ci?.[1]).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the edges', () => {
    const none = proportionWithCi(0, 20);
    expect(none.ci?.[0]).toBe(0);
    expect(none.ci?.[1]).toBeCloseTo(0.1611, 4);
    expect(proportionWithCi(20, 20).ci?.[1]).toBe(1);
    expect(proportionWithCi(0, 0)).toEqual({ n: 0, successes: 0, p: null, ci: null });
  });

  it('rejects more successes than trials', () => {
    expect(() => proportionWithCi(11, 10)).toThrow(/successes \(11\) cannot exceed n \(10\)/);
  });
});

describe('scaleToHundred', () => {
  it('maps survey scales onto 0–100', () => {
    expect(scaleToHundred(1, 1, 5)).toBe(0);
    expect(scaleToHundred(4, 1, 5)).toBe(75);
    expect(scaleToHundred(7, 0, 10)).toBe(70);
    // 好差评 coded 1 = 非常满意 … 5 = 非常不满意.
    expect(scaleToHundred(1, 1, 5, true)).toBe(100);
  });

  it('refuses values off the scale and empty scales', () => {
    expect(() => scaleToHundred(6, 1, 5)).toThrow(/6 is outside the scale 1–5/);
    expect(() => scaleToHundred(1, 5, 5)).toThrow(StatisticsInputError);
  });
});
