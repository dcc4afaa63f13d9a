import { sql } from 'kysely';
import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import type { RectificationStatus } from '../schema.ts';
import { CLOSED_FOLLOWED_UP } from './closed-reason.ts';
import { RECTIFICATION_COLUMNS, type RectificationItem, toItem } from './rectification-item.ts';

export type RectificationAction = 'assign' | 'start' | 'fix' | 'follow_up' | 'close' | 'note';
export const RECTIFICATION_ACTIONS: readonly RectificationAction[] = ['assign', 'start', 'fix', 'follow_up', 'close', 'note'];

export interface RectificationChange {
  action: RectificationAction;
  user: string;
  note?: string | undefined;
  /** For assign: who owns the item from now on. */
  owner?: string | undefined;
  now?: Date;
}

/**
 * Where each action leads and from which states. The loop only moves forward: a fix is recorded
 * with what was done, the follow-up call with what the person said, and only then is it closed.
 */
const TRANSITIONS: Record<RectificationAction, { to?: RectificationStatus; from: RectificationStatus[]; needsNote?: boolean }> = {
  assign: { from: ['open', 'in_progress', 'fixed', 'followed_up'] },
  start: { to: 'in_progress', from: ['open'] },
  fix: { to: 'fixed', from: ['open', 'in_progress'], needsNote: true },
  follow_up: { to: 'followed_up', from: ['fixed'], needsNote: true },
  close: { to: 'closed', from: ['followed_up'] },
  note: { from: ['open', 'in_progress', 'fixed', 'followed_up', 'closed'], needsNote: true },
};

const STAMP: Partial<Record<RectificationAction, 'fixed_at' | 'followed_up_at' | 'closed_at'>> = {
  fix: 'fixed_at',
  follow_up: 'followed_up_at',
  close: 'closed_at',
};

export class RectificationNotFoundError extends Error {
  override name = 'RectificationNotFoundError';
}

export class RectificationChangeError extends Error {
  override name = 'RectificationChangeError';
}

/** Applies one action to a rectification item with its note, in one transaction with the audit entry. */
export async function updateRectification(
  db: Db,
  key: { communityId: string; id: number },
  change: RectificationChange,
): Promise<RectificationItem> {
  const rule = TRANSITIONS[change.action];
  const now = change.now ?? new Date();
  const text = change.note?.trim() ?? '';
  const owner = change.owner?.trim() ?? '';
  const name = `rectification ${key.communityId}/${key.id}`;
  if (rule.needsNote && !text) throw new RectificationChangeError(`${name}: "${change.action}" needs a note saying what was done`);
  if (change.action === 'assign' && !owner) throw new RectificationChangeError(`${name}: "assign" needs an owner`);

  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('rectifications')
      .select(['status', 'owner'])
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new RectificationNotFoundError(`${name} not found`);
    if (!rule.from.includes(current.status)) {
      throw new RectificationChangeError(`${name} is ${current.status}; "${change.action}" needs it to be ${rule.from.join(' or ')}`);
    }
    const stamp = STAMP[change.action];
    const entry = text ? [{ at: now.toISOString(), user: change.user, text: `${change.action}: ${text}` }] : [];
    const row = await trx
      .updateTable('rectifications')
      .set({
        notes: sql<string>`notes || ${JSON.stringify(entry)}::jsonb`,
        ...(rule.to ? { status: rule.to } : {}),
        ...(stamp ? { [stamp]: now } : {}),
        ...(change.action === 'assign' ? { owner } : {}),
        ...(change.action === 'close' ? { closed_reason: CLOSED_FOLLOWED_UP } : {}),
      })
      .where('community_id', '=', key.communityId)
      .where('id', '=', key.id)
      .returning([...RECTIFICATION_COLUMNS])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: change.user,
      action: `rectification.${change.action}`,
      target: `rectification:${key.communityId}/${key.id}`,
      details: { from: current.status, to: rule.to ?? current.status, note: text || null, ...(change.action === 'assign' ? { owner, previous_owner: current.owner } : {}) },
    });
    return toItem(row, now);
  });
}
