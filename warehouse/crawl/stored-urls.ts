import type { Db } from '../database.ts';

/** Which of these canonical-URL hashes the community already has as mentions: those pages are not fetched again. */
export async function storedUrlHashes(db: Db, communityId: string, urlHashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < urlHashes.length; start += 500) {
    const rows = await db
      .selectFrom('mentions')
      .select('url_hash')
      .where('community_id', '=', communityId)
      .where('url_hash', 'in', urlHashes.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(row.url_hash);
  }
  return found;
}

/** The first stored mention of the community with exactly this content, if any. */
export async function mentionWithContent(db: Db, communityId: string, contentHash: string): Promise<{ url: string; url_hash: string } | undefined> {
  return db
    .selectFrom('mentions')
    .select(['url', 'url_hash'])
    .where('community_id', '=', communityId)
    .where('content_hash', '=', contentHash)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
