import type { SpikeDecision } from '../scoring/detect/spike-detector.ts';
import { DEFAULT_SPIKE_SETTINGS } from '../scoring/detect/spike-settings.ts';

/** What a spike rule built on the streaming detector tells in its reason: its preset, minimum and cool-down. */
export interface SpikeRuleTerms {
  sensitivity: string;
  /** The minimum count, in the rule's own words ("3", "5 complaints"). */
  minimum: string;
  /** The cool-down, in the rule's own words ("180-minute", "24-hour"). */
  cooldown: string;
}

const HOLDS: Record<NonNullable<SpikeDecision['held']>, (terms: SpikeRuleTerms) => string> = {
  warming_up: () => 'but there is too little history yet',
  min_count: (terms) => `but below the minimum of ${terms.minimum}`,
  cooldown: (terms) => `but within the ${terms.cooldown} cool-down of an earlier spike`,
  not_novel: () => `but no more unusual than another interval of the last ${DEFAULT_SPIKE_SETTINGS.novelty_days} days`,
};

const BASIS: Record<SpikeDecision['basis'], string> = {
  level: 'against the baseline',
  rhythm: 'against the same time of day and week',
  step: 'as a jump from the interval before',
};

/** Why a spike rule did or did not fire, from the detector's decision on the last interval. */
export function spikeReason(count: number, decision: SpikeDecision, terms: SpikeRuleTerms): string {
  const head = `${count} against ${decision.baseline.toFixed(1)} usual is ${decision.z.toFixed(2)}σ ${BASIS[decision.basis]}`;
  const bar = `the ${decision.threshold}σ of ${terms.sensitivity} sensitivity`;
  if (decision.alert) return `${head}, at or above ${bar}`;
  if (decision.held) return `${head}, at or above ${bar}, ${HOLDS[decision.held](terms)}`;
  return `${head}, below ${bar}`;
}
