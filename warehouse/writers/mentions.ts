import type { Db } from '../database.ts';
import type { NewMention } from '../schema.ts';

/**
 * Inserts mentions, skipping those whose canonical URL was stored before for the community.
 * Returns, for each input mention in order, whether it was new; a repeat within the batch counts once.
 */
export async function insertMentions(db: Db, mentions: readonly NewMention[]): Promise<boolean[]> {
  if (mentions.length === 0) return [];
  const inserted = await db
    .insertInto('mentions')
    .values([...mentions])
    .onConflict((oc) => oc.columns(['community_id', 'url_hash']).doNothing())
    .returning(['community_id', 'url_hash'])
    .execute();
  const fresh = new Set(inserted.map((row) => `${row.community_id}\u0000${row.url_hash}`));
  return mentions.map((mention) => fresh.delete(`${mention.community_id}\u0000${mention.url_hash}`));
}
