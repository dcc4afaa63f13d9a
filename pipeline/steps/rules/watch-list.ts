import { lastAlertWithKeyPrefix } from '../../../warehouse/alerts/raise-alert.ts';
import { mentionsWithTerm } from '../../../warehouse/derive/mentions-for-rules.ts';
import { type AlertCandidate, type AlertRule, mentionDrivers, topTerms, unique } from './rule-types.ts';

export const WATCH_LIST = 'watch_list';

/**
 * Watch-list terms (a minister's name, a school, 签证 …) in new mentions: one alert per term for
 * the mentions since its last alert, so a term that keeps appearing is reported once per batch.
 */
export const watchList: AlertRule = async ({ db, config, communityId, now, version }) => {
  const rule = config.alerts.watch_list;
  if (!rule.enabled || rule.terms.length === 0) return [];
  const found: AlertCandidate[] = [];
  for (const term of rule.terms) {
    const key = term.toLowerCase();
    const last = await lastAlertWithKeyPrefix(db, communityId, WATCH_LIST, `${key}|`);
    const lookback = now.getTime() - rule.lookback_minutes * 60_000;
    const from = new Date(Math.max(lookback, last?.getTime() ?? 0));
    const mentions = await mentionsWithTerm(db, { communityId, scorerVersion: version, from, to: now, term, negativeOnly: rule.negative_only });
    if (mentions.length === 0) continue;
    const negative = mentions.filter((m) => m.label === 'negative').length;
    const reach = mentions.reduce((sum, m) => sum + m.reach, 0);
    found.push({
      rule: WATCH_LIST,
      dedupe_key: `${key}|${Math.max(...mentions.map((m) => m.id))}`,
      base_grade: negative > 0 ? 'yellow' : 'blue',
      title: `关注词「${term}」/ Watch-list term "${term}": ${mentions.length} mention(s), ${negative} negative`,
      drivers: {
        matched: { term, mentions: mentions.length, negative },
        count: mentions.length,
        top_terms: topTerms(mentions.map((m) => m.terms)),
        sources: unique(mentions.map((m) => m.source_id)),
        clauses: unique(mentions.flatMap((m) => m.clause_ids)),
        reach,
        mentions: mentionDrivers(mentions.slice(0, 20)),
      },
      reach,
      clause_ids: unique(mentions.flatMap((m) => m.clause_ids)),
      source_ids: unique(mentions.map((m) => m.source_id)),
    });
  }
  return found;
};
