import { sql } from 'kysely';
import { HAOCHAPING_BAD_MAX } from '../../config/instrument.ts';
import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import { CLOSED_RE_RATED } from './closed-reason.ts';

/** A stored ticket whose rating a later export or pull changed to one that is no 差评 (3–5). */
export interface TicketReRating {
  community_id: string;
  ticket_id: number;
  /** How the audit log names the ticket: `ticket:<community>/<source>/<external id>`. */
  ticket: string;
  from: number | null;
  to: number;
}

/** Who stored the new rating: `import:<source>` or `collector:<source>`, and the collector run. */
export interface ReRatedBy {
  actor: string;
  runId?: number | undefined;
}

const LEVELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const level = (rating: number | null) => (rating === null ? 'no rating' : `${LEVELS[rating] ?? '?'} (${rating})`);

/** True for a 好差评 level that closes a ticket's rectification when a later export brings it. */
export const isReRatingGood = (rating: unknown): rating is number => typeof rating === 'number' && rating > HAOCHAPING_BAD_MAX;

/**
 * Closes the rectification items still in the loop (not closed) of tickets the resident re-rated
 * 基本满意 or better: in 好差评 practice a 差评 the rater takes back after the fix counts as 整改 done.
 * The item keeps its history and gets a note and an audit entry naming the new rating, the actor
 * and the run; a fix or follow-up not yet recorded is stamped now, since the re-rating is the
 * rater's own verdict on the fix. The item is marked closed by re-rating, so a 差评 the rater gives
 * again later opens the next round. Call it in the transaction that stores the new rating; returns
 * how many items it closed. Items already closed are left alone, so a repeat changes nothing.
 */
export async function closeReRatedItems(db: Db, reRatings: readonly TicketReRating[], by: ReRatedBy, now = new Date()): Promise<number> {
  if (reRatings.length === 0) return 0;
  const wanted = new Map(reRatings.map((r) => [`${r.community_id}\u0000${r.ticket_id}`, r]));
  const items = await db
    .selectFrom('rectifications')
    .select(['community_id', 'id', 'origin_id', 'status'])
    .where('community_id', 'in', [...new Set(reRatings.map((r) => r.community_id))])
    .where('origin_kind', '=', 'ticket')
    .where('origin_id', 'in', [...new Set(reRatings.map((r) => r.ticket_id))])
    .where('origin_ref', '=', '')
    .where('status', '<>', 'closed')
    .forUpdate()
    .execute();
  let closed = 0;
  for (const item of items) {
    const reRating = wanted.get(`${item.community_id}\u0000${Number(item.origin_id)}`);
    if (!reRating) continue;
    const run = by.runId === undefined ? by.actor : `${by.actor} run ${by.runId}`;
    const reason = `resident re-rated: ${level(reRating.to)}, was ${level(reRating.from)} — 整改 counted as done (${run})`;
    const note = { at: now.toISOString(), user: by.actor, text: `close: ${reason}` };
    await db
      .updateTable('rectifications')
      .set({
        status: 'closed',
        fixed_at: sql`coalesce(fixed_at, ${now})`,
        followed_up_at: sql`coalesce(followed_up_at, ${now})`,
        closed_at: now,
        closed_reason: CLOSED_RE_RATED,
        notes: sql<string>`notes || ${JSON.stringify([note])}::jsonb`,
      })
      .where('community_id', '=', item.community_id)
      .where('id', '=', item.id)
      .execute();
    await audit(db, {
      actor: by.actor,
      action: 'rectification.close',
      target: `rectification:${item.community_id}/${Number(item.id)}`,
      details: {
        from: item.status,
        to: 'closed',
        reason: CLOSED_RE_RATED,
        note: reason,
        ticket: reRating.ticket,
        rating: { from: reRating.from, to: reRating.to },
        run_id: by.runId ?? null,
      },
    });
    closed++;
  }
  return closed;
}
