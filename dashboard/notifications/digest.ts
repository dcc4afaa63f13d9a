import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { alertsOpenedBetween } from '../../warehouse/notifications/alert-outbox.ts';
import { enqueueDeliveries, type NewDelivery } from '../../warehouse/notifications/deliveries.ts';
import { digestNotice } from './alert-message.ts';
import { atLeast } from './grades.ts';
import { alertLink, delivery, firstAttemptAt, payloadAlert, recipientsOf } from './recipients.ts';

const DAY_MS = 24 * 60 * 60_000;

function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * One message per recipient with a digest listing the alerts of the last 24 hours below their
 * minimum grade (those they were not told of at once); nothing for someone with none. Keyed by
 * recipient and local day, so a second run that day queues nothing.
 */
export async function queueDigests(db: Db, config: Pick<Config, 'notifications' | 'timezone' | 'server'>, now: Date): Promise<{ queued: number }> {
  if (!config.notifications.enabled) return { queued: 0 };
  const alerts = await alertsOpenedBetween(db, new Date(now.getTime() - DAY_MS), now);
  const rows: NewDelivery[] = [];
  for (const recipient of recipientsOf(config).filter((r) => r.digest)) {
    const lower = alerts.filter((a) => !atLeast(a.grade, recipient.minGrade));
    const first = lower[0];
    if (!first) continue;
    const day = localDay(now, recipient.timeZone);
    const notice = digestNotice(
      lower.map((alert) => ({ alert, link: alertLink(config, alert) })),
      { lang: recipient.lang, timeZone: recipient.timeZone, day },
    );
    rows.push(
      delivery(recipient, notice, {
        // A digest may span communities; it is filed under its first alert's.
        community_id: first.community_id,
        alert_id: null,
        kind: 'digest',
        dedupe_key: `digest:${day}:${recipient.channel}:${recipient.name}`,
        payload: { event: 'digest', alerts: lower.map((a) => payloadAlert(config, a)) },
        next_attempt_at: firstAttemptAt(config, recipient, null, now),
      }),
    );
  }
  return { queued: await enqueueDeliveries(db, rows) };
}
