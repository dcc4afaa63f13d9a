import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../warehouse/migrate.ts';
import { drivers } from '../support/databases.ts';

describe.each(drivers)('migrations on $name', (driver) => {
  it('create every table, are idempotent, and roll back cleanly', async () => {
    const { db, close } = await driver.open();
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      const tables = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
      expect(tables.rows[0]?.n).toBe(16);
      expect(await migrateDown(db)).toEqual(['reverted 2026-11-30T1200-source-cursors']);
      expect(await migrateDown(db)).toEqual(['reverted 2026-11-30T0200-story-bands']);
      expect(await migrateDown(db)).toEqual(['reverted 2026-11-30T0100-crawler']);
      expect(await migrateDown(db)).toEqual(['reverted 2026-11-30T0000-init']);
      const after = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
      expect(after.rows[0]?.n).toBe(0);
      expect(await migrateToLatest(db)).toEqual(['applied 2026-11-30T0000-init', 'applied 2026-11-30T0100-crawler', 'applied 2026-11-30T0200-story-bands', 'applied 2026-11-30T1200-source-cursors']);
    } finally {
      await close();
    }
  });
});
