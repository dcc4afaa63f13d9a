import { randomBytes } from 'node:crypto';
import { PostgresIntrospector, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../warehouse/database.ts';
import { migrateDown, migrateToLatest } from '../../warehouse/migrate.ts';
import { drivers } from '../support/databases.ts';

describe.each(drivers)('the introspector on $name', (driver) => {
  it("describes the schema's tables as Kysely's own does", async () => {
    const { db, close } = await driver.open();
    try {
      await sql`comment on column users.username is 'login name'`.execute(db);
      const schema = (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name;
      const ours = (await db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => t.schema === schema);
      const kysely = (await new PostgresIntrospector(db).getTables({ withInternalKyselyTables: true })).filter((t) => t.schema === schema);
      expect(ours.map((t) => t.name)).toContain('kysely_migration');
      expect(ours).toEqual(kysely);
      const users = ours.find((t) => t.name === 'users');
      expect(users?.columns.find((c) => c.name === 'id')).toMatchObject({ isAutoIncrementing: true, isNullable: false });
      expect(users?.columns.find((c) => c.name === 'username')?.comment).toBe('login name');
      expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain('kysely_migration');
    } finally {
      await close();
    }
  });
});

// Two instances on one server, each in its own schema (TALENTPULSE_DB_SCHEMA), or test files: one
// migrating while the other changes its own schema or drops one.
describe.runIf(process.env.DATABASE_URL)('migrations while other schemas on the server change', () => {
  it('succeed, and so do the changes', async () => {
    const url = process.env.DATABASE_URL as string;
    const errors: string[] = [];
    const churnSchema = `churn_${randomBytes(5).toString('hex')}`;
    const churn = await createDb({ url, schema: churnSchema });
    let done = false;
    try {
      await migrateToLatest(churn);
      const churning = (async () => {
        while (!done) {
          try {
            for (let i = 0; i < 11 && !done; i++) await migrateDown(churn);
            await migrateToLatest(churn);
          } catch (error) {
            errors.push(`churn: ${String(error)}`);
            await migrateToLatest(churn).catch(() => {});
          }
        }
      })();
      for (let round = 0; round < 8; round++) {
        const schema = `fresh_${randomBytes(5).toString('hex')}`;
        const db = await createDb({ url, schema });
        try {
          await migrateToLatest(db);
        } catch (error) {
          errors.push(String(error));
        } finally {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
          await db.destroy();
        }
      }
      done = true;
      await churning;
      expect(errors).toEqual([]);
    } finally {
      done = true;
      await sql`drop schema if exists ${sql.id(churnSchema)} cascade`.execute(churn);
      await churn.destroy();
    }
  });
});
