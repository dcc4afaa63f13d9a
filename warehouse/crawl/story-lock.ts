import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * Runs `work` in a transaction holding the community's story lock, so deciding a mention's story
 * and storing it is one step: two sources of a community crawled at once cannot both see "no
 * earlier mention" and both store an original. The lock is released at commit or rollback. `work`
 * gets the transaction as its handle and must not use `db` (PGlite has a single connection).
 */
export async function withStoryLock<T>(db: Db, communityId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('story:' || ${communityId}::text))`.execute(trx);
    return work(trx);
  });
}
