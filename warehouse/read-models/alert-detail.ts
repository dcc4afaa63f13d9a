import { listAudit, type AuditRecord } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import type { DeliveryChannel, DeliveryKind, DeliveryStatus } from '../schema.ts';
import { ALERT_ITEM_COLUMNS, type AlertItem } from './alerts-list.ts';

export interface DeliveryItem {
  id: number;
  kind: DeliveryKind;
  channel: DeliveryChannel;
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  created_at: Date;
}

export interface AlertDetail {
  alert: AlertItem;
  /** Every notice about it — pending, sent, failed or cancelled — with attempts and the last error. */
  deliveries: DeliveryItem[];
  /** Its audit trail, oldest first: who acknowledged, assigned, responded, dismissed; escalations. */
  history: AuditRecord[];
}

/** One alert with its notices and history; by id alone when the community is not given. */
export async function alertDetail(db: Db, key: { communityId?: string | undefined; id: number }): Promise<AlertDetail | null> {
  let query = db.selectFrom('alerts').select(ALERT_ITEM_COLUMNS).where('id', '=', key.id);
  if (key.communityId !== undefined) query = query.where('community_id', '=', key.communityId);
  const alert = await query.executeTakeFirst();
  if (!alert) return null;
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['id', 'kind', 'channel', 'recipient', 'subject', 'status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at', 'created_at'])
    .where('community_id', '=', alert.community_id)
    .where('alert_id', '=', alert.id)
    .orderBy('id')
    .execute();
  const history = await listAudit(db, { target: `alert:${alert.community_id}/${alert.id}`, limit: 200 });
  return { alert, deliveries, history: history.reverse() };
}
