import type { Db } from '../database.ts';
import type { BadRating } from './bad-ratings.ts';

/** Opens the rectification item for a 差评 unless it exists; says whether it was new. */
export async function openRectification(db: Db, rating: BadRating, dueAt: Date): Promise<boolean> {
  const row = await db
    .insertInto('rectifications')
    .values({
      community_id: rating.community_id,
      origin_kind: rating.origin_kind,
      origin_id: rating.origin_id,
      origin_ref: rating.origin_ref,
      rating: rating.rating,
      rated_at: rating.rated_at,
      due_at: dueAt,
    })
    .onConflict((oc) => oc.columns(['community_id', 'origin_kind', 'origin_id', 'origin_ref']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
