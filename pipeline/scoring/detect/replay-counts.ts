import { createSpikeDetector, type SpikeDecision } from './spike-detector.ts';
import type { SpikeSettingsInput } from './spike-settings.ts';

export interface CountSeries {
  /** Counts per interval, oldest first; the last is the interval that ends at `endMs`. */
  counts: readonly number[];
  endMs: number;
  intervalMs: number;
}

/**
 * The production spike rule replayed over a short history of interval counts, as if each interval
 * had arrived live when it ended, and its decision on the last one. The rule keeps no state between
 * checks: the history it needs (a baseline plus the same time last week) is cheap to count again,
 * and a replay decides the last interval exactly as the streaming detector would have.
 */
export function replayCounts(series: CountSeries, settings: SpikeSettingsInput): SpikeDecision {
  const detector = createSpikeDetector(settings);
  const n = series.counts.length;
  if (n === 0) throw new RangeError('replayCounts: the series needs at least the interval to decide on');
  let decision: SpikeDecision | undefined;
  for (const [i, count] of series.counts.entries()) decision = detector.push(series.endMs - (n - 1 - i) * series.intervalMs, count);
  return decision as SpikeDecision;
}
