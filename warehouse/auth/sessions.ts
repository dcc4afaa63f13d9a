import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../database.ts';
import type { PublicUser } from './users.ts';

export interface NewSession {
  /** Goes into the cookie only; the database keeps its sha256. */
  token: string;
  csrf: string;
  expiresAt: Date;
}

export interface ActiveSession {
  user: PublicUser;
  csrf: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: number, hours: number, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db.insertInto('sessions').values({ id: hashToken(token), user_id: userId, csrf_token: csrf, expires_at: expiresAt }).execute();
  return { token, csrf, expiresAt };
}

/** The live session for a cookie token, or undefined when unknown or expired. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.display_name', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    user: { id: row.id, username: row.username, role: row.role, display_name: row.display_name },
    csrf: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Removes expired sessions; returns how many. */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
