import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AlertGrade as WarehouseAlertGrade, SentimentLabel as WarehouseSentimentLabel } from '../../warehouse/schema.ts';
import { SpikeInputError, detectSpike, gradeFromZ, type AlertGrade, type SentimentLabel } from '../../pipeline/scoring/index.ts';

const rule = { sigma: 2, minCount: 3 } as const;
const steady = [4, 5, 6, 5, 4, 6, 5, 5, 4, 6];

describe('detectSpike', () => {
  it('flags a window far above a steady baseline', () => {
    const result = detectSpike({ window: 20, baseline: steady }, rule);
    expect(result.spike).toBe(true);
    expect(result.expected).toBe(5);
    expect(result.z).toBeGreaterThan(6);
    expect(result.reason).toMatch(/at or above 2σ/);
  });

  it('does not flag ordinary variation', () => {
    expect(detectSpike({ window: 7, baseline: steady }, rule).spike).toBe(false);
  });

  it('uses the rule’s sigma: a 2.5σ window is a spike at 2σ but not at 3σ', () => {
    const input = { window: 11, baseline: [4, 5, 6, 5, 4, 6, 5, 5, 4, 6] };
    const z = detectSpike(input, rule).z;
    expect(z).toBeGreaterThan(2);
    expect(z).toBeLessThan(3);
    expect(detectSpike(input, { sigma: 3, minCount: 3 }).spike).toBe(false);
  });

  it('does not make one mention a spike against a quiet baseline of zeros', () => {
    const quiet = Array.from({ length: 48 }, () => 0);
    const one = detectSpike({ window: 1, baseline: quiet }, { sigma: 2, minCount: 0 });
    expect(one.sd).toBe(1);
    expect(one.spike).toBe(false);
    expect(detectSpike({ window: 5, baseline: quiet }, rule).spike).toBe(true);
  });

  it('requires the minimum count even when z is large', () => {
    const result = detectSpike({ window: 3, baseline: [0, 0, 0, 0] }, { sigma: 2, minCount: 4 });
    expect(result.spike).toBe(false);
    expect(result.reason).toMatch(/below the minimum of 4/);
  });

  it('treats a window as high as yesterday or last week at this time as the usual rhythm', () => {
    const mondayMorning = { window: 20, baseline: steady };
    expect(detectSpike({ ...mondayMorning, sameTimeYesterday: 5, sameTimeLastWeek: 19 }, rule)).toMatchObject({
      spike: false,
      reason: expect.stringMatching(/same time last week: the usual rhythm/),
    });
    expect(detectSpike({ ...mondayMorning, sameTimeYesterday: 18 }, rule).spike).toBe(false);
    // Far above both reference windows: a real spike.
    expect(detectSpike({ ...mondayMorning, sameTimeYesterday: 6, sameTimeLastWeek: 7 }, rule).spike).toBe(true);
  });

  it('copes with an empty baseline and rejects negative counts', () => {
    expect(detectSpike({ window: 4, baseline: [] }, rule)).toMatchObject({ spike: true, expected: 0, sd: 1 });
    expect(() => detectSpike({ window: -1, baseline: [] }, rule)).toThrow(SpikeInputError);
    expect(() => detectSpike({ window: 1, baseline: [1, Number.NaN] }, rule)).toThrow(/baseline\[1\]/);
  });
});

describe('gradeFromZ', () => {
  it('grades 蓝 < 2σ ≤ 黄 < 3σ ≤ 橙 < 4σ ≤ 红', () => {
    expect([1.6, 2, 2.9, 3, 3.99, 4, 12].map(gradeFromZ)).toEqual(['blue', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red']);
  });

  it('uses the same labels as the warehouse', () => {
    expectTypeOf<AlertGrade>().toEqualTypeOf<WarehouseAlertGrade>();
    expectTypeOf<SentimentLabel>().toEqualTypeOf<WarehouseSentimentLabel>();
  });
});
