import { describe, expect, it } from 'vitest';
import { normalisedScore, probationaryLength, scaledSigmoid, scoreFile } from '../../bench/nab/nab-score.ts';

describe('the NAB scorer', () => {
  it('matches a score worked out by hand from the formulas', () => {
    // 20 rows: probation = min(⌊0.15·20⌋, 750) = 3 rows, so the detection at row 2 is ignored.
    // Windows rows 8–11 (width 4) and 17–18. Detections at 2, 5, 9, 10, 15.
    //  row 5: before any window → FP worth −A_FP = −0.11.
    //  row 9: first detection in window 1 → σ(−(11−9+1)/4) / σ(−1) = σ(−0.75)/σ(−1)
    //         with σ(x) = 2/(1+e^{5x}) − 1: 0.954047 / 0.986614 = 0.966991. Row 10 adds nothing.
    //  row 15: after window 1 → 0.11·σ(|11−15|/(4−1)) = 0.11·σ(1.3333) = 0.11·(−0.997459) = −0.109720.
    //  window 2 has no detection → −A_FN = −1.
    // raw = −0.11 + 0.966991 − 0.109720 − 1 = −0.252729; null = −2, perfect = 2
    // normalised = 100·(−0.252729 + 2)/(2 + 2) = 43.6818.
    const windows = [
      { first: 8, last: 11 },
      { first: 17, last: 18 },
    ];
    const result = scoreFile(20, [2, 5, 9, 10, 15], windows);
    expect(probationaryLength(20)).toBe(3);
    expect(result.raw).toBeCloseTo(-0.252729, 5);
    expect(result).toMatchObject({ nullScore: -2, perfect: 2, tp: 1, fp: 2, fn: 1, firstDetection: [9, null] });
    expect(normalisedScore(result)).toBeCloseTo(43.6818, 3);
  });

  it('gives 0 to no detections and nearly 100 to a detection on the first row of every window', () => {
    const windows = [
      { first: 300, last: 349 },
      { first: 700, last: 749 },
    ];
    expect(normalisedScore(scoreFile(1000, [], windows))).toBe(0);
    expect(normalisedScore(scoreFile(1000, [300, 700], windows))).toBeCloseTo(100, 6);
    // Later in the window is worth less; past its end a detection is a false positive.
    expect(normalisedScore(scoreFile(1000, [340, 700], windows))).toBeLessThan(normalisedScore(scoreFile(1000, [320, 700], windows)));
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(4)).toBe(-1);
  });

  it("reproduces sweeper.py's scaled sigmoid, including its cut-off at a relative position of 3", () => {
    // The values NAB's own docstring gives: left edge of a window, halfway, right edge, one window past it.
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    // sweeper.py: `if relativePositionInWindow >= 3.0: return -1.0`.
    expect(scaledSigmoid(3)).toBe(-1);
    expect(scaledSigmoid(2.999)).toBeGreaterThan(-1);
  });

  it('leaves a window inside the probationary period out of the null score but not out of the perfect one, as runner.py does', () => {
    // 1000 rows: probation 150 rows. Window 1 (rows 10–60) lies inside it; window 2 does not.
    const windows = [
      { first: 10, last: 60 },
      { first: 500, last: 549 },
    ];
    const result = scoreFile(1000, [20, 500], windows);
    // The detection at row 20 is in probation: ignored, neither TP nor FP.
    expect(result).toMatchObject({ nullScore: -1, perfect: 2, tp: 1, fp: 0, fn: 0, firstDetection: [null, 500] });
    expect(result.raw).toBeCloseTo(1, 6);
    // runner.py: perfect = A_TP × every labelled window; the null detector loses A_FN only for scored ones.
    expect(normalisedScore(result)).toBeCloseTo((100 * (1 + 1)) / (2 + 1), 6);
  });
});
