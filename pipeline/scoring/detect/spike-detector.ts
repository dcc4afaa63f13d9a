import type { AlertGrade } from '../spike.ts';
import { gradeOverThreshold } from './spike-grade.ts';
import { SortedWindow } from './sorted-window.ts';
import { alertSigma, spikeSettingsSchema, type SpikeSettings, type SpikeSettingsInput } from './spike-settings.ts';
import { SlidingMax } from './sliding-max.ts';
import { TimeRing } from './time-ring.ts';

export interface SpikeDecision {
  alert: boolean;
  /** |z| of the decisive comparison, in units of the level threshold's σ; 0 while warming up. */
  score: number;
  /** Signed: above (+) or below (−) normal, in robust standard deviations (the decisive comparison). */
  z: number;
  /** The baseline median: the window mean expected now. */
  baseline: number;
  /** The σ the settings alert at (the preset's or the explicit one). */
  threshold: number;
  /** Present when `alert` is. */
  grade?: AlertGrade;
  /** Why a deviation past the threshold, in the wanted direction, did not alert. */
  held?: SpikeHold;
  /** Which comparison decided: the flat baseline, the daily/weekly rhythm, or the step from the previous window. */
  basis: SpikeBasis;
}

export type SpikeBasis = 'level' | 'rhythm' | 'step';

/** warming_up: too little history; min_count: too few in the window; cooldown: an alert came too recently; not_novel: not the most unusual of the novelty days. */
export type SpikeHold = 'warming_up' | 'min_count' | 'cooldown' | 'not_novel';

export interface SpikeDetector {
  /** One observation; timestamps in milliseconds, in order. Decides from this and earlier points only. */
  push(time: number, value: number): SpikeDecision;
}

/** A value or timestamp the detector cannot use; the message says which. */
export class SpikeDetectorInputError extends Error {
  override name = 'SpikeDetectorInputError';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// IQR of a normal distribution is 1.349σ.
const IQR_TO_SIGMA = 1 / 1.349;
// The 1–99% range of a normal distribution is 4.65σ.
const WIDE_HI = 0.99;
const WIDE_Z = 4.65;
// A step is compared only with a point at most this many sampling intervals back: across a longer
// gap in the data the change says more about the gap than about now.
const GAP_STEPS = 24;

/** Rolling robust statistics (median, IQR) over the values of the last `spanMs`. */
class RobustWindow {
  private readonly sorted = new SortedWindow();
  private readonly queue: Array<[number, number]> = [];
  private head = 0;

  constructor(private readonly spanMs: number) {}

  get size(): number {
    return this.sorted.size;
  }

