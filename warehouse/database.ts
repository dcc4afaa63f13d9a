import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    return db;
  }
  // Loaded only here: the embedded database's module costs some 70 MB that a PostgreSQL run need not carry.
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  if (schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await sql`set search_path to ${sql.id(schema)}`.execute(db);
  }
  return db;
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
