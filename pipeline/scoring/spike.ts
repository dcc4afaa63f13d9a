import { mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';

/** Same values as the warehouse's AlertGrade; declared here so pure scoring stays free of database types. */
export type AlertGrade = 'blue' | 'yellow' | 'orange' | 'red';

export interface SpikeInput {
  /** Count in the short window just ended. */
  window: number;
  /** Counts in past windows of the same length (the long baseline). */
  baseline: readonly number[];
  /** Count in the same window yesterday, when known. */
  sameTimeYesterday?: number;
  /** Count in the same window a week ago, when known. */
  sameTimeLastWeek?: number;
}

export interface SpikeRule {
  /** How many standard deviations above the baseline make a spike (the 1.5/2/3σ presets). */
  sigma: 1.5 | 2 | 3;
  /** Fewer mentions than this are never a spike, however quiet the baseline. */
  minCount: number;
}

export interface SpikeResult {
  spike: boolean;
  /** Baseline mean: the count expected in the window. */
  expected: number;
  /** Baseline standard deviation after the Poisson floor. */
  sd: number;
  z: number;
  /** Why it is or is not a spike, for the alert's drivers and for operators tuning the rule. */
  reason: string;
}

/** Counts that cannot be counts; the message names the field. */
export class SpikeInputError extends Error {
  override name = 'SpikeInputError';
}

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new SpikeInputError(`${name} must be a count ≥ 0, got ${value}`);
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Short window against a long baseline. The baseline's spread is floored at the Poisson spread
 * √max(mean, 1): counts of rare events vary at least that much, so a baseline of zeros does not
 * make a single mention a 10σ event. A window no higher than the same time yesterday or last week
 * (within that Poisson spread) is the daily or weekly rhythm — Monday-morning queues — not a spike.
 */
export function detectSpike(input: SpikeInput, rule: SpikeRule): SpikeResult {
  checkCount('window', input.window);
  input.baseline.forEach((count, i) => checkCount(`baseline[${i}]`, count));
  checkCount('sameTimeYesterday', input.sameTimeYesterday);
  checkCount('sameTimeLastWeek', input.sameTimeLastWeek);

  const expected = input.baseline.length > 0 ? sampleMean(input.baseline as number[]) : 0;
  const observedSd = input.baseline.length > 1 ? sampleStandardDeviation(input.baseline as number[]) : 0;
  const sd = Math.max(observedSd, Math.sqrt(Math.max(expected, 1)));
  const z = (input.window - expected) / sd;
  const result = (spike: boolean, reason: string): SpikeResult => ({ spike, expected: round(expected, 4), sd: round(sd, 4), z: round(z, 4), reason });

  if (input.window < rule.minCount) return result(false, `${input.window} in the window, below the minimum of ${rule.minCount}`);
  if (z < rule.sigma) return result(false, `${input.window} against ${round(expected)} expected is z = ${round(z)}, below ${rule.sigma}σ`);
  const rhythm: Array<[string, number | undefined]> = [
    ['the same time yesterday', input.sameTimeYesterday],
    ['the same time last week', input.sameTimeLastWeek],
  ];
  for (const [when, count] of rhythm) {
    if (count !== undefined && input.window - count < rule.sigma * Math.sqrt(Math.max(count, 1))) {
      return result(false, `${input.window} is z = ${round(z)} over the baseline but no higher than ${count} at ${when}: the usual rhythm`);
    }
  }
  return result(true, `${input.window} against ${round(expected)} expected is z = ${round(z)}, at or above ${rule.sigma}σ`);
}

/**
 * Alert grade from how far above the baseline a spike is. Alerts fire from the rule's σ (1.5 at the
 * most sensitive preset), so: below 2σ 蓝 blue (notice), 2–3σ 黄 yellow, 3–4σ 橙 orange, 4σ and above 红 red.
 */
export function gradeFromZ(z: number): AlertGrade {
  if (z >= 4) return 'red';
  if (z >= 3) return 'orange';
  if (z >= 2) return 'yellow';
  return 'blue';
}
