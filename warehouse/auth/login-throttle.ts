import { createHmac } from 'node:crypto';
import type { ClientRateLimitInfo, Store } from 'express-rate-limit';
import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * express-rate-limit's counter of failed logins, kept in the database so that every app instance
 * behind a load balancer counts the same guesses (its default store counts per process). The
 * database's clock times the windows, so instances with drifting clocks agree. Keys are stored
 * as a keyed hash: a client address or a user name (often an e-mail address) is not kept here.
 */
export function loginThrottleStore(db: Db, options: { windowMs: number; secret: string }): Store {
  const hash = (key: string) => createHmac('sha256', options.secret).update(key).digest('hex').slice(0, 32);
  const windowSeconds = options.windowMs / 1000;
  return {
    localKeys: false,
    prefix: 'login:',

    async increment(key: string): Promise<ClientRateLimitInfo> {
      // Expired windows of any key go first; there are few rows, one per recent guesser.
      await db.deleteFrom('login_throttle').where('reset_at', '<=', sql<Date>`now()`).execute();
      const row = await db
        .insertInto('login_throttle')
        .values({ key: hash(key), hits: 1, reset_at: sql<Date>`now() + make_interval(secs => ${windowSeconds})` })
        .onConflict((oc) => oc.column('key').doUpdateSet({ hits: sql<number>`login_throttle.hits + 1` }))
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { totalHits: row.hits, resetTime: new Date(row.reset_at) };
    },

    async decrement(key: string): Promise<void> {
      await db
        .updateTable('login_throttle')
        .set({ hits: sql<number>`greatest(hits - 1, 0)` })
        .where('key', '=', hash(key))
        .execute();
    },

    async resetKey(key: string): Promise<void> {
      await db.deleteFrom('login_throttle').where('key', '=', hash(key)).execute();
    },

    async get(key: string): Promise<ClientRateLimitInfo | undefined> {
      const row = await db
        .selectFrom('login_throttle')
        .select(['hits', 'reset_at'])
        .where('key', '=', hash(key))
        .where('reset_at', '>', sql<Date>`now()`)
        .executeTakeFirst();
      return row && { totalHits: row.hits, resetTime: new Date(row.reset_at) };
    },
  };
}
