import { normalQuantile, normalTwoSidedP } from './distributions.ts';
import { StatisticsInputError } from './statistics.ts';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsWithCi {
  n: number;
  /** −100..100: % promoters − % detractors. */
  nps: number;
  /** Adjusted-Wald interval on the same −100..100 scale, clipped to it. */
  ci: [number, number];
}

/** Recommendation 0–10: 9–10 promote, 7–8 are passive, 0–6 detract. */
export function npsClass(point: number): keyof NpsCounts {
  return point >= 9 ? 'promoters' : point >= 7 ? 'passives' : 'detractors';
}

function checkCounts(counts: NpsCounts): number {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new StatisticsInputError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  return counts.promoters + counts.passives + counts.detractors;
}

/** The adjusted proportions and variance of NPS/100 (Rocks 2016): ¾ added to promoters and to detractors, 3 to n. */
function adjusted(counts: NpsCounts, n: number): { centre: number; variance: number } {
  const size = n + 3;
  const promoters = (counts.promoters + 0.75) / size;
  const detractors = (counts.detractors + 0.75) / size;
  const centre = promoters - detractors;
  return { centre, variance: (promoters + detractors - centre * centre) / size };
}

/**
 * NPS with the adjusted-Wald interval of Rocks (2016), "Interval estimation for the Net Promoter
 * Score", The American Statistician 70(4), which kept near-nominal coverage down to small samples.
 * The point estimate is the plain NPS; the interval is centred on the adjusted one. null for n = 0.
 */
export function npsWithCi(counts: NpsCounts, level = 0.95): NpsWithCi | null {
  const n = checkCounts(counts);
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const { centre, variance } = adjusted(counts, n);
  const half = z * Math.sqrt(variance);
  const nps = ((counts.promoters - counts.detractors) / n) * 100;
  return { n, nps, ci: [Math.max(-100, (centre - half) * 100), Math.min(100, (centre + half) * 100)] };
}

export interface NpsChange {
  /** NPS of b − NPS of a, in points (−200..200). */
  difference: number;
  z: number;
  p: number;
}

/** Change of NPS between two independent samples: z from the sum of the two adjusted-Wald variances. */
export function npsChange(a: NpsCounts, b: NpsCounts): NpsChange | null {
  const na = checkCounts(a);
  const nb = checkCounts(b);
  if (na === 0 || nb === 0) return null;
  const va = adjusted(a, na);
  const vb = adjusted(b, nb);
  const se = Math.sqrt(va.variance + vb.variance);
  const difference = ((b.promoters - b.detractors) / nb - (a.promoters - a.detractors) / na) * 100;
  const z = (vb.centre - va.centre) / se;
  return { difference, z, p: normalTwoSidedP(z) };
}
