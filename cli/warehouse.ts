import type { Config } from '../config/schema.ts';
import { createDb, type DatabaseOptions, type Db } from '../warehouse/database.ts';
import { migrateToLatest } from '../warehouse/migrate.ts';

export function databaseOptions(config: Config): DatabaseOptions {
  const { url, data_dir: dataDir, schema } = config.database;
  return { url, dataDir, ...(schema ? { schema } : {}) };
}

/** Opens the configured database (PostgreSQL with DATABASE_URL, else embedded PGlite) and migrates it. */
export async function openWarehouse(config: Config): Promise<Db> {
  const db = await createDb(databaseOptions(config));
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Runs `work` with an open warehouse and always closes it. */
export async function withWarehouse<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openWarehouse(config);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