  add(time: number, value: number): void {
    this.queue.push([time, value]);
    this.sorted.insert(value);
    while (this.head < this.queue.length && (this.queue[this.head] as [number, number])[0] <= time - this.spanMs) {
      this.sorted.remove((this.queue[this.head] as [number, number])[1]);
      this.head++;
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  median(): number {
    return this.sorted.quantile(0.5);
  }

  /**
   * The interquartile spread, or the 1–99% spread when that says more: a series that sits on one
   * value most of the time (IQR 0) still moves now and then, and those moves set its normal.
   */
  sigma(): number {
    const iqr = (this.sorted.quantile(0.75) - this.sorted.quantile(0.25)) * IQR_TO_SIGMA;
    const wide = (this.sorted.quantile(WIDE_HI) - this.sorted.quantile(1 - WIDE_HI)) / WIDE_Z;
    return Math.max(iqr, wide);
  }
}

/**
 * The production spike rule as a streaming detector: the mean of a short window against a long
 * baseline of earlier window means (median and quantile spread, so past spikes do not inflate
 * it), both directions. When the same time of day or of the week predicts the series clearly
 * better than the baseline does (a daily or weekly rhythm), the window is judged against those
 * instead — the evening peak is not news, a doubled evening peak is, and so is a busy night. The
 * same time is a profile: the median over the last `seasonal_cycles` days (weeks), so one odd day
 * does not become the next day's expectation.
 * Beside the level, the change from the previous window mean is judged against the usual size of
 * such changes: a sudden jump or fall that stays inside the week's range (the start of a level
 * shift) is news before the level is. Whichever comparison stands out more, relative to its own
 * threshold, decides.
 * Counts get a Poisson floor on the spread, so quiet nights of zeros do not make one mention a
 * spike. An alert must also be the most unusual window of the last `novelty_days` (a jumpy series
 * sets its own bar), and after one the rule stays quiet for the cool-down.
 */
export function createSpikeDetector(input: SpikeSettingsInput | SpikeSettings = {}): SpikeDetector {
  const settings: SpikeSettings = spikeSettingsSchema.parse(input);
  const sigma = alertSigma(settings);
  const windowMs = settings.window_minutes * MINUTE;
  const baselineMs = settings.baseline_hours * HOUR;
  const periods = settings.seasonal_hours.map((h) => h * HOUR);
  const cycles = settings.seasonal_cycles;
  const keepMs = Math.max(0, ...periods) * cycles + HOUR;

  const recent: Array<[number, number, number]> = [];
  let recentSum = 0;
  let recentRaw = 0;
  const baseline = new RobustWindow(baselineMs);
  const means = new TimeRing(keepMs);
  const seasonal = periods.map(() => new RobustWindow(baselineMs));
  // Changes from one window mean to the next, for the step comparison.
  const changes = new RobustWindow(baselineMs);
  let previous: { time: number; mean: number } | undefined;
  let counts = true;
  let lastTime = Number.NEGATIVE_INFINITY;
  let step = 0;
  let lastAlert = Number.NEGATIVE_INFINITY;
  const recentMax = new SlidingMax(settings.novelty_days * 24 * HOUR);
  const sameTimes: number[] = [];

  return {
    push(time, value) {
      if (!Number.isFinite(time)) throw new SpikeDetectorInputError(`timestamp must be a finite number of milliseconds, got ${time}`);
      if (!Number.isFinite(value)) throw new SpikeDetectorInputError(`value must be a finite number, got ${value}`);
      // Out-of-order points are taken as arriving now; the windows use the latest time seen.
      const now = Math.max(time, lastTime);
      if (lastTime > Number.NEGATIVE_INFINITY && now > lastTime) step = step === 0 ? now - lastTime : Math.min(step, now - lastTime);
      lastTime = now;
      counts &&= value >= 0 && Number.isInteger(value);
      const scaled = counts ? anscombe(value) : value;

      recent.push([now, scaled, value]);
      recentSum += scaled;
      recentRaw += value;
      while (recent.length > 1 && (recent[0] as [number, number, number])[0] <= now - windowMs) {
        const [, oldScaled, oldValue] = recent.shift() as [number, number, number];
        recentSum -= oldScaled;
        recentRaw -= oldValue;
      }
      const mean = recentSum / recent.length;

      const median = baseline.median();
      const floor = spreadFloor(median, recent.length, counts);
      let z = baseline.size > 0 ? (mean - median) / Math.max(baseline.sigma(), floor) : 0;
      const ready = baseline.size >= settings.min_history_points;
      const tolerance = Math.max(step / 2, MINUTE);

      let zRhythm: number | undefined;
      for (const [i, period] of periods.entries()) {
        // The expectation for now: the median of the same time over the last `seasonal_cycles`
        // days (or weeks) — a profile of the hour of day (or week), steadier than one day's value.
        sameTimes.length = 0;
        for (let k = 1; k <= cycles; k++) {
          const then = means.near(now - k * period, tolerance);
          if (then !== undefined) sameTimes.push(then);
        }
        if (sameTimes.length === 0) continue;
        const then = medianOf(sameTimes);
        const diffs = seasonal[i] as RobustWindow;
        const diff = mean - then;
        if (diffs.size >= settings.min_history_points) {
          const spread = Math.max(diffs.sigma(), floor);
          const zSeason = (diff - diffs.median()) / spread;
          // Only a rhythm that predicts clearly better than the flat baseline gets a say; then the
          // window must stand out against every such rhythm, in the same direction.
          if (spread < settings.rhythm_ratio * Math.max(baseline.sigma(), floor)) {
            zRhythm = zRhythm === undefined ? zSeason : Math.sign(zRhythm) === Math.sign(zSeason) ? Math.sign(zSeason) * Math.min(Math.abs(zRhythm), Math.abs(zSeason)) : 0;
          }
        }
        diffs.add(now, diff);
      }
      // With a rhythm, "unusual" means unusual for this time of day or week, not for the whole week.
      let basis: SpikeBasis = 'level';
      if (zRhythm !== undefined) {
        z = zRhythm;
        basis = 'rhythm';
      }

      // The step from the previous window mean (not across a long gap in the data), against the
      // usual steps of the baseline period.
      if (settings.step_ratio > 0 && previous !== undefined && now - previous.time <= GAP_STEPS * Math.max(step, MINUTE)) {
        const change = mean - previous.mean;
        if (ready && changes.size >= settings.min_history_points) {
          // The difference of two window means has √2 times the spread of one.
          const zStep = (change - changes.median()) / Math.max(changes.sigma(), Math.SQRT2 * floor);
          // In units of the level threshold, so the larger of the two decides and is what is graded.
          const scaled = zStep / settings.step_ratio;
          if (Math.abs(scaled) > Math.abs(z)) {
            z = scaled;
            basis = 'step';
          }
        }
        changes.add(now, change);
      }
      previous = { time: now, mean };

      baseline.add(now, mean);
      means.push(now, mean);

      const wanted = settings.direction === 'both' || (settings.direction === 'up' ? z > 0 : z < 0);
      const bigEnough = z < 0 || recentRaw / recent.length >= settings.min_count;
      const cooled = now - lastAlert >= settings.cooldown_minutes * MINUTE;
      const novel = settings.novelty_days === 0 || Math.abs(z) > settings.novelty_ratio * recentMax.maxBefore(now);
      if (ready) recentMax.push(now, Math.abs(z));
      const over = wanted && Math.abs(z) >= sigma;
      const alert = ready && over && bigEnough && cooled && novel;
      if (alert) lastAlert = now;
      const level = Number.isNaN(median) ? mean : median;
      const decision: SpikeDecision = { alert, score: ready ? Math.abs(z) : 0, z, baseline: counts ? unscale(level) : level, threshold: sigma, basis };
      if (alert) decision.grade = gradeOverThreshold(z, sigma);
      else if (over) decision.held = !ready ? 'warming_up' : !bigEnough ? 'min_count' : !cooled ? 'cooldown' : 'not_novel';
      return decision;
    },
  };
}

/**
 * Counts are compared on Anscombe's scale, 2√(x + 3/8), where Poisson noise has a spread of about 1
 * whatever the rate: on the raw scale a count's right tail is far heavier than a normal one
 * (at a mean of 5, 14 is "4σ" yet happens once in 1,400), and flat count series would alert.
 */
function anscombe(count: number): number {
  return 2 * Math.sqrt(count + 3 / 8);
}

/** Median of a few numbers (sorts them in place). */
function medianOf(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

function unscale(scaled: number): number {
  return Math.max(0, (scaled / 2) ** 2 - 3 / 8);
}

/**
 * The least spread a window mean can have: counts vary at least as a Poisson count does (1 on
 * Anscombe's scale, over the number of points averaged), and any series by a sliver of its
 * level, so a flat stretch does not make the first wobble infinitely surprising.
 */
function spreadFloor(median: number, points: number, counts: boolean): number {
  const level = Number.isNaN(median) ? 0 : Math.abs(median);
  const relative = Math.max(level * 1e-3, 1e-9);
  return counts ? Math.max(1 / Math.sqrt(points), relative) : relative;
}
