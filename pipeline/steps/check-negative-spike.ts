import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { lastAlertAt, raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import { negativeMentionCounts, negativeMentionsBetween } from '../../warehouse/derive/negative-windows.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { detectSpike, gradeFromZ } from '../scoring/spike.ts';

export const NEGATIVE_SPIKE = 'negative_spike';

export interface SpikeCheck {
  community_id: string;
  count: number;
  expected: number;
  z: number;
  spike: boolean;
  alert_id: number | null;
  reason: string;
}

const DAY_MINUTES = 24 * 60;

/** Top terms across the driving mentions, most frequent first. */
function topTerms(termLists: string[][], limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([term]) => term);
}

/**
 * The negative-mention spike rule: the last window against a long baseline of equal windows,
 * re-checked against the same window yesterday and last week, with a minimum count and a cool-down.
 * Reads the scores of `version`, the current scorer's by default.
 */
export async function checkNegativeSpike(db: Db, config: Pick<Config, 'alerts'>, communityId: string, now = new Date(), version = scorerVersion()): Promise<SpikeCheck> {
  const rule = config.alerts.negative_spike;
  const w = rule.window_minutes;
  const baselineWindows = Math.max(1, Math.floor((rule.baseline_hours * 60) / w));
  const weekBack = Math.round((7 * DAY_MINUTES) / w);
  const counts = await negativeMentionCounts(db, {
    communityId,
    scorerVersion: version,
    end: now,
    windowMinutes: w,
    windows: Math.max(baselineWindows, weekBack) + 1,
  });
  const dayBack = Math.round(DAY_MINUTES / w);
  const result = detectSpike(
    {
      window: counts[0] ?? 0,
      baseline: counts.slice(1, baselineWindows + 1),
      sameTimeYesterday: counts[dayBack] ?? 0,
      sameTimeLastWeek: counts[weekBack] ?? 0,
    },
    { sigma: Number(rule.sigma) as 1.5 | 2 | 3, minCount: rule.min_count },
  );
  const check: SpikeCheck = { community_id: communityId, count: counts[0] ?? 0, expected: result.expected, z: result.z, spike: result.spike, alert_id: null, reason: result.reason };
  if (!result.spike) return check;

  const last = await lastAlertAt(db, communityId, NEGATIVE_SPIKE);
  if (last && now.getTime() - last.getTime() < rule.cooldown_minutes * 60_000) {
    return { ...check, reason: `${result.reason}; within the ${rule.cooldown_minutes}-minute cool-down of the last alert` };
  }
  const from = new Date(now.getTime() - w * 60_000);
  const mentions = await negativeMentionsBetween(db, { communityId, scorerVersion: version, from, to: now, limit: 20 });
  const windowStart = new Date(Math.floor(from.getTime() / (w * 60_000)) * w * 60_000);
  check.alert_id = await raiseAlert(db, {
    community_id: communityId,
    rule: NEGATIVE_SPIKE,
    dedupe_key: windowStart.toISOString(),
    grade: gradeFromZ(result.z),
    title: `负面舆情激增 / Negative mentions spike: ${check.count} in ${w} min (expected ${result.expected.toFixed(1)})`,
    opened_at: now,
    drivers: {
      window: { from: from.toISOString(), to: now.toISOString(), minutes: w },
      count: check.count,
      baseline: { expected: result.expected, sd: result.sd, z: result.z, windows: baselineWindows },
      same_time_yesterday: counts[dayBack] ?? 0,
      same_time_last_week: counts[weekBack] ?? 0,
      top_terms: topTerms(mentions.map((m) => m.terms)),
      sources: [...new Set(mentions.map((m) => m.source_id))],
      clauses: [...new Set(mentions.flatMap((m) => m.clause_ids))].sort(),
      reach: mentions.reduce((sum, m) => sum + m.reach, 0),
      mentions: mentions.map((m) => ({ id: m.id, title: m.title, url: m.url, source: m.source_id, score: m.score })),
    },
  });
  return check;
}
