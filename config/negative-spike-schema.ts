import { z } from 'zod';

/** The old `sigma` presets of the spike rules, as the detector's sensitivity presets they became. */
export const LEGACY_SIGMA_SENSITIVITY = { '1.5': 'high', '2': 'medium', '3': 'low' } as const;

type Sensitivity = 'high' | 'medium' | 'low';

/**
 * A count-based spike rule's choice of the detector's preset: `sensitivity` (high 3, medium 4, low
 * 5 robust σ; medium when unset) or the old `sigma` key, which means 1.5 → high, 2 → medium, 3 → low.
 * Spread into the rule's object, then `.refine(...sensitivityNotBoth).transform(resolveSensitivity)`.
 */
export const sensitivityFields = {
  sensitivity: z.enum(['high', 'medium', 'low']).optional(),
  sigma: z.enum(['1.5', '2', '3']).optional(),
};

interface SensitivityChoice {
  sensitivity?: Sensitivity | undefined;
  sigma?: keyof typeof LEGACY_SIGMA_SENSITIVITY | undefined;
}

/** Both at once is an error, so a config never says two things. */
export const sensitivityNotBoth: [(rule: SensitivityChoice) => boolean, { message: string; path: string[] }] = [
  (rule) => rule.sensitivity === undefined || rule.sigma === undefined,
  { message: 'give sensitivity (high, medium, low) or the older sigma (1.5, 2, 3), not both', path: ['sigma'] },
];

export function resolveSensitivity<Rule extends SensitivityChoice>({ sigma, sensitivity, ...rest }: Rule): Omit<Rule, 'sigma' | 'sensitivity'> & { sensitivity: Sensitivity } {
  return { ...rest, sensitivity: sensitivity ?? (sigma === undefined ? 'medium' : LEGACY_SIGMA_SENSITIVITY[sigma]) };
}

/** The negative-mention spike rule: the production spike rule (`talentpulse detect`) over counts of negative mentions per `window_minutes`. */
export const negativeSpikeSchema = z
  .object({
    window_minutes: z.number().int().positive().default(60),
    baseline_hours: z.number().int().positive().default(24 * 7),
    ...sensitivityFields,
    min_count: z.number().int().nonnegative().default(3),
    cooldown_minutes: z.number().int().nonnegative().default(180),
  })
  .refine(...sensitivityNotBoth)
  .transform(resolveSensitivity)
  .prefault({});
