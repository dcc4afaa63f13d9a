import type { Db } from '../database.ts';
import type { NewMention } from '../schema.ts';
import { simhashBands } from '../crawl/simhash-bands.ts';

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
