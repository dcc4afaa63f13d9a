import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { migrateDown, migrateToLatest } from '../../warehouse/migrate.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// Items stored before rounds: how each was closed is told by its audit entry or its note, as
// closeReRatedItems and the staff's close wrote them.
const NAME = '2026-12-02T0000-rectification-rounds';
const reRatedNote = (user: string) => JSON.stringify([{ at: '2026-04-01T00:00:00.000Z', user, text: 'close: resident re-rated: 满意 (4), was 不满意 (2) — 整改 counted as done (import run 7)' }]);

async function insertItem(db: Db, originId: number, status: string, notes = '[]', round?: number): Promise<number> {
  const result = await sql<{ id: number }>`
    insert into rectifications (community_id, origin_kind, origin_id, rating, rated_at, due_at, status, closed_at, notes ${round === undefined ? sql`` : sql`, round`})
    values ('c1', 'ticket', ${originId}, 2, '2026-03-03T08:00:00Z', '2026-03-06T08:00:00Z', ${status},
            ${status === 'closed' ? '2026-04-01T00:00:00Z' : null}, ${notes}::jsonb ${round === undefined ? sql`` : sql`, ${round}`})
    returning id`.execute(db);
  return Number(result.rows[0]?.id);
}

const audit = (db: Db, id: number, details: object) =>
  sql`insert into audit_log (actor, action, target, details) values ('import:hotline', 'rectification.close', ${`rectification:c1/${id}`}, ${JSON.stringify(details)}::jsonb)`.execute(db);

describe.each(drivers)('the rectification rounds migration on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
    expect(await migrateDown(database.db)).toEqual([`reverted ${NAME}`]);
    await sql`insert into communities (id, name_zh, name_en) values ('c1', '社区', 'Community')`.execute(database.db);
  });
  afterEach(() => database.close());

  it('tells items closed by a re-rating from those closed by staff, and keys items by round', async () => {
    const { db } = database;
    const reRated = await insertItem(db, 1, 'closed', reRatedNote('import:hotline'));
    await audit(db, reRated, { from: 'open', to: 'closed', reason: 're-rated' });
    const byStaff = await insertItem(db, 2, 'closed');
    await audit(db, byStaff, { from: 'followed_up', to: 'closed', note: null });
    // No audit entry left, but the collector's note says it.
    await insertItem(db, 3, 'closed', reRatedNote('collector:hotline-api'));
    // Staff quoting those words in their own close note closed it themselves.
    await insertItem(db, 4, 'closed', reRatedNote('王芳'));
    await insertItem(db, 5, 'open');

    expect(await migrateToLatest(db)).toEqual([`applied ${NAME}`]);
    const rows = await db.selectFrom('rectifications').select(['origin_id', 'round', 'closed_reason']).orderBy('origin_id').execute();
    expect(rows.map((r) => [Number(r.origin_id), r.round, r.closed_reason])).toEqual([
      [1, 1, 're-rated'],
      [2, 1, 'followed-up'],
      [3, 1, 're-rated'],
      [4, 1, 'followed-up'],
      [5, 1, null],
    ]);
    // The next round of an origin is a row of its own; the same round twice is not.
    await insertItem(db, 1, 'open', '[]', 2);
    await expect(insertItem(db, 1, 'open', '[]', 2)).rejects.toThrow(/rectifications_origin_round_key/);
    await expect(sql`update rectifications set closed_reason = 'forgotten' where origin_id = 5`.execute(db)).rejects.toThrow(/check constraint/);
  });

  it('reverts to one item per origin, refusing while a later round would be lost', async () => {
    const { db } = database;
    await insertItem(db, 1, 'closed', reRatedNote('import:hotline'));
    await migrateToLatest(db);
    const second = await insertItem(db, 1, 'open', '[]', 2);
    await expect(migrateDown(db)).rejects.toThrow(`${NAME} failed: rectifications: 1 item(s) of a second or later round (round > 1); delete or archive them`);
    // Nothing was half done: the round is still there, and the migration still applied.
    expect(await db.selectFrom('rectifications').select('round').where('id', '=', second).executeTakeFirst()).toEqual({ round: 2 });
    await db.deleteFrom('rectifications').where('id', '=', second).execute();
    expect(await migrateDown(db)).toEqual([`reverted ${NAME}`]);
    await expect(insertItem(db, 1, 'open')).rejects.toThrow(/duplicate key/);
    const columns = await sql<{ name: string }>`
      select column_name as name from information_schema.columns
       where table_schema = current_schema() and table_name = 'rectifications' and column_name in ('round', 'closed_reason')`.execute(db);
    expect(columns.rows).toEqual([]);
    expect(await migrateToLatest(db)).toEqual([`applied ${NAME}`]);
  });
});
