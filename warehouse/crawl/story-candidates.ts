import type { Db } from '../database.ts';
import { simhashBands } from './simhash-bands.ts';

export interface StoryCandidateRow {
  url: string;
  url_hash: string;
  story_key: string | null;
  simhash: string;
  collected_at: Date;
}

/**
 * Mentions of the community collected since `since` that share at least one 16-bit band with the
 * SimHash: a superset of those within 3 bits, oldest first. The caller measures the real distance.
 */
export async function findStoryCandidates(db: Db, query: { communityId: string; simhash: string; since: Date }): Promise<StoryCandidateRow[]> {
  const [b0, b1, b2, b3] = simhashBands(query.simhash);
  const rows = await db
    .selectFrom('mentions')
    .select(['url', 'url_hash', 'story_key', 'simhash', 'collected_at'])
    .where('community_id', '=', query.communityId)
    .where('collected_at', '>=', query.since)
    .where('simhash', 'is not', null)
    .where((eb) => eb.or([eb('simhash_b0', '=', b0), eb('simhash_b1', '=', b1), eb('simhash_b2', '=', b2), eb('simhash_b3', '=', b3)]))
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, simhash: row.simhash ?? '' }));
}
