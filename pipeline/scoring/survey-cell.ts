import { type NpsCounts, npsClass, npsWithCi } from './nps.ts';
import { meanWithCi, StatisticsInputError } from './statistics.ts';

/** How many answers had one score on the common 0–100 scale. */
export interface ScoreCount {
  score: number;
  n: number;
}

export interface LikertFigures {
  n: number;
  /** Mean score 0–100. */
  index: number;
  sd: number | null;
  /** 95% Student t-interval of the index, cut to 0–100 as the index cannot leave it; null when n < 2. */
  ci: [number, number] | null;
  /** Answers in the two best points of the scale (after reversal). */
  satisfied: number;
  pct_satisfied: number;
}

export interface NpsFigures extends NpsCounts {
  n: number;
  /** Mean recommendation ×10, 0–100. */
  index: number;
  sd: number | null;
  nps: number;
  ci: [number, number];
  pct_promoters: number;
  pct_passives: number;
  pct_detractors: number;
}

// Scores are stored as doubles computed from points; compare with room for rounding.
const EPSILON = 1e-9;

function totals(counts: readonly ScoreCount[]): { n: number; sum: number; sumSq: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const { score, n: count } of counts) {
    if (!(score >= 0 && score <= 100)) throw new StatisticsInputError(`score must be 0–100, got ${score}`);
    n += count;
    sum += score * count;
    sumSq += score * score * count;
  }
  return { n, sum, sumSq };
}

/**
 * Index, t-interval and top-2-box of a Likert item on points min..max from its score distribution.
 * The two best points score 100 and 100·(span−1)/span once reversed items are flipped, so
 * top-2-box is every score at or above the second best. null for no answers.
 */
export function likertFigures(counts: readonly ScoreCount[], scale: { min: number; max: number }, level = 0.95): LikertFigures | null {
  const { n, sum, sumSq } = totals(counts);
  if (n === 0) return null;
  const span = scale.max - scale.min;
  const secondBest = span > 1 ? ((span - 1) / span) * 100 : 0;
  const satisfied = counts.filter((c) => c.score >= secondBest - EPSILON).reduce((total, c) => total + c.n, 0);
  const stats = meanWithCi(n, sum, sumSq, level);
  // A small or lopsided cell's t-interval can reach past the scale ("[40.2, 101.5]"): cut it at the
  // ends, as the NPS interval is cut at ±100.
  const ci: [number, number] | null = stats.ci && [Math.max(0, stats.ci[0]), Math.min(100, stats.ci[1])];
  return { n, index: stats.mean ?? sum / n, sd: stats.sd, ci, satisfied, pct_satisfied: (satisfied / n) * 100 };
}

/** NPS figures of a 0–10 item stored as point×10. null for no answers. */
export function npsFigures(counts: readonly ScoreCount[], level = 0.95): NpsFigures | null {
  const { n, sum, sumSq } = totals(counts);
  if (n === 0) return null;
  const classes: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const { score, n: count } of counts) classes[npsClass(Math.round(score / 10))] += count;
  const result = npsWithCi(classes, level);
  if (!result) return null;
  const pct = (count: number) => (count / n) * 100;
  return {
    n,
    index: sum / n,
    sd: meanWithCi(n, sum, sumSq, level).sd,
    nps: result.nps,
    ci: result.ci,
    ...classes,
    pct_promoters: pct(classes.promoters),
    pct_passives: pct(classes.passives),
    pct_detractors: pct(classes.detractors),
  };
}
