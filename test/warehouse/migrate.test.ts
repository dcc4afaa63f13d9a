import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { migrateDown, migrateToLatest } from '../../warehouse/migrate.ts';
import { drivers } from '../support/databases.ts';

// Every migration, oldest first, and how many tables the newest schema has.
const MIGRATIONS = [
  '2026-11-30T0000-init',
  '2026-11-30T0100-crawler',
  '2026-11-30T0200-story-bands',
  '2026-11-30T1100-survey-instruments',
  '2026-11-30T1200-source-cursors',
  '2026-11-30T1300-ticket-kpis',
  '2026-11-30T1400-notifications',
  '2026-11-30T1500-rectifications',
  '2026-11-30T1600-incidents',
];
const TABLES = 20;

async function tableCount(db: Db): Promise<number | undefined> {
  const tables = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
  return tables.rows[0]?.n;
}

describe.each(drivers)('migrations on $name', (driver) => {
  it('create every table, are idempotent, and roll back cleanly', async () => {
    const { db, close } = await driver.open();
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await tableCount(db)).toBe(TABLES);
      for (const name of [...MIGRATIONS].reverse()) expect(await migrateDown(db)).toEqual([`reverted ${name}`]);
      expect(await tableCount(db)).toBe(0);
      expect(await migrateToLatest(db)).toEqual(MIGRATIONS.map((name) => `applied ${name}`));
    } finally {
      await close();
    }
  });
});
