import { sql } from 'kysely';
import { HAOCHAPING_BAD_MAX } from '../../config/instrument.ts';
import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import { CLOSED_RE_RATED } from './closed-reason.ts';

/** A 差评 its rater took back: a ticket or survey answer whose stored rating changed to one that is no 差评 (3–5). */
export interface ReRating {
  community_id: string;
  /** The rating's origin, as its rectification item names it (see BadRating). */
  origin_kind: 'ticket' | 'survey';
  origin_id: number;
  /** The survey question; '' for a ticket. */
  origin_ref: string;
  /** How the audit log names the origin: `ticket:<community>/<source>/<external id>` or `survey:<community>/<instrument>/<question>`. */
  origin: string;
  /** The rating before; the item's own (the 差评 that opened it) when not known. */
  from?: number | null;
  to: number;
}

/** Who stored the new rating: `import:<source>` or `collector:<source>`, and the collector run; `pipeline` for the 差评 scan of surveys. */
export interface ReRatedBy {
  actor: string;
  runId?: number | undefined;
}

const LEVELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const level = (rating: number | null) => (rating === null ? 'no rating' : `${LEVELS[rating] ?? '?'} (${rating})`);

/** True for a 好差评 level that closes a rectification item when a later export brings it. */
export const isReRatingGood = (rating: unknown): rating is number => typeof rating === 'number' && rating > HAOCHAPING_BAD_MAX;

/**
 * Closes the rectification items still in the loop (not closed) of 差评 the resident re-rated
 * 基本满意 or better: in 好差评 practice a 差评 the rater takes back after the fix counts as 整改 done.
 * The item keeps its history and gets a note and an audit entry naming the new rating, the actor
 * and the run; a fix or follow-up not yet recorded is stamped now, since the re-rating is the
 * rater's own verdict on the fix. The item is marked closed by re-rating, so a 差评 the rater gives
 * again later opens the next round. Call it in the transaction that stores the new rating (or, for
 * survey answers, that reads it: the pipeline's 差评 scan); returns
 * how many items it closed. Items already closed are left alone, so a repeat changes nothing.
 */
export async function closeReRatedItems(db: Db, reRatings: readonly ReRating[], by: ReRatedBy, now = new Date()): Promise<number> {
  if (reRatings.length === 0) return 0;
  const wanted = new Map(reRatings.map((r) => [originKey(r), r]));
  const items = await db
    .selectFrom('rectifications')
    .select(['community_id', 'id', 'origin_kind', 'origin_id', 'origin_ref', 'status', 'rating'])
    .where('community_id', 'in', [...new Set(reRatings.map((r) => r.community_id))])
    .where('origin_kind', 'in', [...new Set(reRatings.map((r) => r.origin_kind))])
    .where('origin_id', 'in', [...new Set(reRatings.map((r) => r.origin_id))])
    .where('status', '<>', 'closed')
    .forUpdate()
    .execute();
  let closed = 0;
  for (const item of items) {
    const reRating = wanted.get(originKey({ ...item, origin_id: Number(item.origin_id) }));
    if (!reRating) continue;
    const from = reRating.from === undefined ? Number(item.rating) : reRating.from;
    const run = by.runId === undefined ? by.actor : `${by.actor} run ${by.runId}`;
    const reason = `resident re-rated: ${level(reRating.to)}, was ${level(from)} — 整改 counted as done (${run})`;
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
        [reRating.origin_kind]: reRating.origin,
        rating: { from, to: reRating.to },
        run_id: by.runId ?? null,
      },
    });
    closed++;
  }
  return closed;
}

const originKey = (r: { community_id: string; origin_kind: string; origin_id: number; origin_ref: string }) =>
  `${r.community_id}\u0000${r.origin_kind}\u0000${r.origin_id}\u0000${r.origin_ref}`;
