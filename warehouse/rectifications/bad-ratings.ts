import type { Db } from '../database.ts';

/** A 差评 (好差评 level 1 or 2) that has no rectification item yet. */
export interface BadRating {
  community_id: string;
  origin_kind: 'ticket';
  origin_id: number;
  rating: number;
  /** When the rating was given: the callback follows closing, so the ticket's close time when known. */
  rated_at: Date;
}

/** The 差评 still waiting for their rectification item, oldest first. */
export async function unrectifiedBadRatings(db: Db, limit = 5_000): Promise<BadRating[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .select(['t.community_id', 't.id as origin_id', 't.rating', (eb) => eb.fn.coalesce('t.closed_at', 't.opened_at').as('rated_at')])
    .where('t.rating', '<=', 2)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rectifications as r')
            .select('r.id')
            .whereRef('r.community_id', '=', 't.community_id')
            .where('r.origin_kind', '=', 'ticket')
            .whereRef('r.origin_id', '=', 't.id')
            .where('r.origin_ref', '=', ''),
        ),
      ),
    )
    .orderBy('t.opened_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    community_id: row.community_id,
    origin_kind: 'ticket',
    origin_id: Number(row.origin_id),
    rating: Number(row.rating),
    rated_at: new Date(row.rated_at),
  }));
}
