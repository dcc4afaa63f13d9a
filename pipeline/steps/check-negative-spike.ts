import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { lastAlertAt, raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import { negativeMentionCounts, negativeMentionsBetween } from '../../warehouse/derive/negative-windows.ts';
import { replayCounts } from '../scoring/detect/replay-counts.ts';
import type { SpikeDecision } from '../scoring/detect/spike-detector.ts';
import type { SpikeSettingsInput } from '../scoring/detect/spike-settings.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { negativeSpikeDrivers } from './negative-spike-drivers.ts';

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

type NegativeSpikeRule = Config['alerts']['negative_spike'];

const MINUTE = 60_000;
// The longest look-back of the detector's rhythm comparisons: the same time last week.
const WEEK_MINUTES = 7 * 24 * 60;

/** The production spike rule's settings for counts of negative mentions: upward only, with the rule's minimum and cool-down. */
export function negativeSpikeSettings(rule: NegativeSpikeRule): SpikeSettingsInput {
  return {
    sensitivity: rule.sensitivity,
    window_minutes: rule.window_minutes,
    baseline_hours: rule.baseline_hours,
    min_count: rule.min_count,
    cooldown_minutes: rule.cooldown_minutes,
    direction: 'up',
  };
}

const HOLDS: Record<NonNullable<SpikeDecision['held']>, (rule: NegativeSpikeRule) => string> = {
  warming_up: () => 'but there is too little history yet',
  min_count: (rule) => `but below the minimum of ${rule.min_count}`,
  cooldown: (rule) => `but within the ${rule.cooldown_minutes}-minute cool-down of an earlier spike`,
  not_novel: () => 'but no more unusual than another interval of the last 1.5 days',
};

function reasonOf(count: number, decision: SpikeDecision, rule: NegativeSpikeRule): string {
  const head = `${count} against ${decision.baseline.toFixed(1)} usual is ${decision.z.toFixed(2)}σ`;
  const bar = `the ${decision.threshold}σ of ${rule.sensitivity} sensitivity`;
  if (decision.alert) return `${head}, at or above ${bar}`;
  if (decision.held) return `${head}, at or above ${bar}, ${HOLDS[decision.held](rule)}`;
  return `${head}, below ${bar}`;
}

/**
 * The negative-mention spike rule is the production spike rule (`talentpulse detect`): negative
 * mentions per `window_minutes` over the baseline plus a week, replayed through the streaming
 * detector with the rule's sensitivity, minimum count and cool-down, and an alert when the interval
 * ending now fires. Only mentions published up to `now` count. Reads the scores of `version`, the
 * current scorer's by default.
 */
export async function checkNegativeSpike(db: Db, config: Pick<Config, 'alerts'>, communityId: string, now = new Date(), version = scorerVersion()): Promise<SpikeCheck> {
  const rule = config.alerts.negative_spike;
  const w = rule.window_minutes;
  const history = Math.ceil((rule.baseline_hours * 60 + WEEK_MINUTES) / w) + 1;
  // Newest first from the warehouse; the detector wants them in time order.
  const newestFirst = await negativeMentionCounts(db, { communityId, scorerVersion: version, end: now, windowMinutes: w, windows: history });
  const decision = replayCounts({ counts: [...newestFirst].reverse(), endMs: now.getTime(), intervalMs: w * MINUTE }, negativeSpikeSettings(rule));
  const count = newestFirst[0] ?? 0;
  const reason = reasonOf(count, decision, rule);
  const check: SpikeCheck = { community_id: communityId, count, expected: decision.baseline, z: decision.z, spike: decision.alert, alert_id: null, reason };
  if (!decision.alert) return check;

  // The replay forgets alerts raised on data since corrected or re-scored; the alerts table does not.
  const last = await lastAlertAt(db, communityId, NEGATIVE_SPIKE);
  if (last && now.getTime() - last.getTime() < rule.cooldown_minutes * MINUTE) {
    return { ...check, reason: `${reason}; within the ${rule.cooldown_minutes}-minute cool-down of the last alert` };
  }
  const from = new Date(now.getTime() - w * MINUTE);
  const mentions = await negativeMentionsBetween(db, { communityId, scorerVersion: version, from, to: now, limit: 20 });
  const windowStart = new Date(Math.floor(from.getTime() / (w * MINUTE)) * w * MINUTE);
  const perDay = Math.round((24 * 60) / w);
  const counts = { now: count, yesterday: newestFirst[perDay] ?? 0, lastWeek: newestFirst[7 * perDay] ?? 0, history };
  check.alert_id = await raiseAlert(db, {
    community_id: communityId,
    rule: NEGATIVE_SPIKE,
    dedupe_key: windowStart.toISOString(),
    grade: decision.grade ?? 'blue',
    title: `负面舆情激增 / Negative mentions spike: ${count} in ${w} min (usual ${decision.baseline.toFixed(1)})`,
    opened_at: now,
    drivers: negativeSpikeDrivers({ from, to: now, minutes: w }, counts, decision, rule.sensitivity, mentions),
  });
  return check;
}
