/**
 * NAB's windowedGaussian detector (nab/detectors/gaussian), re-implemented as the baseline:
 * mean and population standard deviation over the last 6,400 values, refreshed every 100 once
 * the window is full; a value's anomaly score is 1 − its two-sided Gaussian tail probability.
 * NAB's optimised standard-profile threshold for it is 1.0, i.e. a tail below float64's
 * resolution of 1 (about 8.3σ).
 */
export const GAUSSIAN_THRESHOLD = 1.0;

export function windowedGaussianScores(values: readonly number[], windowSize = 6400, stepSize = 100): number[] {
  let window: number[] = [];
  let buffer: number[] = [];
  let mean = 0;
  let std = 1;
  const refresh = () => {
    mean = window.reduce((a, b) => a + b, 0) / window.length;
    std = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / window.length);
    if (std === 0) std = 0.000001;
  };
  return values.map((value) => {
    const score = window.length > 0 ? 1 - tailProbability(value, mean, std) : 0;
    if (window.length < windowSize) {
      window.push(value);
      refresh();
    } else {
      buffer.push(value);
      if (buffer.length === stepSize) {
        window = window.slice(stepSize).concat(buffer);
        buffer = [];
        refresh();
      }
    }
    return score;
  });
}

/** P(X > x) for X ~ N(mean, std), mirrored below the mean as NAB does. */
function tailProbability(x: number, mean: number, std: number): number {
  const z = Math.abs(x - mean) / std;
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function, fractional error below 1.2e-7 everywhere (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
