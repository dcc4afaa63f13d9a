import { sql } from 'kysely';
import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import type { AlertStatus } from '../schema.ts';
import type { AlertItem } from './alerts-list.ts';

export type AlertAction = 'acknowledge' | 'responding' | 'resolve';
export const ALERT_ACTIONS: readonly AlertAction[] = ['acknowledge', 'responding', 'resolve'];

export interface AlertKey {
  communityId: string;
  id: number;
}

/** Where each action leads and from which states it may be taken. The lifecycle only moves forward. */
const TRANSITIONS: Record<AlertAction, { to: AlertStatus; from: AlertStatus[] }> = {
  acknowledge: { to: 'acknowledged', from: ['open'] },
  responding: { to: 'responding', from: ['acknowledged'] },
  // A false alarm may be closed once someone has acknowledged it, without a public response.
  resolve: { to: 'resolved', from: ['acknowledged', 'responding'] },
};

export class AlertNotFoundError extends Error {
  override name = 'AlertNotFoundError';
}

export class AlertTransitionError extends Error {
  override name = 'AlertTransitionError';
}

/**
 * Moves an alert along its lifecycle, appends the note, and records it in the audit log, in one
 * transaction. The row is locked while checked, so two people clicking at once cannot both win.
 */
export async function updateAlertStatus(db: Db, key: AlertKey, action: AlertAction, user: string, note?: string): Promise<AlertItem> {
  const rule = TRANSITIONS[action];
  const text = note?.trim() ?? '';
  const noteEntry = text ? [{ at: new Date().toISOString(), user, text }] : [];
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('alerts')
      .select('status')
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AlertNotFoundError(`alert ${key.communityId}/${key.id} not found`);
    if (!rule.from.includes(current.status)) {
      throw new AlertTransitionError(`alert ${key.communityId}/${key.id} is ${current.status}; "${action}" needs it to be ${rule.from.join(' or ')}`);
    }
    const updated = await trx
      .updateTable('alerts')
      .set({
        status: rule.to,
        notes: sql<string>`notes || ${JSON.stringify(noteEntry)}::jsonb`,
        ...(action === 'acknowledge' ? { acknowledged_at: sql<Date>`now()`, acknowledged_by: user } : {}),
        ...(action === 'resolve' ? { resolved_at: sql<Date>`now()`, resolved_by: user } : {}),
      })
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: user,
      action: `alert.${action}`,
      target: `alert:${key.communityId}/${key.id}`,
      details: { from: current.status, to: rule.to, note: text || null },
    });
    const { dedupe_key: _dedupe, ...item } = updated;
    return item;
  });
}
