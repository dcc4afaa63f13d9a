import { z } from 'zod';

/** The old `sigma` presets of the negative-spike rule, as the detector's sensitivity presets they became. */
export const LEGACY_SIGMA_SENSITIVITY = { '1.5': 'high', '2': 'medium', '3': 'low' } as const;

/**
 * The negative-mention spike rule: the production spike rule (`talentpulse detect`) over counts
 * of negative mentions per `window_minutes`. `sensitivity` picks the detector's preset (high 3,
 * medium 4, low 5 robust σ); the old `sigma` key still works and means 1.5 → high, 2 → medium,
 * 3 → low. Both at once is an error, so a config never says two things.
 */
export const negativeSpikeSchema = z
  .object({
    window_minutes: z.number().int().positive().default(60),
    baseline_hours: z.number().int().positive().default(24 * 7),
    sensitivity: z.enum(['high', 'medium', 'low']).optional(),
    sigma: z.enum(['1.5', '2', '3']).optional(),
    min_count: z.number().int().nonnegative().default(3),
    cooldown_minutes: z.number().int().nonnegative().default(180),
  })
  .refine((rule) => rule.sensitivity === undefined || rule.sigma === undefined, {
    message: 'give sensitivity (high, medium, low) or the older sigma (1.5, 2, 3), not both',
    path: ['sigma'],
  })
  .transform(({ sigma, sensitivity, ...rest }) => ({
    ...rest,
    sensitivity: sensitivity ?? (sigma === undefined ? 'medium' : LEGACY_SIGMA_SENSITIVITY[sigma]),
  }))
  .prefault({});
