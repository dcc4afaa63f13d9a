import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * Whether an instrument holds responses keyed by their raw cells (`h:…`), as versions before the
 * content key stored responses without a respondent id. The unique key's index answers it.
 */
export async function storesCellKeys(db: Db, communityId: string, instrumentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_responses')
    .where('community_id', '=', communityId)
    .where('instrument_id', '=', instrumentId)
    .where('response_key', '>=', 'h:')
    .where('response_key', '<', 'h;')
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the keys an instrument already holds. */
export async function responseKeysStored(db: Db, communityId: string, instrumentId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('survey_responses')
    .where('community_id', '=', communityId)
    .where('instrument_id', '=', instrumentId)
    .where('response_key', '=', sql<string>`any(${[...keys]}::text[])`)
    .select('response_key')
    .execute();
  return new Set(rows.map((row) => row.response_key));
}
