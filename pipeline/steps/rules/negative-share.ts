import { negativeShareCounts } from '../../../warehouse/derive/mentions-for-rules.ts';
import { negativeMentionsBetween } from '../../../warehouse/derive/negative-windows.ts';
import { shareJump } from '../../scoring/share-jump.ts';
import type { AlertGrade } from '../../scoring/spike.ts';
import { type AlertRule, mentionDrivers, topTerms, unique } from './rule-types.ts';

export const NEGATIVE_SHARE = 'negative_share';

const HOUR = 3_600_000;

function gradeOfJump(points: number): AlertGrade {
  if (points >= 40) return 'red';
  if (points >= 25) return 'orange';
  return 'yellow';
}

/**
 * The share of negative mentions in the last window against the baseline before it: volume may be
 * flat while the tone turns. Fires when the jump is large enough and unlikely to be noise.
 */
export const negativeShare: AlertRule = async ({ db, config, communityId, now, version }) => {
  const rule = config.alerts.negative_share;
  if (!rule.enabled) return [];
  const windowStart = new Date(now.getTime() - rule.window_hours * HOUR);
  const baselineStart = new Date(windowStart.getTime() - rule.baseline_days * 24 * HOUR);
  const scope = { communityId, scorerVersion: version };
  const window = await negativeShareCounts(db, { ...scope, from: windowStart, to: now });
  if (window.scored < rule.min_count) return [];
  const baseline = await negativeShareCounts(db, { ...scope, from: baselineStart, to: windowStart });
  const jump = shareJump({ hits: window.negative, n: window.scored }, { hits: baseline.negative, n: baseline.scored });
  if (!jump || jump.jump_points < rule.min_jump_points || jump.p >= rule.alpha) return [];

  const mentions = await negativeMentionsBetween(db, { ...scope, from: windowStart, to: now, limit: 20 });
  const reach = mentions.reduce((sum, m) => sum + m.reach, 0);
  const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
  // At most one alert per window length: the bucket the window ends in.
  const bucket = Math.floor(now.getTime() / (rule.window_hours * HOUR));
  return [
    {
      rule: NEGATIVE_SHARE,
      dedupe_key: new Date(bucket * rule.window_hours * HOUR).toISOString(),
      base_grade: gradeOfJump(jump.jump_points),
      title: `负面占比上升 / Negative share up: ${pct(jump.window)} vs ${pct(jump.baseline)} (${rule.window_hours} h)`,
      drivers: {
        window: { from: windowStart.toISOString(), to: now.toISOString(), minutes: rule.window_hours * 60 },
        count: window.negative,
        share: { window: jump.window, baseline: jump.baseline, jump_points: jump.jump_points, z: jump.z, p: jump.p },
        baseline: { from: baselineStart.toISOString(), negative: baseline.negative, scored: baseline.scored },
        top_terms: topTerms(mentions.map((m) => m.terms)),
        sources: unique(mentions.map((m) => m.source_id)),
        clauses: unique(mentions.flatMap((m) => m.clause_ids)),
        reach,
        mentions: mentionDrivers(mentions),
      },
      reach,
      clause_ids: unique(mentions.flatMap((m) => m.clause_ids)),
      source_ids: unique(mentions.map((m) => m.source_id)),
    },
  ];
};
