import type { Config } from '../../config/schema.ts';
import { audit } from '../../warehouse/auth/audit.ts';
import type { Db } from '../../warehouse/database.ts';
import { escalateAlert, unacknowledgedSince } from '../../warehouse/notifications/alert-outbox.ts';
import { enqueueDeliveries } from '../../warehouse/notifications/deliveries.ts';
import { alertNotice } from './alert-message.ts';
import { gradesFrom } from './grades.ts';
import { alertLink, delivery, escalationChain, firstAttemptAt, payloadAlert } from './recipients.ts';

export const SYSTEM_ACTOR = 'talentpulse';

/**
 * Escalates every alert nobody has acknowledged within `escalation.after_minutes` of its last
 * notice to the next person of the chain (the first heard at once; level n goes to the n+1th),
 * until the chain ends. Each step is a conditional update of the alert's level, its delivery and
 * its audit entry in one transaction, so running twice, or on two instances, escalates once.
 */
export async function escalateUnacknowledged(db: Db, config: Pick<Config, 'notifications' | 'timezone' | 'server'>, now: Date): Promise<{ escalated: number }> {
  const { escalation } = config.notifications;
  const chain = escalationChain(config);
  if (!config.notifications.enabled) return { escalated: 0 };
  const due = await unacknowledgedSince(db, {
    before: new Date(now.getTime() - escalation.after_minutes * 60_000),
    grades: gradesFrom(escalation.min_grade),
    belowLevel: chain.length - 1,
  });
  let escalated = 0;
  for (const alert of due) {
    const level = alert.escalation_level + 1;
    const recipient = chain[level];
    if (!recipient) continue;
    const done = await db.transaction().execute(async (trx) => {
      if (!(await escalateAlert(trx, { communityId: alert.community_id, id: alert.id }, alert.escalation_level, now))) return false;
      const notice = alertNotice(alert, { lang: recipient.lang, link: alertLink(config, alert), timeZone: recipient.timeZone, escalationLevel: level });
      await enqueueDeliveries(trx, [
        delivery(recipient, notice, {
          community_id: alert.community_id,
          alert_id: alert.id,
          kind: 'escalation',
          dedupe_key: `escalation:${alert.community_id}/${alert.id}:${level}`,
          payload: { event: 'escalation', alerts: [payloadAlert(config, alert)] },
          next_attempt_at: firstAttemptAt(config, recipient, alert.grade, now),
        }),
      ]);
      await audit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'alert.escalate',
        target: `alert:${alert.community_id}/${alert.id}`,
        details: { level, to: recipient.name, unacknowledged_minutes: Math.round((now.getTime() - alert.opened_at.getTime()) / 60_000) },
      });
      return true;
    });
    if (done) escalated++;
  }
  return { escalated };
}
