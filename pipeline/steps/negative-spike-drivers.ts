import type { NegativeMentionDriver } from '../../warehouse/derive/negative-windows.ts';
import type { SpikeDecision } from '../scoring/detect/spike-detector.ts';

export interface SpikeWindow {
  from: Date;
  to: Date;
  minutes: number;
}

/** Top terms across the driving mentions, most frequent first. */
function topTerms(termLists: string[][], limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([term]) => term);
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * What a negative-spike alert shows (dashboard/web/src/drivers/spike-drivers.ts reads it): the
 * window and its count, the baseline the detector compared with (its median count and the deviation
 * in robust σ), the sensitivity and its threshold, the same interval yesterday and last week, and the
 * mentions behind it. The detector has no spread in counts to report, so `sd` is null.
 */
export function negativeSpikeDrivers(
  window: SpikeWindow,
  counts: { now: number; yesterday: number; lastWeek: number; history: number },
  decision: SpikeDecision,
  sensitivity: string,
  mentions: NegativeMentionDriver[],
): Record<string, unknown> {
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), minutes: window.minutes },
    count: counts.now,
    baseline: { expected: round(decision.baseline), sd: null, z: round(decision.z), windows: counts.history },
    // Not part of the spike summary: the dashboard lists it with the other drivers.
    rule: { sensitivity, threshold_sigma: decision.threshold },
    same_time_yesterday: counts.yesterday,
    same_time_last_week: counts.lastWeek,
    top_terms: topTerms(mentions.map((m) => m.terms)),
    sources: [...new Set(mentions.map((m) => m.source_id))],
    clauses: [...new Set(mentions.flatMap((m) => m.clause_ids))].sort(),
    reach: mentions.reduce((sum, m) => sum + m.reach, 0),
    mentions: mentions.map((m) => ({ id: m.id, title: m.title, url: m.url, source: m.source_id, score: m.score })),
  };
}
