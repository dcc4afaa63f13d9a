import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { BadRating } from './bad-ratings.ts';

const originKey = (r: { community_id: string; origin_kind: string; origin_id: number | string; origin_ref: string }) =>
  `${r.community_id}\u0000${r.origin_kind}\u0000${Number(r.origin_id)}\u0000${r.origin_ref}`;

/**
 * Opens the rectification items of these 差评 that have none, due when `dueAt` says; returns how
 * many were new. The items that exist are looked up first (through the origin key), so the due
 * time is worked out only for new ones; the insert skips any that appeared meanwhile.
 */
export async function openRectificationItems(db: Db, ratings: readonly BadRating[], dueAt: (rating: BadRating) => Date): Promise<number> {
  if (ratings.length === 0) return 0;
  const existing = await db
    .selectFrom('rectifications')
    .select(['community_id', 'origin_kind', 'origin_id', 'origin_ref'])
    .where('community_id', 'in', [...new Set(ratings.map((r) => r.community_id))])
    .where('origin_kind', 'in', [...new Set(ratings.map((r) => r.origin_kind))])
    .where('origin_id', 'in', [...new Set(ratings.map((r) => r.origin_id))])
    .execute();
  const known = new Set(existing.map(originKey));
  const rows = ratings
    .filter((r) => !known.has(originKey(r)))
    .map((r) => ({ c: r.community_id, k: r.origin_kind, i: r.origin_id, f: r.origin_ref, g: r.rating, r: r.rated_at, d: dueAt(r) }));
  if (rows.length === 0) return 0;
  // One JSON parameter rather than seven per item: no parameter limit, one plan, on pg and PGlite alike.
  const inserted = await sql<{ id: number }>`
    insert into rectifications (community_id, origin_kind, origin_id, origin_ref, rating, rated_at, due_at)
    select c, k, i, f, g, r, d
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as x(c text, k text, i bigint, f text, g integer, r timestamptz, d timestamptz)
    on conflict (community_id, origin_kind, origin_id, origin_ref) do nothing
    returning id`.execute(db);
  return inserted.rows.length;
}

/** Fresh planner statistics for the items table, after a pass opened many. */
export async function analyzeRectifications(db: Db): Promise<void> {
  await sql`analyze rectifications`.execute(db);
}
