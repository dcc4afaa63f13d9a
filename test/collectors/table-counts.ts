import type { Db } from '../../warehouse/database.ts';
import type { Database } from '../../warehouse/schema.ts';

/** Row counts of the given tables, for replay tests that assert nothing changed. */
export async function countRows(db: Db, tables: readonly (keyof Database)[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
