import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';

export class DeliveryNotFoundError extends Error {
  override name = 'DeliveryNotFoundError';
}

export class DeliveryRetryError extends Error {
  override name = 'DeliveryRetryError';
}

export interface DeliveryRetryKey {
  communityId: string;
  alertId: number;
  deliveryId: number;
}

export interface DeliveryRetried {
  id: number;
  status: 'pending';
  attempts: number;
  next_attempt_at: Date;
}

/**
 * Puts a notice that failed for good back in the queue, due now, so the next dispatch (the notify
 * job, every minute by default) tries it once more: its attempts so far are kept, so a new failure
 * fails it again at once instead of starting a fresh round of retries. Audited on the alert with
 * the error it had, in one transaction with the change.
 */
export async function retryDelivery(db: Db, key: DeliveryRetryKey, user: string, now = new Date()): Promise<DeliveryRetried> {
  const name = `notice ${key.deliveryId} of alert ${key.communityId}/${key.alertId}`;
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('deliveries')
      .select(['id', 'status', 'channel', 'recipient', 'attempts', 'last_error'])
      .where('id', '=', key.deliveryId)
      .where('community_id', '=', key.communityId)
      .where('alert_id', '=', key.alertId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new DeliveryNotFoundError(`${name} not found`);
    if (current.status !== 'failed') throw new DeliveryRetryError(`${name} is ${current.status}; only a failed notice can be retried`);
    const row = await trx
      .updateTable('deliveries')
      .set({ status: 'pending', next_attempt_at: now })
      .where('id', '=', key.deliveryId)
      .where('status', '=', 'failed')
      .returning(['id', 'attempts', 'next_attempt_at'])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: user,
      action: 'delivery.retry',
      target: `alert:${key.communityId}/${key.alertId}`,
      details: { delivery_id: key.deliveryId, channel: current.channel, recipient: current.recipient, attempts: current.attempts, last_error: current.last_error },
    });
    return { id: Number(row.id), status: 'pending', attempts: row.attempts, next_attempt_at: row.next_attempt_at };
  });
}
