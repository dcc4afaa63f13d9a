import type { Db } from '../database.ts';
import type { NewReject } from '../schema.ts';

/** Records rejected input with where it came from and why, for operators to fix the source. */
export async function insertRejects(db: Db, rejects: readonly NewReject[]): Promise<void> {
  for (let start = 0; start < rejects.length; start += 500) {
    await db.insertInto('rejects').values(rejects.slice(start, start + 500)).execute();
  }
}
