import type { Db } from '../database.ts';

export interface CommunityRef {
  id: string;
  name_zh?: string | undefined;
  name_en?: string | undefined;
}

/**
 * Makes sure the community exists so collected rows can reference it. An existing row is left
 * as it is (names come from configuration, which is loaded elsewhere). Returns true when created.
 */
export async function ensureCommunity(db: Db, community: CommunityRef): Promise<boolean> {
  const inserted = await db
    .insertInto('communities')
    .values({ id: community.id, name_zh: community.name_zh ?? community.id, name_en: community.name_en ?? community.id })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
