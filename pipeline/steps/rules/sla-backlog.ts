import { ticketDueAt, ticketSlaOf } from '../../../config/ticket-sla.ts';
import { openTickets } from '../../../warehouse/derive/open-tickets.ts';
import type { AlertRule } from './rule-types.ts';

export const SLA_BACKLOG = 'sla_backlog';

/**
 * Open hotline tickets past their due time — the one instant the KPIs judge 按时办结 by (the export's,
 * unless missing or before the opening, else the SLA on its clock) — once there are enough of them:
 * one alert a day per community.
 */
export const slaBacklog: AlertRule = async ({ db, config, communityId, now }) => {
  const rule = config.alerts.sla_backlog;
  if (!rule.enabled) return [];
  const sla = ticketSlaOf(config);
  const overdue = (await openTickets(db, communityId)).filter((ticket) => ticketDueAt(ticket, sla) < now);
  if (overdue.length < rule.min_overdue) return [];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone }).format(now);
  const oldestDays = Math.floor((now.getTime() - (overdue[0]?.opened_at.getTime() ?? now.getTime())) / 86_400_000);
  return [
    {
      rule: SLA_BACKLOG,
      dedupe_key: day,
      base_grade: overdue.length >= 3 * rule.min_overdue ? 'orange' : 'yellow',
      title: `热线超期积压 / Hotline backlog past SLA: ${overdue.length} open tickets (oldest ${oldestDays} days)`,
      drivers: {
        count: overdue.length,
        sla_hours: sla.hours,
        sla_clock: sla.clock,
        oldest_days: oldestDays,
        tickets: overdue.slice(0, 20).map((t) => ({ id: t.id, external_id: t.external_id, opened_at: t.opened_at, category: t.category, channel: t.channel })),
      },
      reach: 0,
      clause_ids: ['8.1.3'],
      source_ids: [],
    },
  ];
};
