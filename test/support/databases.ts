import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type Db } from '../../warehouse/database.ts';
import { migrateToLatest } from '../../warehouse/migrate.ts';

export interface TestDriver {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database: in-memory PGlite, or a schema of its own on the PostgreSQL server. */
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Db;
  /** Options that open the same database again (for code that opens its own handle). */
  url: string | undefined;
  schema: string | undefined;
  close(): Promise<void>;
}

const postgresUrl = process.env.DATABASE_URL;

/** PGlite always; PostgreSQL too when DATABASE_URL is set. Database tests loop over these. */
export const drivers: TestDriver[] = [
  {
    name: 'pglite',
    async open() {
      const db = await createDb({ dataDir: 'memory://' });
      await migrateToLatest(db);
      return { db, url: undefined, schema: undefined, close: () => db.destroy() };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `test_${randomBytes(6).toString('hex')}`;
            const db = await createDb({ url: postgresUrl, schema });
            await migrateToLatest(db);
            return {
              db,
              url: postgresUrl,
              schema,
              async close() {
                await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
                await db.destroy();
              },
            };
          },
        },
      ]
    : []),
];
