import { describe, expect, it } from 'vitest';
import { alertRulesSchema } from '../../config/schema.ts';
import { replayCounts } from '../../pipeline/scoring/detect/replay-counts.ts';
import { createSpikeDetector, type SpikeDecision } from '../../pipeline/scoring/detect/spike-detector.ts';
import { gradeOverThreshold } from '../../pipeline/scoring/detect/spike-grade.ts';
import { replayHistoryHours } from '../../pipeline/scoring/detect/spike-settings.ts';
import { negativeSpikeSettings } from '../../pipeline/steps/check-negative-spike.ts';
import { poisson, rng } from '../detect/generated-series.ts';

const HOUR = 3_600_000;
const DAY = 24;
const rule = alertRulesSchema.parse({}).negative_spike;
const settings = negativeSpikeSettings(rule);
// What the step counts at each check: the baseline plus two weeks (the detector's longest rhythm
// look-back), and the interval ending now.
const HISTORY = 21 * DAY + 1;

/** A community's usual day of negative mentions per hour: quiet nights, a few by day, an evening peak. */
function usualDays(days: number, seed: number): number[] {
  const random = rng(seed);
  const mean = (hour: number) => (hour < 7 ? 0.1 : hour >= 18 && hour < 21 ? 15 : 3);
  return Array.from({ length: days * DAY }, (_, i) => poisson(random, mean(i % DAY)));
}

/** The rule checked at the end of each hour from `from` on, each check a fresh replay of the history it would count. */
function hourlyChecks(series: readonly number[], from: number): Array<{ hour: number; decision: SpikeDecision }> {
  const checks = [];
  for (let t = from; t < series.length; t++) {
    const counts = series.slice(Math.max(0, t + 1 - HISTORY), t + 1);
    checks.push({ hour: t, decision: replayCounts({ counts, endMs: (t + 1) * HOUR, intervalMs: HOUR }, settings) });
  }
  return checks;
}

describe('the negative-spike rule as the production spike rule over hourly counts', () => {
  it('runs at the config default of medium sensitivity, upward only, with the rule’s minimum and cool-down', () => {
    expect(settings).toMatchObject({ sensitivity: 'medium', window_minutes: 60, min_count: 3, cooldown_minutes: 180, direction: 'up' });
  });

  it('does not fire on the usual daily rhythm, peaks and quiet nights included', () => {
    for (const seed of [1, 2, 3, 4]) {
      const series = usualDays(28, seed);
      const fired = hourlyChecks(series, 21 * DAY).filter((c) => c.decision.alert);
      expect(fired.map((c) => [seed, c.hour % DAY, series[c.hour]])).toEqual([]);
    }
  });

  it('fires once for a burst after quiet nights, then holds it in the cool-down', () => {
    const series = usualDays(28, 9);
    const burstStart = 27 * DAY + 3;
    [20, 25, 18].forEach((count, i) => (series[burstStart + i] = count));
    const checks = hourlyChecks(series, 27 * DAY);
    const fired = checks.filter((c) => c.decision.alert);
    expect(fired.map((c) => c.hour)).toEqual([burstStart]);
    // 20 against the same night hour of the last two days and weeks (about 0) is judged by the
    // rhythm, whose spread is about 1 on Anscombe's scale: 6.5σ, 2.5σ past medium's 4σ.
    expect(fired[0]?.decision.basis).toBe('rhythm');
    expect(fired[0]?.decision.z).toBeGreaterThan(6);
    expect(fired[0]?.decision.grade).toBe('red');
    expect(checks.find((c) => c.hour === burstStart + 1)?.decision.held).toBe('cooldown');
  });

  it('does not make one mention after silence a spike, at any sensitivity', () => {
    const silence = [...Array.from({ length: 14 * DAY }, () => 0), 1];
    for (const sensitivity of ['high', 'medium', 'low'] as const) {
      const decision = replayCounts({ counts: silence, endMs: 15 * DAY * HOUR, intervalMs: HOUR }, { ...settings, sensitivity, min_count: 0 });
      expect(decision.alert).toBe(false);
      // The Poisson floor: 2√1.375 − 2√0.375 = 1.12σ, not a division by a spread of zero.
      expect(decision.z).toBeCloseTo(1.12, 2);
    }
    const quietNight = usualDays(15, 5);
    quietNight[14 * DAY + 3] = 1;
    expect(hourlyChecks(quietNight, 14 * DAY + 3)[0]?.decision.alert).toBe(false);
  });

  it('decides an interval as the live detector did when it arrived, from a fresh replay of the history before it', () => {
    const series = usualDays(28, 9);
    [20, 25, 18].forEach((count, i) => (series[27 * DAY + 3 + i] = count));
    const live = createSpikeDetector(settings);
    const liveDecisions = series.map((count, t) => live.push((t + 1) * HOUR, count));
    // The live detector kept its state from the start; the replay starts afresh 21 days back (the
    // baseline and two weeks of the same time), so the two agree once the replay's history is full.
    expect(replayHistoryHours(settings)).toBe(21 * DAY);
    for (let t = 27 * DAY; t < 27 * DAY + 8; t++) {
      const counts = series.slice(t + 1 - HISTORY, t + 1);
      const replayed = replayCounts({ counts, endMs: (t + 1) * HOUR, intervalMs: HOUR }, settings);
      expect([t, replayed.alert, replayed.held]).toEqual([t, liveDecisions[t]?.alert, liveDecisions[t]?.held]);
      expect(replayed.z).toBeCloseTo(liveDecisions[t]?.z ?? Number.NaN, 9);
    }
  });
});

describe('negative-spike sensitivity', () => {
  const parse = (negative_spike: object) => alertRulesSchema.parse({ negative_spike }).negative_spike;

  it('maps the older sigma presets 1.5, 2 and 3 to high, medium and low, and defaults to medium', () => {
    expect(['1.5', '2', '3'].map((sigma) => parse({ sigma }).sensitivity)).toEqual(['high', 'medium', 'low']);
    expect(parse({}).sensitivity).toBe('medium');
    expect(parse({ sensitivity: 'low' })).toMatchObject({ sensitivity: 'low' });
  });

  it('refuses sensitivity and sigma together, naming the setting', () => {
    expect(() => parse({ sensitivity: 'high', sigma: '2' })).toThrow(/sigma[\s\S]*not both/);
  });

  it('grades by how far past the preset’s threshold the deviation goes', () => {
    expect([4, 4.49, 4.5, 5.49, 5.5, 6.49, 6.5].map((z) => gradeOverThreshold(z, 4))).toEqual(['blue', 'blue', 'yellow', 'yellow', 'orange', 'orange', 'red']);
    expect(gradeOverThreshold(5.6, 5)).toBe('yellow');
  });
});
