import { lastAlertAt } from '../../../warehouse/alerts/raise-alert.ts';
import { ticketsBetween, ticketWindowCounts } from '../../../warehouse/derive/ticket-window-counts.ts';
import { replayCounts } from '../../scoring/detect/replay-counts.ts';
import { replayHistoryHours, type SpikeSettingsInput } from '../../scoring/detect/spike-settings.ts';
import type { Config } from '../../../config/schema.ts';
import { spikeReason } from '../spike-reason.ts';
import { type AlertRule, unique } from './rule-types.ts';

export const COMPLAINT_SURGE = 'complaint_surge';

const HOUR = 3_600_000;

type ComplaintSurgeRule = Config['alerts']['complaint_surge'];

/** The production spike rule's settings for hotline complaints per window: upward only, with the rule's minimum and cool-down. */
export function complaintSurgeSettings(rule: ComplaintSurgeRule): SpikeSettingsInput {
  return {
    sensitivity: rule.sensitivity,
    window_minutes: rule.window_hours * 60,
    baseline_hours: rule.baseline_days * 24,
    min_count: rule.min_count,
    cooldown_minutes: rule.cooldown_hours * 60,
    direction: 'up',
  };
}

/** How many windows a check counts: the baseline plus the detector's rhythm look-back, and the window ending now. */
export function complaintSurgeHistory(rule: ComplaintSurgeRule): number {
  return Math.ceil(replayHistoryHours(complaintSurgeSettings(rule)) / rule.window_hours) + 1;
}

/**
 * Hotline complaints (投诉, or the configured category) are the production spike rule
 * (`talentpulse detect`) as the negative-spike rule runs it: tickets per `window_hours` over the
 * baseline plus the detector's rhythm look-back, replayed through the streaming detector with the
 * rule's sensitivity, minimum count and cool-down, upward only; an alert when the window ending now
 * fires. The same time of day and week (quiet nights, Monday queues) is the detector's rhythm
 * comparison; sparse counts are judged on Anscombe's scale with a Poisson floor, and `min_count`
 * keeps a handful of complaints from ever being a surge.
 */
export const complaintSurge: AlertRule = async ({ db, config, communityId, now }) => {
  const rule = config.alerts.complaint_surge;
  if (!rule.enabled) return [];
  const w = rule.window_hours;
  const settings = complaintSurgeSettings(rule);
  const history = complaintSurgeHistory(rule);
  // Newest first from the warehouse; the detector wants them in time order.
  const newestFirst = await ticketWindowCounts(db, { communityId, category: rule.category, end: now, windowMinutes: w * 60, windows: history });
  const decision = replayCounts({ counts: [...newestFirst].reverse(), endMs: now.getTime(), intervalMs: w * HOUR }, settings);
  if (!decision.alert) return [];
  // The replay forgets alerts raised at checks whose windows it does not line up with; the alerts table does not.
  const last = await lastAlertAt(db, communityId, COMPLAINT_SURGE);
  if (last && now.getTime() - last.getTime() < rule.cooldown_hours * HOUR) return [];

  const count = newestFirst[0] ?? 0;
  const perDay = Math.round(24 / w);
  const perWeek = Math.round((7 * 24) / w);
  const from = new Date(now.getTime() - w * HOUR);
  const tickets = await ticketsBetween(db, { communityId, category: rule.category, from, to: now, limit: 20 });
  const bucket = Math.floor(now.getTime() / (w * HOUR));
  const reason = spikeReason(count, decision, { sensitivity: rule.sensitivity, minimum: `${rule.min_count} complaints`, cooldown: `${rule.cooldown_hours}-hour` });
  return [
    {
      rule: COMPLAINT_SURGE,
      dedupe_key: new Date(bucket * w * HOUR).toISOString(),
      base_grade: decision.grade ?? 'blue',
      title: `热线${rule.category}激增 / Hotline ${rule.category} surge: ${count} in ${w} h (usual ${decision.baseline.toFixed(1)})`,
      drivers: {
        window: { from: from.toISOString(), to: now.toISOString(), minutes: w * 60 },
        count,
        // The detector's usual count and the deviation in robust σ; it has no spread in counts to report.
        baseline: { expected: Math.round(decision.baseline * 100) / 100, sd: null, z: Math.round(decision.z * 100) / 100, windows: history },
        rule: { sensitivity: rule.sensitivity, threshold_sigma: decision.threshold },
        ...(w < 24 ? { same_time_yesterday: newestFirst[perDay] ?? 0 } : {}),
        same_time_last_week: newestFirst[perWeek] ?? 0,
        reason,
        sources: unique(tickets.map((t) => t.source_id)),
        clauses: unique(tickets.flatMap((t) => t.clause_ids)),
        // Ticket text is redacted at ingestion; the first words are enough to see the theme.
        tickets: tickets.map((t) => ({ id: t.id, external_id: t.external_id, opened_at: t.opened_at, channel: t.channel, text: t.text.slice(0, 120) })),
      },
      reach: 0,
      clause_ids: unique(tickets.flatMap((t) => t.clause_ids)),
      source_ids: unique(tickets.map((t) => t.source_id)),
    },
  ];
};
