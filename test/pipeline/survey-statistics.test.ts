import { describe, expect, it } from 'vitest';
import { erfc, normalTwoSidedP, tTwoSidedP } from '../../pipeline/scoring/distributions.ts';
import { npsChange, npsClass, npsWithCi } from '../../pipeline/scoring/nps.ts';
import { meanWithCiOf, scaleToHundred } from '../../pipeline/scoring/statistics.ts';
import { likertFigures, npsFigures } from '../../pipeline/scoring/survey-cell.ts';
import { twoProportionZTest } from '../../pipeline/scoring/two-proportion.ts';
import { welchTTest } from '../../pipeline/scoring/welch.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const summary = (xs: number[]) => ({ n: xs.length, mean: mean(xs), sd: sd(xs) });

describe('normal and t tail probabilities', () => {
  it('match tabled values of erfc and the textbook critical values', () => {
    expect(erfc(0.5)).toBeCloseTo(0.4795001222, 6);
    expect(erfc(1)).toBeCloseTo(0.1572992071, 6);
    expect(erfc(-1)).toBeCloseTo(1.8427007929, 6);
    expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(normalTwoSidedP(3.290527)).toBeCloseTo(0.001, 6);
    // t(0.975, 10) = 2.228139, t(0.995, 3) = 5.840909 from the standard tables.
    expect(tTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 5);
    expect(tTwoSidedP(5.840909, 3)).toBeCloseTo(0.01, 5);
  });
});

describe("Welch's t-test", () => {
  // Student's sleep data (Cushny & Peebles), R's example: t.test(extra ~ group, data = sleep)
  // prints t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832.
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it("reproduces R's published output on the sleep data", () => {
    const result = welchTTest(summary(group2), summary(group1));
    expect(result?.difference).toBeCloseTo(-1.58, 10);
    expect(result?.t).toBeCloseTo(-1.8608, 4);
    expect(result?.df).toBeCloseTo(17.776, 3);
    expect(result?.p).toBeCloseTo(0.07939, 5);
    expect(result?.ci[0]).toBeCloseTo(-3.3654832, 5);
    expect(result?.ci[1]).toBeCloseTo(0.2054832, 5);
  });

  it('has 2n − 2 degrees of freedom when both samples have the same size and spread', () => {
    const result = welchTTest({ n: 12, mean: 50, sd: 10 }, { n: 12, mean: 58, sd: 10 });
    expect(result?.df).toBeCloseTo(22, 10);
    // Then t is the pooled Student t: 8 / (10·√(2/12)).
    expect(result?.t).toBeCloseTo(8 / (10 * Math.sqrt(2 / 12)), 10);
  });

  it('gives no test for a sample under 2 or no spread at all', () => {
    expect(welchTTest({ n: 1, mean: 3, sd: 0 }, { n: 5, mean: 4, sd: 1 })).toBeNull();
    expect(welchTTest({ n: 5, mean: 3, sd: 0 }, { n: 5, mean: 4, sd: 0 })).toBeNull();
  });
});

describe('two-proportion z-test', () => {
  it("squares to Pearson's chi-square of the 2×2 table", () => {
    const a = { successes: 45, n: 120 };
    const b = { successes: 78, n: 150 };
    const table = [
      [a.successes, a.n - a.successes],
      [b.successes, b.n - b.successes],
    ];
    const total = a.n + b.n;
    let chi2 = 0;
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const row = table[r]![0]! + table[r]![1]!;
        const column = table[0]![c]! + table[1]![c]!;
        const expected = (row * column) / total;
        chi2 += (table[r]![c]! - expected) ** 2 / expected;
      }
    }
    const result = twoProportionZTest(a, b);
    expect(result?.difference).toBeCloseTo(78 / 150 - 45 / 120, 12);
    expect(result!.z ** 2).toBeCloseTo(chi2, 9);
    expect(result!.z).toBeGreaterThan(0);
    expect(result?.p).toBeCloseTo(normalTwoSidedP(Math.sqrt(chi2)), 12);
  });

  it('calls a 1.96σ change the edge of significance', () => {
    // Equal n and shares chosen so that z is exactly 1.96 would need irrational counts; check the sides instead.
    const within = twoProportionZTest({ successes: 50, n: 100 }, { successes: 60, n: 100 });
    const beyond = twoProportionZTest({ successes: 50, n: 100 }, { successes: 65, n: 100 });
    expect(within!.p).toBeGreaterThan(0.05);
    expect(beyond!.p).toBeLessThan(0.05);
  });
});

