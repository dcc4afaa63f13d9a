import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { ALERT_ITEM_COLUMNS, type AlertItem } from '../read-models/alerts-list.ts';

/**
 * New alerts whose notices are not yet queued, marked as queued in the same statement. Call it in
 * the transaction that queues their deliveries: if queueing fails, the mark rolls back with it.
 */
export async function claimUnnotifiedAlerts(trx: Db, now: Date, limit = 50): Promise<AlertItem[]> {
  // A CTE, evaluated once, so `limit` holds (see claimDueDeliveries).
  return trx
    .with('unnotified', (qb) =>
      qb.selectFrom('alerts').select(['community_id', 'id']).where('notified_at', 'is', null).orderBy('opened_at').limit(limit).forUpdate().skipLocked(),
    )
    .updateTable('alerts')
    .from('unnotified')
    .set({ notified_at: now })
    .whereRef('alerts.community_id', '=', 'unnotified.community_id')
    .whereRef('alerts.id', '=', 'unnotified.id')
    .where('alerts.notified_at', 'is', null)
    .returning(ALERT_ITEM_COLUMNS.map((column) => `alerts.${column}` as const))
    .execute();
}

/** Open (unacknowledged) alerts of these grades whose last notice — opening or escalation — is older than `before`. */
export async function unacknowledgedSince(db: Db, options: { before: Date; grades: readonly string[]; belowLevel: number }): Promise<AlertItem[]> {
  if (options.grades.length === 0 || options.belowLevel <= 0) return [];
  return db
    .selectFrom('alerts')
    .select(ALERT_ITEM_COLUMNS)
    .where('status', '=', 'open')
    .where('grade', 'in', options.grades as never[])
    .where('escalation_level', '<', options.belowLevel)
    .where(sql<boolean>`coalesce(escalated_at, opened_at) <= ${options.before}`)
    .orderBy('opened_at')
    .limit(200)
    .execute();
}

/** Raises the alert's escalation level by one if it is still open at `fromLevel`; false when someone else did, or it was acknowledged. */
export async function escalateAlert(trx: Db, key: { communityId: string; id: number }, fromLevel: number, now: Date): Promise<boolean> {
  const row = await trx
    .updateTable('alerts')
    .set({ escalation_level: fromLevel + 1, escalated_at: now })
    .where('community_id', '=', key.communityId)
    .where('id', '=', key.id)
    .where('status', '=', 'open')
    .where('escalation_level', '=', fromLevel)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Alerts opened in [from, to), for the digest. */
export async function alertsOpenedBetween(db: Db, from: Date, to: Date): Promise<AlertItem[]> {
  return db
    .selectFrom('alerts')
    .select(ALERT_ITEM_COLUMNS)
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .orderBy('opened_at')
    .execute();
}

/** The alert's status now, to skip notices about alerts closed before they went out. */
export async function alertStatus(db: Db, communityId: string, id: number): Promise<string | null> {
  const row = await db.selectFrom('alerts').select('status').where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
  return row?.status ?? null;
}
