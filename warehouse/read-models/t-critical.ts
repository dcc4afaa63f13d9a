// Two-sided 95% critical values of Student's t, t(0.975, df) for df 1–30 (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
// Anchors past 30, interpolated in 1/df, which is nearly linear in t; df → ∞ gives 1.96.
const TAIL: Array<[number, number]> = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
  [Infinity, 1.96],
];

export class DegreesOfFreedomError extends Error {
  override name = 'DegreesOfFreedomError';
}

/** t(0.975, df): the multiplier of the standard error for a two-sided 95% interval. */
export function tCritical975(df: number): number {
  if (!(df >= 1)) throw new DegreesOfFreedomError(`degrees of freedom must be at least 1, got ${df}`);
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1]!;
  for (let i = 1; i < TAIL.length; i++) {
    const [hiDf, hiT] = TAIL[i]!;
    const [loDf, loT] = TAIL[i - 1]!;
    if (df <= hiDf) {
      const x = 1 / df;
      const share = (1 / loDf - x) / (1 / loDf - 1 / hiDf);
      return loT + share * (hiT - loT);
    }
  }
  return 1.96;
}
