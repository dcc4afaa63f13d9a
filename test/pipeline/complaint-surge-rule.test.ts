import { describe, expect, it } from 'vitest';
import { alertRulesSchema } from '../../config/schema.ts';
import { replayCounts } from '../../pipeline/scoring/detect/replay-counts.ts';
import { complaintSurgeHistory, complaintSurgeSettings } from '../../pipeline/steps/rules/complaint-surge.ts';
import { rng } from '../detect/generated-series.ts';

const HOUR = 3_600_000;
const parse = (complaint_surge: object) => alertRulesSchema.parse({ complaint_surge }).complaint_surge;

/** Ticket times (ms) from a Poisson process whose hourly rate follows the hour of day and weekday. */
function ticketTimes(seed: number, days: number, rate: (hour: number, weekday: number) => number): number[] {
  const random = rng(seed);
  const times: number[] = [];
  for (let h = 0; h < days * 24; h++) {
    const lambda = rate(h % 24, Math.floor(h / 24) % 7);
    for (let t = -Math.log(1 - random()) / lambda; t < 1; t += -Math.log(1 - random()) / lambda) times.push((h + t) * HOUR);
  }
  return times;
}

/** Tickets per window, newest first, the newest ending at `end` (as the warehouse counts them). */
function windowCounts(times: readonly number[], end: number, windowHours: number, windows: number): number[] {
  const counts = Array.from({ length: windows }, () => 0);
  for (const t of times) {
    const k = Math.floor((end - t) / (windowHours * HOUR));
    if (t <= end && k < windows) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

// A sparse hotline: about two complaints a weekday in office hours, almost none at night or at weekends.
const sparse = (hour: number, weekday: number) => (weekday >= 5 ? 0.02 : hour < 8 || hour >= 18 ? 0.01 : 0.2);

describe('the complaint-surge rule as the production spike rule over ticket counts', () => {
  it('runs the detector with the rule’s window, baseline, sensitivity, minimum and cool-down, upward only', () => {
    const rule = parse({});
    expect(rule).toMatchObject({ category: '投诉', window_hours: 24, baseline_days: 28, sensitivity: 'medium', min_count: 5, cooldown_hours: 24 });
    expect(complaintSurgeSettings(rule)).toEqual({ sensitivity: 'medium', window_minutes: 1440, baseline_hours: 672, min_count: 5, cooldown_minutes: 1440, direction: 'up' });
    // 28 days of baseline and two weeks of the same weekday, plus the window ending now.
    expect(complaintSurgeHistory(rule)).toBe(28 + 14 + 1);
  });

  it('takes the sensitivity presets, maps the older sigma 1.5 / 2 / 3 to high / medium / low, and refuses both', () => {
    expect(['1.5', '2', '3'].map((sigma) => parse({ sigma }).sensitivity)).toEqual(['high', 'medium', 'low']);
    expect(parse({ sensitivity: 'high' }).sensitivity).toBe('high');
    expect(() => parse({ sensitivity: 'high', sigma: '2' })).toThrow(/sigma[\s\S]*not both/);
  });

  it('stays quiet for weeks on a sparse hotline, where the rule it replaced raised a false alert about once a week', () => {
    for (const seed of [1, 2, 3, 4]) {
      const times = ticketTimes(seed, 12 * 7, sparse);
      for (const sensitivity of ['high', 'medium', 'low'] as const) {
        const rule = parse({ sensitivity });
        const settings = complaintSurgeSettings(rule);
        const n = complaintSurgeHistory(rule);
        // Checked every 2 hours through weeks 7 to 12 (after the replay's six weeks of history).
        for (let h = 6 * 7 * 24; h < 12 * 7 * 24; h += 2) {
          const counts = windowCounts(times, h * HOUR, 24, n);
          const decision = replayCounts({ counts: [...counts].reverse(), endMs: h * HOUR, intervalMs: 24 * HOUR }, settings);
          expect([seed, sensitivity, h, decision.alert]).toEqual([seed, sensitivity, h, false]);
        }
      }
    }
  });

  it('fires on a real surge on that hotline within the day, at every sensitivity', () => {
    for (const seed of [1, 2, 3, 4]) {
      const times = ticketTimes(seed, 8 * 7, sparse);
      // A Tuesday of week 8: 16 more complaints from 09:00 to 17:00.
      const day = 7 * 7 + 1;
      for (let i = 0; i < 16; i++) times.push((day * 24 + 9 + i / 2) * HOUR);
      for (const sensitivity of ['high', 'medium', 'low'] as const) {
        const rule = parse({ sensitivity });
        const n = complaintSurgeHistory(rule);
        // Checked hourly, as the scheduler would (every 5 minutes, in fact), until 09:00 the next day.
        const fired: number[] = [];
        for (let h = day * 24 + 9; h <= day * 24 + 33; h++) {
          const counts = windowCounts(times, h * HOUR, 24, n);
          if (replayCounts({ counts: [...counts].reverse(), endMs: h * HOUR, intervalMs: 24 * HOUR }, complaintSurgeSettings(rule)).alert) fired.push(h % 24);
        }
        expect([seed, sensitivity, fired.length > 0]).toEqual([seed, sensitivity, true]);
      }
    }
  });
});
