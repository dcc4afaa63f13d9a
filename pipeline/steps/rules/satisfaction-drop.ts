import { addDays, localDay } from '../../../config/zone-clock.ts';
import { surveyIndexMoments, type ClauseMoments } from '../../../warehouse/derive/survey-index-moments.ts';
import { welchTTest } from '../../scoring/welch.ts';
import type { AlertRule, AlertCandidate } from './rule-types.ts';

export const SATISFACTION_DROP = 'satisfaction_drop';

const summary = (m: ClauseMoments) => ({ n: m.n, mean: m.sum / m.n, sd: Math.sqrt(Math.max(0, (m.sum_sq - (m.sum * m.sum) / m.n) / (m.n - 1))) });

/**
 * A survey index (per clause, and '*' for all) that fell significantly between the last window and
 * the one before it (Welch's t-test): at most one alert per clause a month.
 */
export const satisfactionDrop: AlertRule = async ({ db, config, communityId, now }) => {
  const rule = config.alerts.satisfaction_drop;
  if (!rule.enabled) return [];
  const today = localDay(now.getTime(), config.timezone);
  const days = rule.window_days;
  const current = await surveyIndexMoments(db, { communityId, from: addDays(today, 1 - days), to: today });
  const baseline = new Map((await surveyIndexMoments(db, { communityId, from: addDays(today, 1 - 2 * days), to: addDays(today, -days) })).map((m) => [m.clause_id, m]));
  const found: AlertCandidate[] = [];
  for (const cell of current) {
    const before = baseline.get(cell.clause_id);
    if (!before || cell.n < rule.min_n || before.n < rule.min_n) continue;
    const test = welchTTest(summary(before), summary(cell));
    if (!test || test.difference > -rule.min_drop_points || test.p >= rule.alpha) continue;
    const drop = -test.difference;
    const clause = cell.clause_id === '*' ? 'all clauses' : cell.clause_id;
    found.push({
      rule: SATISFACTION_DROP,
      dedupe_key: `${cell.clause_id}|${today.slice(0, 7)}`,
      base_grade: drop >= 15 ? 'orange' : 'yellow',
      title: `满意度显著下降 / Satisfaction down ${drop.toFixed(1)} points (${clause}, ${days} days)`,
      drivers: {
        clauses: cell.clause_id === '*' ? [] : [cell.clause_id],
        current: { from: addDays(today, 1 - days), to: today, n: cell.n, index: cell.sum / cell.n },
        baseline: { from: addDays(today, 1 - 2 * days), to: addDays(today, -days), n: before.n, index: before.sum / before.n },
        test: { method: "Welch's t-test", difference: test.difference, t: test.t, df: test.df, p: test.p },
      },
      reach: 0,
      clause_ids: cell.clause_id === '*' ? [] : [cell.clause_id],
      source_ids: [],
    });
  }
  return found;
};
