import { describe, expect, it } from 'vitest';
import { createSpikeDetector } from '../../pipeline/scoring/detect/spike-detector.ts';
import { DEFAULT_SPIKE_SETTINGS, replayHistoryHours, spikeSettingsSchema, type SpikeSettingsInput } from '../../pipeline/scoring/detect/spike-settings.ts';
import { countSeries, DAY, HOUR, MINUTE, rng, START, type Point } from './generated-series.ts';

function alerts(points: readonly Point[], settings: SpikeSettingsInput = {}): number[] {
  const detector = createSpikeDetector(settings);
  return points.flatMap((p) => (detector.push(p.time, p.value).alert ? [p.time] : []));
}

/** Adds `extra` to the points in [from, from + minutes). */
function burst(points: readonly Point[], from: number, minutes: number, extra: number): Point[] {
  return points.map((p) => (p.time >= from && p.time < from + minutes * MINUTE ? { ...p, value: p.value + extra } : p));
}

const hourOfDay = (time: number) => new Date(time).getUTCHours() + new Date(time).getUTCMinutes() / 60;
/** Quiet nights, a busy evening peak around 20:00. */
const dailyRate = (time: number) => {
  const h = hourOfDay(time);
  return h < 6 ? 0.2 : 4 + 16 * Math.exp(-((h - 20) ** 2) / 2);
};

