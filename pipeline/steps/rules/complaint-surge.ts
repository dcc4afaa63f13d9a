import { ticketsBetween, ticketWindowCounts } from '../../../warehouse/derive/ticket-window-counts.ts';
import { detectSpike, gradeFromZ } from '../../scoring/spike.ts';
import { type AlertRule, unique } from './rule-types.ts';

export const COMPLAINT_SURGE = 'complaint_surge';

const HOUR = 3_600_000;

/**
 * Hotline complaints (投诉, or the configured category) in the last window against the baseline of
 * equal windows, re-checked against the same window last week (and yesterday, for windows under a day).
 */
export const complaintSurge: AlertRule = async ({ db, config, communityId, now }) => {
  const rule = config.alerts.complaint_surge;
  if (!rule.enabled) return [];
  const w = rule.window_hours;
  const baselineWindows = Math.max(1, Math.floor((rule.baseline_days * 24) / w));
  const weekBack = Math.round((7 * 24) / w);
  const dayBack = Math.round(24 / w);
  const counts = await ticketWindowCounts(db, {
    communityId,
    category: rule.category,
    end: now,
    windowMinutes: w * 60,
    windows: Math.max(baselineWindows, weekBack) + 1,
  });
  const result = detectSpike(
    {
      window: counts[0] ?? 0,
      baseline: counts.slice(1, baselineWindows + 1),
      sameTimeLastWeek: counts[weekBack] ?? 0,
      ...(w < 24 ? { sameTimeYesterday: counts[dayBack] ?? 0 } : {}),
    },
    { sigma: Number(rule.sigma) as 1.5 | 2 | 3, minCount: rule.min_count },
  );
  if (!result.spike) return [];
  const from = new Date(now.getTime() - w * HOUR);
  const tickets = await ticketsBetween(db, { communityId, category: rule.category, from, to: now, limit: 20 });
  const bucket = Math.floor(now.getTime() / (w * HOUR));
  return [
    {
      rule: COMPLAINT_SURGE,
      dedupe_key: new Date(bucket * w * HOUR).toISOString(),
      base_grade: gradeFromZ(result.z),
      title: `热线${rule.category}激增 / Hotline ${rule.category} surge: ${counts[0]} in ${w} h (expected ${result.expected.toFixed(1)})`,
      drivers: {
        window: { from: from.toISOString(), to: now.toISOString(), minutes: w * 60 },
        count: counts[0] ?? 0,
        baseline: { expected: result.expected, sd: result.sd, z: result.z, windows: baselineWindows },
        same_time_last_week: counts[weekBack] ?? 0,
        reason: result.reason,
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
