import { describe, expect, it } from 'vitest';
import { meanWithInterval } from '../../warehouse/read-models/rollup-stats.ts';
import { tCritical975 } from '../../warehouse/read-models/t-critical.ts';

describe('t critical value', () => {
  it('matches the table for small samples', () => {
    expect(tCritical975(4)).toBe(2.776);
    expect(tCritical975(1)).toBe(12.706);
    expect(tCritical975(30)).toBe(2.042);
  });

  it('interpolates past 30 and approaches 1.96', () => {
    expect(tCritical975(60)).toBeCloseTo(2.0, 3);
    expect(tCritical975(45)).toBeGreaterThan(2.0);
    expect(tCritical975(45)).toBeLessThan(2.021);
    expect(tCritical975(45)).toBeCloseTo(2.014, 2);
    expect(tCritical975(100_000)).toBeCloseTo(1.96, 3);
  });

  it('refuses fewer than one degree of freedom', () => {
    expect(() => tCritical975(0)).toThrow(/degrees of freedom/);
  });
});

describe('mean with interval from rollup sums', () => {
  it('gives the t-interval of the raw values', () => {
    const values = [60, 70, 80, 90, 100];
    const moments = { n: 5, sum: values.reduce((a, b) => a + b), sum_sq: values.reduce((a, b) => a + b * b, 0) };
    const result = meanWithInterval(moments);
    // sd = √250, se = √50, t(0.975, 4) = 2.776.
    expect(result?.mean).toBe(80);
    expect(result?.ci_low).toBeCloseTo(80 - 2.776 * Math.sqrt(50), 6);
    expect(result?.ci_high).toBeCloseTo(80 + 2.776 * Math.sqrt(50), 6);
  });

  it('has no interval for a single value and nothing for none', () => {
    expect(meanWithInterval({ n: 1, sum: 70, sum_sq: 4900 })).toEqual({ n: 1, mean: 70, ci_low: null, ci_high: null });
    expect(meanWithInterval({ n: 0, sum: 0, sum_sq: 0 })).toBeUndefined();
  });
});
