import { z } from 'zod';

/** How far from normal a window must be before the production spike rule alerts. */
export const SENSITIVITY_SIGMA = { high: 3, medium: 4, low: 5 } as const;
export type Sensitivity = keyof typeof SENSITIVITY_SIGMA;

/**
 * Settings of the production spike rule. Every default here is what `talentpulse detect` runs
 * and what `npm run bench:alerts` scores; they were chosen on the NAB real series (README).
 */
export const spikeSettingsSchema = z
  .object({
    /** low / medium / high: 5, 4 or 3 robust σ; `sigma` overrides it. */
    sensitivity: z.enum(['low', 'medium', 'high']).default('medium'),
    sigma: z.number().positive().optional(),
    /** The short window whose mean is compared; the latest point alone when shorter than the sampling interval. */
    window_minutes: z.number().nonnegative().default(0),
    /** The long baseline of past short-window means (median and interquartile spread). */
    baseline_hours: z.number().positive().default(24 * 7),
    /** Same time yesterday and last week: compared with when they predict the series better than the baseline. */
    seasonal_hours: z.array(z.number().positive()).default([24, 24 * 7]),
    /**
     * How many past days (and weeks) of the same time make the expectation: their median, so a
     * profile of the hour of day and of the week rather than one noisy day. 1 is yesterday alone.
     */
    seasonal_cycles: z.number().int().positive().default(2),
    /** "Better": the spread of the differences from that time is below this share of the baseline's spread. */
    rhythm_ratio: z.number().positive().default(0.7),
    /**
     * The change from the previous window mean is also compared, against the usual changes of the
     * baseline period, at this many times the σ (0: off). Changes are noisier than levels, hence > 1.
     */
    step_ratio: z.number().nonnegative().default(1.25),
    /** No alert before the baseline holds this many points (series that start with little history). */
    min_history_points: z.number().int().nonnegative().default(24),
    /** An alert must also be the most unusual window of this many days (0: off), so a series that is always jumpy sets its own bar. */
    novelty_days: z.number().nonnegative().default(1.75),
    /** …by this factor: 1 means it must beat every window of those days. */
    novelty_ratio: z.number().positive().default(1),
    /** Upward alerts need at least this much in the window (a count of mentions, say); 0 turns it off. */
    min_count: z.number().nonnegative().default(0),
    /** After an alert, none for this long: one anomaly, one alert. */
    cooldown_minutes: z.number().nonnegative().default(18 * 60),
    direction: z.enum(['up', 'down', 'both']).default('both'),
  })
  .strict();

export type SpikeSettingsInput = z.input<typeof spikeSettingsSchema>;
export type SpikeSettings = z.output<typeof spikeSettingsSchema>;

export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = Object.freeze(spikeSettingsSchema.parse({}));

/** The σ the settings alert at: the explicit `sigma`, else the sensitivity preset's. */
export function alertSigma(settings: SpikeSettings): number {
  return settings.sigma ?? SENSITIVITY_SIGMA[settings.sensitivity];
}

/**
 * How much history a replay must count for its last interval to be decided as the live detector
 * would decide it: the baseline plus the longest rhythm look-back (`seasonal_cycles` of the longest
 * `seasonal_hours`: the same time over the last two weeks, by default). In hours.
 */
export function replayHistoryHours(input: SpikeSettingsInput | SpikeSettings = {}): number {
  const settings = spikeSettingsSchema.parse(input);
  return settings.baseline_hours + Math.max(0, ...settings.seasonal_hours) * settings.seasonal_cycles;
}