describe('NPS with the adjusted-Wald interval', () => {
  it('classes 9–10 as promoters, 7–8 passives, 0–6 detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
  });

  it('adds ¾ to promoters and detractors and 3 to n, with the variance of a difference of multinomial shares', () => {
    const counts = { promoters: 40, passives: 35, detractors: 25 };
    const result = npsWithCi(counts)!;
    expect(result.nps).toBeCloseTo(15, 12);
    // Var(p̂P − p̂D) = [pP(1 − pP) + pD(1 − pD) + 2 pP pD] / n, written the other way round from the code.
    const n = 103;
    const pP = 40.75 / n;
    const pD = 25.75 / n;
    const se = Math.sqrt((pP * (1 - pP) + pD * (1 - pD) + 2 * pP * pD) / n);
    expect(result.ci[0]).toBeCloseTo((pP - pD - 1.959964 * se) * 100, 4);
    expect(result.ci[1]).toBeCloseTo((pP - pD + 1.959964 * se) * 100, 4);
  });

  it('stays inside −100..100 and is not degenerate when everyone promotes', () => {
    const result = npsWithCi({ promoters: 8, passives: 0, detractors: 0 })!;
    expect(result.nps).toBe(100);
    expect(result.ci[1]).toBeLessThanOrEqual(100);
    expect(result.ci[0]).toBeLessThan(100);
    expect(result.ci[0]).toBeGreaterThan(0);
  });

  it('tests a change of NPS between two samples', () => {
    const change = npsChange({ promoters: 30, passives: 40, detractors: 30 }, { promoters: 50, passives: 30, detractors: 20 })!;
    expect(change.difference).toBeCloseTo(30, 12);
    expect(change.p).toBeLessThan(0.05);
    expect(npsChange({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe('figures from a score distribution', () => {
  it('counts the two best points of a reversed 1–4 scale as top-2-box', () => {
    // Raw answers 1 (best) … 4 (worst) on a reversed item.
    const raw = [1, 1, 2, 2, 2, 3, 4, 4];
    const scores = raw.map((point) => scaleToHundred(point, 1, 4, true));
    const counts = [...new Set(scores)].map((score) => ({ score, n: scores.filter((s) => s === score).length }));
    const figures = likertFigures(counts, { min: 1, max: 4 })!;
    expect(figures.n).toBe(8);
    expect(figures.satisfied).toBe(raw.filter((point) => point <= 2).length);
    expect(figures.index).toBeCloseTo(mean(scores), 10);
    expect(figures.sd).toBeCloseTo(sd(scores), 10);
  });

  it('keeps the interval of a small, lopsided cell on the 0–100 scale', () => {
    // Five answers of 5 and one of 2 on 1–5: the t-interval's upper end is past 100.
    const counts = [
      { score: 100, n: 5 },
      { score: 25, n: 1 },
    ];
    const figures = likertFigures(counts, { min: 1, max: 5 })!;
    const unbounded = meanWithCiOf([100, 100, 100, 100, 100, 25]).ci!;
    expect(unbounded[1]).toBeGreaterThan(100);
    expect(figures.ci).toEqual([unbounded[0], 100]);
    expect(likertFigures([{ score: 0, n: 5 }, { score: 75, n: 1 }], { min: 1, max: 5 })!.ci![0]).toBe(0);
  });

  it('reads NPS classes back from point × 10', () => {
    const points = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5];
    const counts = [...new Set(points)].map((p) => ({ score: p * 10, n: points.filter((q) => q === p).length }));
    const figures = npsFigures(counts)!;
    expect([figures.promoters, figures.passives, figures.detractors]).toEqual([4, 2, 4]);
    expect(figures.nps).toBeCloseTo(0, 12);
    expect(figures.index).toBeCloseTo(mean(points) * 10, 10);
  });
});
