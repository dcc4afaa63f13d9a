import { sql } from 'kysely';
import { HAOCHAPING_BAD_MAX } from '../../config/instrument.ts';
import type { Db } from '../database.ts';
import type { BadRating } from './bad-ratings.ts';
import { coversBadRating } from './closed-reason.ts';

const originKey = (r: { community_id: string; origin_kind: string; origin_id: number | string; origin_ref: string }) =>
  `${r.community_id}\u0000${r.origin_kind}\u0000${Number(r.origin_id)}\u0000${r.origin_ref}`;

interface LatestRound {
  round: number;
  closed_reason: string | null;
  closed_at: Date | string | null;
}

/**
 * Opens the rectification items of these 差评 that no item answers for, due when `dueAt` says;
 * returns how many were new. An origin's items are looked up first (through the origin key), so
 * the due time is worked out only for new ones; the insert skips any that appeared meanwhile.
 *
 * An origin with no item gets round 1. One whose latest round a re-rating closed (CLOSED_RE_RATED)
 * was rated 差评 again since, so it gets the next round, dated no earlier than that closure: the
 * good verdict stood until then, and the due time counts from there. Any other item, open or
 * closed after its follow-up, still answers for the rating, and nothing is opened.
 *
 * A ticket's item is only opened while the ticket is still rated 差评 when the insert runs: a
 * re-rating stored after the 差评 were read found no item to close, so the insert must not add one.
 * The insert reads the ticket's rating then and takes it; a ticket a writer holds (locked, maybe
 * about to change its rating) is skipped rather than waited for, and read again next pass. Survey
 * answers are opened as read.
 */
export async function openRectificationItems(db: Db, ratings: readonly BadRating[], dueAt: (rating: BadRating) => Date): Promise<number> {
  if (ratings.length === 0) return 0;
  const existing = await db
    .selectFrom('rectifications')
    .select(['community_id', 'origin_kind', 'origin_id', 'origin_ref', 'round', 'closed_reason', 'closed_at'])
    .where('community_id', 'in', [...new Set(ratings.map((r) => r.community_id))])
    .where('origin_kind', 'in', [...new Set(ratings.map((r) => r.origin_kind))])
    .where('origin_id', 'in', [...new Set(ratings.map((r) => r.origin_id))])
    .execute();
  const latest = new Map<string, LatestRound>();
  for (const item of existing) {
    const key = originKey(item);
    const seen = latest.get(key);
    if (!seen || item.round > seen.round) latest.set(key, item);
  }
  const rows = [];
  for (const rating of ratings) {
    const last = latest.get(originKey(rating));
    if (last && coversBadRating(last)) continue;
    // Here the latest round, if any, was closed by a re-rating.
    const since = last?.closed_at ? new Date(last.closed_at) : undefined;
    const dated = since && since > rating.rated_at ? { ...rating, rated_at: since } : rating;
    const round = last ? last.round + 1 : 1;
    rows.push({ c: dated.community_id, k: dated.origin_kind, i: dated.origin_id, f: dated.origin_ref, n: round, g: dated.rating, r: dated.rated_at, d: dueAt(dated) });
  }
  if (rows.length === 0) return 0;
  // One JSON parameter rather than eight per item: no parameter limit, one plan, on pg and PGlite alike.
  const inserted = await sql<{ id: number }>`
    insert into rectifications (community_id, origin_kind, origin_id, origin_ref, round, rating, rated_at, due_at)
    select x.c, x.k, x.i, x.f, x.n, coalesce(t.rating, x.g), x.r, x.d
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as x(c text, k text, i bigint, f text, n integer, g integer, r timestamptz, d timestamptz)
    left join lateral (
      select t.rating from tickets t
       where x.k = 'ticket' and t.community_id = x.c and t.id = x.i and t.rating <= ${HAOCHAPING_BAD_MAX}
         for share of t skip locked) t on true
    where x.k <> 'ticket' or t.rating is not null
    on conflict (community_id, origin_kind, origin_id, origin_ref, round) do nothing
    returning id`.execute(db);
  return inserted.rows.length;
}

/** Fresh planner statistics for the items table, after a pass opened many. */
export async function analyzeRectifications(db: Db): Promise<void> {
  await sql`analyze rectifications`.execute(db);
}
