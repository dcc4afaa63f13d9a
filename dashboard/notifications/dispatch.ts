import type { NotificationsConfig } from '../../config/notification-schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { alertStatus } from '../../warehouse/notifications/alert-outbox.ts';
import { claimDueDeliveries, markAttemptFailed, markCancelled, markSent } from '../../warehouse/notifications/deliveries.ts';
import type { Delivery } from '../../warehouse/schema.ts';
import { createSenders, type Senders } from './senders/sender.ts';

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

export interface DispatchOptions {
  now: Date;
  /** The real channels unless given (tests may wrap them). */
  senders?: Senders;
  limit?: number;
}

/** Exponential backoff after the nth failed attempt: base, 2×base, 4×base… up to the cap. */
export function retryDelayMs(retry: NotificationsConfig['retry'], attempt: number): number {
  return Math.min(retry.max_seconds, retry.base_seconds * 2 ** Math.max(0, attempt - 1)) * 1000;
}

/** Why a notice about an alert should no longer go out, if it should not. */
async function staleReason(db: Db, delivery: Delivery): Promise<string | null> {
  if (delivery.alert_id === null) return null;
  const status = await alertStatus(db, delivery.community_id, delivery.alert_id);
  if (status === 'resolved' || status === 'dismissed') return `not sent: the alert was ${status} first`;
  if (delivery.kind === 'escalation' && status !== 'open') return `not sent: the alert was ${status} before the escalation went out`;
  return null;
}

/**
 * Sends the deliveries that are due: each is claimed first (its attempt counted), then sent, then
 * marked sent, or given a retry time with the error kept, or failed after the last attempt. Safe
 * to run twice at once: a row is claimed by one run only.
 */
export async function dispatchDue(db: Db, config: NotificationsConfig, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  if (!config.enabled) return report;
  const { now } = options;
  // Longer than any one send can take (an SMTP exchange has three timeouts), so a live send is never
  // reclaimed; rows are claimed one at a time so the lease covers one send, not a whole batch.
  const leaseMs = config.timeout_ms * 4 + 60_000;
  let senders: Senders | undefined = options.senders;
  try {
    for (let i = 0; i < (options.limit ?? 50); i++) {
      const [delivery] = await claimDueDeliveries(db, { now, leaseMs, limit: 1 });
      if (!delivery) break;
      const stale = await staleReason(db, delivery);
      if (stale) {
        await markCancelled(db, delivery.id, delivery.attempts, stale);
        report.cancelled++;
        continue;
      }
      senders ??= createSenders(config);
      try {
        await senders.send(delivery, now);
        await markSent(db, delivery.id, delivery.attempts, now);
        report.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = delivery.attempts >= config.retry.max_attempts;
        const retryAt = last ? null : new Date(now.getTime() + retryDelayMs(config.retry, delivery.attempts));
        await markAttemptFailed(db, delivery.id, delivery.attempts, message.slice(0, 1000), retryAt);
        if (last) report.failed++;
        else report.retrying++;
      }
    }
  } finally {
    if (!options.senders) senders?.close();
  }
  return report;
}
