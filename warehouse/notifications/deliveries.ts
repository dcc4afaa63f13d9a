import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { Delivery, DeliveryChannel, DeliveryKind, DeliveryPayload } from '../schema.ts';

export interface NewDelivery {
  community_id: string;
  alert_id: number | null;
  kind: DeliveryKind;
  channel: DeliveryChannel;
  recipient: string;
  dedupe_key: string;
  subject: string;
  body: string;
  payload: DeliveryPayload;
  /** When it may first be sent: now, or the end of the recipient's quiet hours. */
  next_attempt_at: Date;
}

/** Queues notices; one already queued under the same key is left alone, so queueing twice equals once. Returns how many are new. */
export async function enqueueDeliveries(db: Db, rows: NewDelivery[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('deliveries')
    .values(rows.map((row) => ({ ...row, payload: JSON.stringify(row.payload), status: 'pending' as const })))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Claims due deliveries for one sender: each claimed row has its attempt counted and its next
 * attempt moved past the lease, in one statement, so a second dispatcher (or a second instance)
 * cannot claim it too. SKIP LOCKED lets two PostgreSQL dispatchers share the queue without
 * waiting on each other; on PGlite statements run one at a time and the same SQL holds. A sender
 * that dies mid-send leaves a row that comes due again when the lease ends, so nothing is lost.
 */
export async function claimDueDeliveries(db: Db, options: { now: Date; leaseMs: number; limit: number }): Promise<Delivery[]> {
  const leaseEnd = new Date(options.now.getTime() + options.leaseMs);
  // The CTE is evaluated once: as `id in (subquery)` PostgreSQL may re-run the subquery per row and
  // claim more than `limit`.
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', options.now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('deliveries')
    .from('due')
    .set({ attempts: sql<number>`deliveries.attempts + 1`, next_attempt_at: leaseEnd })
    .whereRef('deliveries.id', '=', 'due.id')
    .where('deliveries.status', '=', 'pending')
    .returningAll('deliveries')
    .execute();
}

// Every outcome is written only by the claim that made the attempt (id and attempt count match),
// so a dispatcher whose lease ran out cannot overwrite a newer attempt's result.
function ofAttempt(db: Db, id: number, attempt: number) {
  return db.updateTable('deliveries').where('id', '=', id).where('attempts', '=', attempt).where('status', '=', 'pending');
}

export async function markSent(db: Db, id: number, attempt: number, now: Date): Promise<void> {
  await ofAttempt(db, id, attempt).set({ status: 'sent', sent_at: now, next_attempt_at: now }).execute();
}

/** A failed attempt: tried again at `retryAt`, or given up (status failed) when null. Either way the error stays visible. */
export async function markAttemptFailed(db: Db, id: number, attempt: number, error: string, retryAt: Date | null): Promise<void> {
  await ofAttempt(db, id, attempt)
    .set(retryAt ? { last_error: error, next_attempt_at: retryAt } : { status: 'failed', last_error: error })
    .execute();
}

/** Not sent because it no longer matters (the alert was closed first); kept with the reason. */
export async function markCancelled(db: Db, id: number, attempt: number, reason: string): Promise<void> {
  await ofAttempt(db, id, attempt).set({ status: 'cancelled', last_error: reason }).execute();
}
