/**
 * NAB scoring (numenta/NAB nab/sweeper.py, the scorer of NAB 1.x), re-implemented. Per file:
 * rows in the probationary period (the first min(⌊0.15·n⌋, 750)) are ignored. Inside a window
 * of width w ending at row r, a detection at row i is worth A_TP·σ(−(r−i+1)/w)/σ(−1), where
 * σ(x) = 2/(1+e^{5x})−1 is NAB's scaled sigmoid: 1 at the window's first row, falling towards 0 at
 * its end; only the best (earliest) detection of a window counts, and a window without one costs
 * A_FN. A detection outside every window costs A_FP·σ(|i−r'|/(w'−1)) after a window (r', w' of the
 * preceding one: nearly free just after it, full cost one window-width later) and A_FP before the
 * first window.
 *
 * Checked line by line against sweeper.py (calcSweepScore, calcScoreByThreshold, scoreDataSet) and
 * runner.py's normalisation: a binary detector is NAB's "score ≥ threshold" row; a window's part
 * starts at −A_FN and takes the max of its detections' rewards; FPs add up row by row; the null
 * detector scores −A_FN per window with a row after probation, and "perfect" is A_TP times every
 * labelled window (runner.py counts them from the labels file, probationary or not).
 */

export interface CostMatrix {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

/** NAB's "standard" application profile (config/profiles.json). */
export const STANDARD_PROFILE: CostMatrix = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

/** A labelled window as row indices, both ends included. */
export interface RowWindow {
  first: number;
  last: number;
}

export interface FileScore {
  raw: number;
  /** The null detector's score (no detections): −A_FN per scored window. */
  nullScore: number;
  /** A perfect detector's: A_TP per window. */
  perfect: number;
  /** Windows with a detection. */
  tp: number;
  /** Detections outside every window, after the probationary period. */
  fp: number;
  /** Windows without a detection. */
  fn: number;
  /** Per window, the row of its first detection (null when missed). */
  firstDetection: Array<number | null>;
}

/** sweeper.py's scaledSigmoid, including its cut-off: from a relative position of 3 on, exactly −1. */
export function scaledSigmoid(position: number): number {
  return position >= 3 ? -1 : 2 / (1 + Math.exp(5 * position)) - 1;
}

export function probationaryLength(rows: number, percent = 0.15): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}

export function scoreFile(rows: number, detections: Iterable<number>, windows: readonly RowWindow[], cost: CostMatrix = STANDARD_PROFILE): FileScore {
  const probation = probationaryLength(rows);
  const sorted = [...windows].sort((a, b) => a.first - b.first);
  const detected = [...new Set(detections)].filter((i) => i >= probation && i < rows).sort((a, b) => a - b);
  const maxTp = scaledSigmoid(-1);
  // A window whose rows all fall in the probationary period is not scored (NAB drops those rows).
  const scored = sorted.map((w) => w.last >= probation);
  const best: Array<number | null> = sorted.map((w, k) => (scored[k] ? -cost.fnWeight : null));
  const firstDetection: Array<number | null> = sorted.map(() => null);
  let fpScore = 0;
  let fp = 0;
  for (const i of detected) {
    const k = sorted.findIndex((w) => i >= w.first && i <= w.last);
    if (k >= 0) {
      const w = sorted[k] as RowWindow;
      const width = w.last - w.first + 1;
      const value = (scaledSigmoid(-(w.last - i + 1) / width) * cost.tpWeight) / maxTp;
      best[k] = Math.max(best[k] ?? -cost.fnWeight, value);
      firstDetection[k] ??= i;
      continue;
    }
    fp++;
    const before = sorted.filter((w) => w.last < i).at(-1);
    const unweighted = before ? scaledSigmoid(Math.abs(before.last - i) / (before.last - before.first)) : -1;
    fpScore += unweighted * cost.fpWeight;
  }
  const windowScore = best.reduce<number>((sum, b) => sum + (b ?? 0), 0);
  const scoredCount = scored.filter(Boolean).length;
  const tp = firstDetection.filter((d) => d !== null).length;
  return { raw: windowScore + fpScore, nullScore: -cost.fnWeight * scoredCount, perfect: cost.tpWeight * sorted.length, tp, fp, fn: scoredCount - tp, firstDetection };
}

/** NAB's normalisation: 100·(raw − null)/(perfect − null); 0 is the null detector, 100 perfect. */
export function normalisedScore(parts: { raw: number; nullScore: number; perfect: number }): number {
  return (100 * (parts.raw - parts.nullScore)) / (parts.perfect - parts.nullScore);
}
