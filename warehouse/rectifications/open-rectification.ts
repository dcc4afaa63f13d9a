import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { BadRating } from './bad-ratings.ts';

/** A 差评 and the time its rectification is due. */
export interface DueRating {
  rating: BadRating;
  due_at: Date;
}

/**
 * Opens the rectification items of these 差评 that have none (one statement whatever their number;
 * the unique origin key skips the rest); returns how many were new.
 */
export async function openRectificationItems(db: Db, items: readonly DueRating[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map(({ rating: r, due_at }) => ({
    c: r.community_id,
    k: r.origin_kind,
    i: r.origin_id,
    f: r.origin_ref,
    g: r.rating,
    r: r.rated_at,
    d: due_at,
  }));
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
