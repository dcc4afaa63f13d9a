import { describe, expect, it } from 'vitest';
import { combineGain, type GainSums } from '../../warehouse/read-models/gain-index.ts';

const m = (n: number, sum: number) => ({ n, sum, sum_sq: 0 });
const weights = { survey: 0.5, hotline: 0.3, sentiment: 0.2 };

describe('获得感 from rollup sums', () => {
  it('weighs survey index, hotline 满意率 and net sentiment on one 0–100 scale', () => {
    const sums: GainSums = { survey: m(40, 40 * 62), respondents: m(40, 40), rated: m(25, 20), positive: m(50, 30), negative: m(50, 10) };
    const gain = combineGain(sums, weights, 5);
    expect(gain.components).toEqual({
      survey: { suppressed: false, n: 40, value: 62 },
      hotline: { suppressed: false, n: 25, value: 80 },
      sentiment: { suppressed: false, n: 50, value: 70 },
    });
    expect(gain.index).toBeCloseTo(0.5 * 62 + 0.3 * 80 + 0.2 * 70, 9);
    expect(gain.partial).toBe(false);
  });

  it('only the ratios of the weights matter', () => {
    const sums: GainSums = { survey: m(40, 2000), respondents: m(40, 40), rated: m(25, 20), positive: m(50, 30), negative: m(50, 10) };
    expect(combineGain(sums, { survey: 5, hotline: 3, sentiment: 2 }, 5).index).toBeCloseTo(combineGain(sums, weights, 5).index!, 9);
  });

  it('leaves out a part below the minimum cell and rescales the others, saying so', () => {
    const sums: GainSums = { survey: m(4, 400), respondents: m(4, 4), rated: m(10, 5), positive: m(0, 0), negative: m(0, 0) };
    const gain = combineGain(sums, weights, 5);
    expect(gain.components.survey).toEqual({ suppressed: true });
    expect(gain.components.sentiment).toBeNull();
    expect(gain.weights).toEqual({ survey: 0, hotline: 1, sentiment: 0 });
    expect(gain.index).toBeCloseTo(50, 9);
    expect(gain.partial).toBe(true);
  });

  it('counts the survey part in respondents: nine answers of one person are suppressed', () => {
    const sums: GainSums = { survey: m(9, 515), respondents: m(1, 1), rated: m(10, 5), positive: m(0, 0), negative: m(0, 0) };
    const gain = combineGain(sums, weights, 5);
    expect(gain.components.survey).toEqual({ suppressed: true });
    expect(gain.index).toBeCloseTo(50, 9);
    // Five people with twelve answers between them publish, n being the answers the mean is over.
    const five = combineGain({ ...sums, survey: m(12, 600), respondents: m(5, 5) }, weights, 5);
    expect(five.components.survey).toEqual({ suppressed: false, n: 12, value: 50 });
  });

  it('publishes nothing when no part has enough data, and ignores a part weighted 0', () => {
    expect(combineGain({ survey: m(2, 100), respondents: m(2, 2), rated: m(0, 0), positive: m(3, 1), negative: m(3, 1) }, weights, 5).index).toBeNull();
    const noSentiment = combineGain({ survey: m(10, 500), respondents: m(10, 10), rated: m(10, 10), positive: m(10, 0), negative: m(10, 10) }, { ...weights, sentiment: 0 }, 5);
    expect(noSentiment.index).toBeCloseTo((0.5 * 50 + 0.3 * 100) / 0.8, 9);
    expect(noSentiment.partial).toBe(false);
  });
});
