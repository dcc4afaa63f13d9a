import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * Runs `job` only if this process wins the session-level advisory lock for `name`; returns
 * false when another instance holds it. The lock lives on one dedicated connection, and the job
 * gets that connection as its handle: PGlite has only one, so the job must not reach for `db`.
 */
export async function withAdvisoryLock(db: Db, name: string, job: (conn: Db) => Promise<void>): Promise<boolean> {
  return db.connection().execute(async (conn) => {
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${`talentpulse:${name}`})) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return false;
    try {
      await job(conn);
      return true;
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${`talentpulse:${name}`}))`.execute(conn);
    }
  });
}
