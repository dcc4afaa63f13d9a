import { highReachNegatives } from '../../../warehouse/derive/mentions-for-rules.ts';
import { type AlertRule, mentionDrivers } from './rule-types.ts';

export const HIGH_REACH_NEGATIVE = 'high_reach_negative';

/** A single negative mention from a source with a large audience: one alert per mention. */
export const highReachNegative: AlertRule = async ({ db, config, communityId, now, version }) => {
  const rule = config.alerts.high_reach_negative;
  if (!rule.enabled) return [];
  const from = new Date(now.getTime() - rule.lookback_minutes * 60_000);
  const mentions = await highReachNegatives(db, { communityId, scorerVersion: version, from, to: now, minReach: rule.min_reach });
  return mentions.map((m) => ({
    rule: HIGH_REACH_NEGATIVE,
    dedupe_key: `mention:${m.id}`,
    base_grade: m.reach >= 4 * rule.min_reach ? 'orange' : 'yellow',
    title: `高影响负面舆情 / High-reach negative mention: ${m.title}`.slice(0, 300),
    drivers: {
      reach: m.reach,
      threshold: rule.min_reach,
      top_terms: m.terms.slice(0, 8),
      sources: [m.source_id],
      clauses: [...m.clause_ids].sort(),
      mentions: mentionDrivers([m]),
    },
    reach: m.reach,
    clause_ids: m.clause_ids,
    source_ids: [m.source_id],
  }));
};
