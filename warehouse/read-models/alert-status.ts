import { sql } from 'kysely';
import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import type { AlertStatus } from '../schema.ts';
import { ALERT_ITEM_COLUMNS, type AlertItem } from './alerts-list.ts';

export type AlertAction = 'acknowledge' | 'responding' | 'resolve' | 'dismiss' | 'assign';
export const ALERT_ACTIONS: readonly AlertAction[] = ['acknowledge', 'responding', 'resolve', 'dismiss', 'assign'];

export interface AlertKey {
  communityId: string;
  id: number;
}

/** What may come with an action; which fields count depends on the action. */
export interface AlertActionInput {
  note?: string | undefined;
  /** dismiss: why it was a false alarm (required). */
  reason?: string | undefined;
  /** assign (required), acknowledge (optional; the acknowledging user otherwise): a dashboard username. */
  assignee?: string | undefined;
  /** responding, resolve: the public response made (10.2.4). */
  response?: string | undefined;
}

const OPEN_STATES: AlertStatus[] = ['open', 'acknowledged', 'responding'];

/** Where each action leads (null: the status stays) and from which states it may be taken. The lifecycle only moves forward. */
const TRANSITIONS: Record<AlertAction, { to: AlertStatus | null; from: AlertStatus[] }> = {
  acknowledge: { to: 'acknowledged', from: ['open'] },
  responding: { to: 'responding', from: ['acknowledged'] },
  resolve: { to: 'resolved', from: ['acknowledged', 'responding'] },
  // A false alarm: closed with its reason, which is kept for tuning the rules. Also stops escalation.
  dismiss: { to: 'dismissed', from: OPEN_STATES },
  assign: { to: null, from: OPEN_STATES },
};

export class AlertNotFoundError extends Error {
  override name = 'AlertNotFoundError';
}

export class AlertTransitionError extends Error {
  override name = 'AlertTransitionError';
}

/** The action lacks something it needs, or names an unknown user. */
export class AlertInputError extends Error {
  override name = 'AlertInputError';
}

const clean = (text: string | undefined): string => text?.trim() ?? '';

/**
 * Moves an alert along its lifecycle, appends the note, and records it in the audit log, in one
 * transaction. The row is locked while checked, so two people clicking at once cannot both win.
 */
export async function updateAlertStatus(db: Db, key: AlertKey, action: AlertAction, user: string, input: AlertActionInput = {}): Promise<AlertItem> {
  const rule = TRANSITIONS[action];
  const text = clean(input.note);
  const reason = clean(input.reason);
  const response = clean(input.response);
  const assignee = clean(input.assignee);
  const target = `alert:${key.communityId}/${key.id}`;
  if (action === 'dismiss' && !reason) throw new AlertInputError(`dismissing ${target} needs a reason (why it was a false alarm)`);
  if (action === 'assign' && !assignee) throw new AlertInputError(`assigning ${target} needs an assignee (a dashboard username)`);
  const noteEntry = text ? [{ at: new Date().toISOString(), user, text }] : [];
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('alerts')
      .select(['status', 'assignee'])
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AlertNotFoundError(`alert ${key.communityId}/${key.id} not found`);
    if (!rule.from.includes(current.status)) {
      throw new AlertTransitionError(`alert ${key.communityId}/${key.id} is ${current.status}; "${action}" needs it to be ${rule.from.join(' or ')}`);
    }
    if (assignee) {
      const known = await trx.selectFrom('users').select('id').where('username', '=', assignee).executeTakeFirst();
      if (!known) throw new AlertInputError(`assignee "${assignee}" is not a dashboard user`);
    }
    // Whoever acknowledges owns the alert unless someone was named.
    const newAssignee = assignee || (action === 'acknowledge' && !current.assignee ? user : null);
    const to = rule.to ?? current.status;
    const updated = await trx
      .updateTable('alerts')
      .set({
        status: to,
        notes: sql<string>`notes || ${JSON.stringify(noteEntry)}::jsonb`,
        ...(newAssignee ? { assignee: newAssignee } : {}),
        ...(response ? { public_response: response, responded_at: sql<Date>`now()` } : {}),
        ...(action === 'acknowledge' ? { acknowledged_at: sql<Date>`now()`, acknowledged_by: user } : {}),
        ...(action === 'resolve' ? { resolved_at: sql<Date>`now()`, resolved_by: user } : {}),
        ...(action === 'dismiss' ? { dismissed_at: sql<Date>`now()`, dismissed_by: user, dismiss_reason: reason } : {}),
      })
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .returning(ALERT_ITEM_COLUMNS)
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: user,
      action: `alert.${action}`,
      target,
      details: {
        from: current.status,
        to,
        note: text || null,
        ...(newAssignee ? { assignee: newAssignee } : {}),
        ...(reason && action === 'dismiss' ? { reason } : {}),
        ...(response ? { response } : {}),
      },
    });
    return updated;
  });
}
