import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { claimUnnotifiedAlerts } from '../../warehouse/notifications/alert-outbox.ts';
import { enqueueDeliveries, type NewDelivery } from '../../warehouse/notifications/deliveries.ts';
import type { AlertItem } from '../../warehouse/read-models/alerts-list.ts';
import { alertNotice } from './alert-message.ts';
import { atLeast } from './grades.ts';
import { alertLink, delivery, escalationChain, firstAttemptAt, payloadAlert, type Recipient, recipientsOf } from './recipients.ts';

type NotifyConfig = Pick<Config, 'notifications' | 'timezone' | 'server'>;

/** Who hears of a new alert at once: everyone whose minimum grade it reaches, and the first of the escalation chain if it may escalate. */
export function firstRecipients(config: NotifyConfig, alert: AlertItem): Recipient[] {
  const chosen = recipientsOf(config).filter((r) => atLeast(alert.grade, r.minGrade));
  const first = escalationChain(config)[0];
  if (first && atLeast(alert.grade, config.notifications.escalation.min_grade) && !chosen.some((r) => r.name === first.name)) chosen.push(first);
  return chosen;
}

export function alertDeliveries(config: NotifyConfig, alert: AlertItem, now: Date): NewDelivery[] {
  const link = alertLink(config, alert);
  return firstRecipients(config, alert).map((recipient) =>
    delivery(recipient, alertNotice(alert, { lang: recipient.lang, link, timeZone: recipient.timeZone }), {
      community_id: alert.community_id,
      alert_id: alert.id,
      kind: 'alert',
      dedupe_key: `alert:${alert.community_id}/${alert.id}:${recipient.channel}:${recipient.name}`,
      payload: { event: 'alert', alerts: [payloadAlert(config, alert)] },
      next_attempt_at: firstAttemptAt(config, recipient, alert.grade, now),
    }),
  );
}

/**
 * Queues the notices of alerts raised since the last run. The alert row is the outbox: it is
 * marked and its deliveries are queued in one transaction, so each alert is announced once even
 * with two instances, and an alert raised just before a crash is announced after it.
 */
export async function queueNewAlerts(db: Db, config: NotifyConfig, now: Date): Promise<{ alerts: number; queued: number }> {
  return db.transaction().execute(async (trx) => {
    const alerts = await claimUnnotifiedAlerts(trx, now);
    const open = alerts.filter((a) => a.status !== 'resolved' && a.status !== 'dismissed');
    const rows = config.notifications.enabled ? open.flatMap((alert) => alertDeliveries(config, alert, now)) : [];
    return { alerts: alerts.length, queued: await enqueueDeliveries(trx, rows) };
  });
}