describe('the streaming spike detector', () => {
  it('raises nothing on a flat series of Poisson counts', () => {
    for (const seed of [1, 2, 3]) expect(alerts(countSeries(seed, 21, 5, () => 5))).toEqual([]);
  });

  it('raises one alert at a burst, and the same alerts when the series stops right after it (no look-ahead)', () => {
    const at = START + 10 * DAY + 13 * HOUR;
    const series = burst(countSeries(4, 14, 5, () => 5), at, 30, 25);
    const found = alerts(series);
    expect(found).toHaveLength(1);
    expect(found[0]).toBeGreaterThanOrEqual(at);
    expect(found[0]).toBeLessThan(at + 30 * MINUTE);
    const truncated = series.filter((p) => p.time <= (found[0] as number));
    expect(alerts(truncated)).toEqual(found);
  });

  it('learns a daily evening peak within days, but alerts when the peak doubles', () => {
    const series = countSeries(5, 21, 5, dailyRate);
    const rhythm = alerts(series);
    expect(rhythm.filter((t) => t >= START + 9 * DAY)).toEqual([]);
    const doubledAt = START + 17 * DAY + 19 * HOUR;
    const doubled = series.map((p) => (p.time >= doubledAt && p.time < doubledAt + 2 * HOUR ? { ...p, value: p.value * 2 } : p));
    const found = alerts(doubled).filter((t) => t >= START + 9 * DAY);
    expect(found).toHaveLength(1);
    expect(found[0]).toBeGreaterThanOrEqual(doubledAt);
    expect(found[0]).toBeLessThan(doubledAt + 2 * HOUR);
  });

  it('learns a weekly rhythm (busy weekday mornings, quiet nights and weekends) and still catches a burst in it', () => {
    const weekly = (time: number) => {
      const date = new Date(time);
      const hour = date.getUTCHours();
      const base = hour < 7 ? 0.3 : hour >= 9 && hour < 12 ? 12 : 5;
      return date.getUTCDay() === 0 || date.getUTCDay() === 6 ? base / 4 : base;
    };
    // A Tuesday afternoon, five weeks in.
    const at = START + 29 * DAY + 15 * HOUR;
    for (const seed of [1, 2, 3, 4]) {
      const series = countSeries(seed, 35, 15, weekly);
      // Monday-morning rises out of the weekend lull and the nightly lulls are the rhythm, not news.
      expect(alerts(series).filter((t) => t >= START + 14 * DAY)).toEqual([]);
      const found = alerts(burst(series, at, 60, 25)).filter((t) => t >= START + 14 * DAY);
      expect(found).toHaveLength(1);
      expect(found[0]).toBeGreaterThanOrEqual(at);
      expect(found[0]).toBeLessThan(at + HOUR);
    }
  });

  it('says which comparison decided: the flat baseline for a burst on a flat series', () => {
    const at = START + 10 * DAY + 13 * HOUR;
    const detector = createSpikeDetector();
    const fired = burst(countSeries(4, 14, 5, () => 5), at, 30, 25).map((p) => detector.push(p.time, p.value)).filter((d) => d.alert);
    expect(fired.map((d) => d.basis)).toEqual(['level']);
  });

  it('does not divide by zero on quiet nights nor alert on a single count', () => {
    const zeros = countSeries(6, 10, 60, () => 0);
    const detector = createSpikeDetector();
    for (const p of zeros) {
      const d = detector.push(p.time, p.value);
      expect(Number.isFinite(d.z) && Number.isFinite(d.score) && Number.isFinite(d.baseline)).toBe(true);
    }
    const one = detector.push(START + 10 * DAY, 1);
    expect(one.alert).toBe(false);
    expect(Number.isFinite(one.z)).toBe(true);
  });

  it('handles missing intervals: a gap raises nothing, and a burst after it is still caught', () => {
    const series = countSeries(7, 14, 5, () => 5).filter((p) => p.time < START + 5 * DAY || p.time >= START + 5 * DAY + 9 * HOUR);
    expect(alerts(series)).toEqual([]);
    const at = START + 8 * DAY + 3 * HOUR;
    expect(alerts(burst(series, at, 30, 25))).toHaveLength(1);
  });

  it('keeps quiet for the cool-down after an alert, then alerts again', () => {
    const base = countSeries(8, 14, 5, () => 5);
    const first = START + 9 * DAY;
    const settings = { cooldown_minutes: 120, novelty_days: 0 };
    const close = burst(burst(base, first, 20, 25), first + 60 * MINUTE, 20, 25);
    expect(alerts(close, settings)).toHaveLength(1);
    const apart = burst(burst(base, first, 20, 25), first + 4 * HOUR, 20, 25);
    expect(alerts(apart, settings)).toHaveLength(2);
  });

  it('waits for some history before alerting on a series that starts now', () => {
    const series = burst(countSeries(9, 1, 60, () => 5), START + 3 * HOUR, 60, 40);
    expect(alerts(series)).toEqual([]);
  });

  it('alerts on drops too, unless told to watch one direction', () => {
    const at = START + 10 * DAY;
    const series = countSeries(10, 14, 5, () => 50).map((p) => (p.time >= at && p.time < at + HOUR ? { ...p, value: 0 } : p));
    expect(alerts(series)).toHaveLength(1);
    expect(alerts(series, { direction: 'up' })).toEqual([]);
  });

  it('names the setting that is wrong and documents its defaults', () => {
    expect(() => createSpikeDetector({ cooldown_minutes: -1 })).toThrow(/cooldown_minutes/);
    expect(spikeSettingsSchema.safeParse({ sensitivity: 'extreme' }).success).toBe(false);
    expect(DEFAULT_SPIKE_SETTINGS).toMatchObject({ sensitivity: 'medium', cooldown_minutes: 1080, baseline_hours: 168, seasonal_hours: [24, 168], seasonal_cycles: 2, novelty_days: 1.75 });
    expect(() => createSpikeDetector({ seasonal_cycles: 0 })).toThrow(/seasonal_cycles/);
    // A replay needs the baseline and two weeks of the same time before the interval it decides.
    expect(replayHistoryHours()).toBe(168 + 2 * 168);
    expect(replayHistoryHours({ baseline_hours: 24 * 28, seasonal_cycles: 1 })).toBe(24 * 28 + 168);
  });

  it('catches a sudden jump that stays inside the range of the last week (the start of a level shift)', () => {
    // A slow swing of ±10 every 2.7 days (no daily or weekly rhythm to lean on) with a little noise;
    // at `at` the level jumps by 6 and stays.
    const random = rng(11);
    const at = START + 10 * DAY + 7 * HOUR;
    const series: Point[] = [];
    for (let time = START; time < START + 14 * DAY; time += 5 * MINUTE) {
      const swing = 10 * Math.sin((2 * Math.PI * (time - START)) / (2.7 * DAY));
      series.push({ time, value: 50 + swing + (random() - 0.5) + (time >= at ? 6 : 0) });
    }
    // The jumped level is well inside the week's range, so the level comparison alone misses it…
    expect(alerts(series, { step_ratio: 0 }).filter((t) => t >= at)).toEqual([]);
    // …the step from the previous point does not: one alert, at the jump.
    const found = alerts(series).filter((t) => t >= START + 8 * DAY);
    expect(found).toEqual([at]);
  });

  it('decides each point from that point and earlier ones only: appending data never changes a past decision', () => {
    // Rhythm, a burst, a drop, a gap and a level step, so every comparison has its say.
    let series = burst(countSeries(12, 20, 5, dailyRate), START + 12 * DAY + 15 * HOUR, 30, 30);
    series = series.filter((p) => p.time < START + 14 * DAY || p.time >= START + 14 * DAY + 6 * HOUR);
    series = series.map((p) => (p.time >= START + 16 * DAY ? { ...p, value: p.value + 12 } : p));
    const run = (points: readonly Point[]) => {
      const detector = createSpikeDetector();
      return points.map((p) => detector.push(p.time, p.value));
    };
    const full = run(series);
    expect(full.some((d) => d.alert)).toBe(true);
    for (const cut of [500, 3000, 3600, 4100, 4500, series.length - 1]) {
      expect(run(series.slice(0, cut))).toEqual(full.slice(0, cut));
    }
  });
});
