import { mkdirSync } from 'node:fs';
import { type Dialect, type Driver, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { SnapshotIntrospector } from './introspector.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const INT8 = 20;
const DATE = 1082;

// Both drivers return the same JS types: bigint ids as numbers (they stay far below 2^53),
// dates as 'YYYY-MM-DD' strings (a Date would shift with the process time zone).
pg.types.setTypeParser(INT8, (value) => Number(value));
pg.types.setTypeParser(DATE, (value) => value);

export interface DatabaseOptions {
  /** postgres://… uses a PostgreSQL server through pg; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for the embedded database; 'memory://' keeps it in memory. */
  dataDir?: string;
  /** Schema to work in (tests give each file its own); created when missing. */
  schema?: string;
}

// The pg pool behind each PostgreSQL handle, for the few writers that stream COPY (which Kysely
// does not speak). A transaction or a PGlite handle has none.
const pools = new WeakMap<Db, pg.Pool>();

/** The pg pool of a PostgreSQL handle made by createDb; undefined for PGlite and for a transaction. */
export function postgresPool(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

export async function createDb(options: DatabaseOptions): Promise<Db> {
  const schema = options.schema;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: warehouseDialect(new PostgresDialect({ pool })) });
    pools.set(db, pool);
    if (schema) await createSchema(db, schema);
    return db;
  }
  // Loaded only here: the embedded database's module costs some 70 MB that a PostgreSQL run need not carry.
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let pglite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: warehouseDialect(new PGliteDialect(pglite), release) });
  try {
    // Kysely starts its driver at the first query, and destroy() closes only a started one: a
    // handle closed before any query would otherwise keep PGlite open and the folder locked.
    await sql`select 1`.execute(db);
    if (schema) {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      await sql`set search_path to ${sql.id(schema)}`.execute(db);
    }
  } catch (error) {
    await db.destroy().catch(() => {});
    if (!pglite.closed) await pglite.close().catch(() => {});
    release();
    throw error;
  }
  return db;
}

// Two processes starting at once on a new schema (the scheduler and the dashboard, say) both run
// `create schema if not exists`; PostgreSQL lets both pass the check and fails one on
// pg_namespace's unique index. Taking a lock first makes the second see the first one's schema.
async function createSchema(db: Db, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('talentpulse:create-schema'))`.execute(trx);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
  });
}

/**
 * The driver's dialect with the snapshot introspector (the migrator's table checks; see
 * introspector.ts), and `release` run once its driver is destroyed (db.destroy()).
 */
function warehouseDialect(dialect: Dialect, release: () => void = () => {}): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => new SnapshotIntrospector(db),
    createDriver: (): Driver => {
      const driver = dialect.createDriver();
      const destroy = driver.destroy.bind(driver);
      driver.destroy = async () => {
        try {
          await destroy();
        } finally {
          release();
        }
      };
      return driver;
    },
  };
}

/** Which driver a handle uses, for messages and tests. */
export function describeDatabase(options: DatabaseOptions): string {
  if (options.url) return `PostgreSQL at ${redactUrl(options.url)}`;
  return `embedded PGlite in ${options.dataDir ?? 'memory'}`;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}
