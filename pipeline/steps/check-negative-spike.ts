import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { lastAlertAt, raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import { negativeMentionCounts, negativeMentionsBetween } from '../../warehouse/derive/negative-windows.ts';
import { replayCounts } from '../scoring/detect/replay-counts.ts';
import { replayHistoryHours, type SpikeSettingsInput } from '../scoring/detect/spike-settings.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { negativeSpikeDrivers } from './negative-spike-drivers.ts';
import { spikeReason } from './spike-reason.ts';

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

/**
 * The negative-mention spike rule is the production spike rule (`talentpulse detect`): negative
 * mentions per `window_minutes` over the baseline plus the rhythm look-back (two weeks), replayed through the streaming
 * detector with the rule's sensitivity, minimum count and cool-down, and an alert when the interval
 * ending now fires. Only mentions published up to `now` count. Reads the scores of `version`, the
 * current scorer's by default.
 */
export async function checkNegativeSpike(db: Db, config: Pick<Config, 'alerts'>, communityId: string, now = new Date(), version = scorerVersion()): Promise<SpikeCheck> {
  const rule = config.alerts.negative_spike;
  const w = rule.window_minutes;
  const settings = negativeSpikeSettings(rule);
  const history = Math.ceil((replayHistoryHours(settings) * 60) / w) + 1;
  // Newest first from the warehouse; the detector wants them in time order.
  const newestFirst = await negativeMentionCounts(db, { communityId, scorerVersion: version, end: now, windowMinutes: w, windows: history });
  const decision = replayCounts({ counts: [...newestFirst].reverse(), endMs: now.getTime(), intervalMs: w * MINUTE }, settings);
  const count = newestFirst[0] ?? 0;
  const reason = spikeReason(count, decision, { sensitivity: rule.sensitivity, minimum: String(rule.min_count), cooldown: `${rule.cooldown_minutes}-minute` });
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
