import type { Config } from '../../config/schema.ts';
import type { AlertItem } from '../../warehouse/read-models/alerts-list.ts';
import type { AlertGrade, DeliveryChannel, DeliveryKind, DeliveryPayload } from '../../warehouse/schema.ts';
import type { NewDelivery } from '../../warehouse/notifications/deliveries.ts';
import type { NoticeLang, NoticeText } from './alert-message.ts';
import { afterQuietHours } from './quiet-hours.ts';

/** A person (by e-mail) or a group channel, as the queue sees them. */
export interface Recipient {
  name: string;
  channel: DeliveryChannel;
  lang: NoticeLang;
  timeZone: string;
  quietHours: string | undefined;
  minGrade: AlertGrade;
  digest: boolean;
}

export function recipientsOf(config: Pick<Config, 'notifications' | 'timezone'>): Recipient[] {
  const n = config.notifications;
  return [
    ...n.people.map((p) => ({ name: p.name, channel: 'email' as const, lang: p.lang, timeZone: p.timezone ?? config.timezone, quietHours: p.quiet_hours, minGrade: p.min_grade, digest: p.digest })),
    ...n.channels.map((c) => ({ name: c.id, channel: c.kind, lang: c.lang, timeZone: c.timezone ?? config.timezone, quietHours: c.quiet_hours, minGrade: c.min_grade, digest: c.digest })),
  ];
}

/** The people of the escalation chain, first to be told first. */
export function escalationChain(config: Pick<Config, 'notifications' | 'timezone'>): Recipient[] {
  const order = new Map(config.notifications.people.map((p) => [p.name, p.escalation_order]));
  return recipientsOf(config)
    .filter((r) => r.channel === 'email' && order.get(r.name) !== undefined)
    .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
}

export function dashboardUrl(config: Pick<Config, 'server'>): string {
  const { public_url: publicUrl, host, port } = config.server;
  return (publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
}

/** Where the alert is on the dashboard: the alerts page, scrolled to it. */
export function alertLink(config: Pick<Config, 'server'>, alert: Pick<AlertItem, 'community_id' | 'id'>): string {
  return `${dashboardUrl(config)}/alerts#alert-${encodeURIComponent(alert.community_id)}-${alert.id}`;
}

/** When a notice may first go out: at once for red (unless configured otherwise), else after the recipient's quiet hours. */
export function firstAttemptAt(config: Pick<Config, 'notifications'>, recipient: Recipient, grade: AlertGrade | null, now: Date): Date {
  if (grade === 'red' && config.notifications.red_overrides_quiet_hours) return now;
  return afterQuietHours(now, recipient.quietHours, recipient.timeZone);
}

export function delivery(
  recipient: Recipient,
  notice: NoticeText,
  fields: { community_id: string; alert_id: number | null; kind: DeliveryKind; dedupe_key: string; payload: DeliveryPayload; next_attempt_at: Date },
): NewDelivery {
  return { ...fields, channel: recipient.channel, recipient: recipient.name, subject: notice.subject, body: notice.body };
}

export function payloadAlert(config: Pick<Config, 'server'>, alert: AlertItem): DeliveryPayload['alerts'][number] {
  return { community_id: alert.community_id, id: alert.id, grade: alert.grade, title: alert.title, url: alertLink(config, alert) };
}
