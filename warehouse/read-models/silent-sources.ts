import { sql } from 'kysely';
import type { Db } from '../database.ts';

export interface SilentSource {
  source_id: string;
  community_id: string;
  name: string;
  location: string;
  expected_interval_minutes: number;
  /** Null when the source has never produced anything. */
  last_new_at: Date | null;
  /** Minutes since the last new record, or since the source was first configured when it never produced one. */
  silent_minutes: number;
}

/**
 * Enabled sources with an expected interval whose last new record is older than that interval,
 * or that never produced one and were configured longer ago than that interval; longest silence first.
 */
export async function silentSources(db: Db, now: Date = new Date()): Promise<SilentSource[]> {
  const since = sql<Date>`coalesce(last_new_at, created_at)`;
  const rows = await db
    .selectFrom('sources')
    .select([
      'id as source_id',
      'community_id',
      'name',
      'location',
      'last_new_at',
      sql<number>`expected_interval_minutes`.as('expected_interval_minutes'),
      sql<number>`floor(extract(epoch from (${now}::timestamptz - ${since})) / 60)::int`.as('silent_minutes'),
    ])
    .where('enabled', '=', true)
    .where('expected_interval_minutes', 'is not', null)
    .where(sql<boolean>`${since} < ${now}::timestamptz - make_interval(mins => expected_interval_minutes)`)
    .orderBy('silent_minutes', 'desc')
    .orderBy('id')
    .execute();
  return rows;
}
