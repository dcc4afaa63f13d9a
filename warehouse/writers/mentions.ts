import type { Db } from '../database.ts';
import type { NewMention } from '../schema.ts';
import { simhashBands } from '../crawl/simhash-bands.ts';

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

export type CrawledMention = Omit<NewMention, 'simhash_b0' | 'simhash_b1' | 'simhash_b2' | 'simhash_b3'>;

/**
 * Inserts one crawled mention with its story (story_key, is_original) decided by the caller and
 * the SimHash bands derived here. False when its canonical URL was stored meanwhile.
 */
export async function insertCrawledMention(db: Db, mention: CrawledMention): Promise<boolean> {
  const bands = mention.simhash ? simhashBands(mention.simhash) : [null, null, null, null];
  const inserted = await db
    .insertInto('mentions')
    .values({ ...mention, simhash_b0: bands[0], simhash_b1: bands[1], simhash_b2: bands[2], simhash_b3: bands[3] })
    .onConflict((oc) => oc.columns(['community_id', 'url_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
