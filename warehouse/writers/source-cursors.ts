import type { Db } from '../database.ts';

/** The cursor an API source's last landed pull ended at; undefined before its first pull. */
export async function readSourceCursor(db: Db, sourceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('source_cursors').select('cursor').where('source_id', '=', sourceId).executeTakeFirst();
  return row?.cursor;
}

/** Moves the cursor; call it with the transaction that landed the records it covers. */
export async function saveSourceCursor(db: Db, sourceId: string, cursor: string, at: Date = new Date()): Promise<void> {
  await db
    .insertInto('source_cursors')
    .values({ source_id: sourceId, cursor, updated_at: at })
    .onConflict((oc) => oc.column('source_id').doUpdateSet({ cursor, updated_at: at }))
    .execute();
}

/** Forgets an API source's cursor, so its next pull starts from the beginning; true when there was one. */
export async function resetSourceCursor(db: Db, sourceId: string): Promise<boolean> {
  const result = await db.deleteFrom('source_cursors').where('source_id', '=', sourceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
