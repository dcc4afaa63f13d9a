import { createHash } from 'node:crypto';
import type { Db } from './database.ts';

/** ETag / Last-Modified as a server last sent them for a URL. */
export interface CachedValidators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface CachedValidatorsEntry extends CachedValidators {
  status: number;
}

/** The http_cache key: sha256 of the URL exactly as requested, so long URLs index cheaply. */
export function httpCacheKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

export async function readHttpValidators(db: Db, url: string): Promise<CachedValidators | undefined> {
  const row = await db.selectFrom('http_cache').select(['etag', 'last_modified']).where('url_hash', '=', httpCacheKey(url)).executeTakeFirst();
  if (!row) return undefined;
  return { etag: row.etag ?? undefined, lastModified: row.last_modified ?? undefined };
}

/** Upsert: the latest response for a URL replaces what was stored, and checked_at says when we last asked. */
export async function writeHttpValidators(db: Db, url: string, entry: CachedValidatorsEntry, checkedAt: Date = new Date()): Promise<void> {
  const values = { etag: entry.etag ?? null, last_modified: entry.lastModified ?? null, status: entry.status, checked_at: checkedAt };
  await db
    .insertInto('http_cache')
    .values({ url_hash: httpCacheKey(url), url, ...values })
    .onConflict((oc) => oc.column('url_hash').doUpdateSet(values))
    .execute();
}

/**
 * The http_cache table as the fetcher's ValidatorStore (the shape matches structurally, so the
 * warehouse need not import collector code).
 */
export function createHttpCacheStore(db: Db): {
  get(url: string): Promise<CachedValidators | undefined>;
  put(url: string, entry: CachedValidatorsEntry): Promise<void>;
} {
  return { get: (url) => readHttpValidators(db, url), put: (url, entry) => writeHttpValidators(db, url, entry) };
}
