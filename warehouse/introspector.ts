import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
  sql,
} from 'kysely';

// Kysely's migrator asks the introspector whether its bookkeeping tables exist, before it takes its
// lock. Kysely's PostgreSQL introspector answers with one query over every column of every schema
// that calls pg_get_serial_sequence(name, column) and has_schema_privilege(name): functions that
// look names up in the catalog as it is now, not as the query's snapshot saw it. A column, table or
// schema dropped meanwhile by anyone else on the server (another instance migrating its own schema,
// a test dropping its schema) failed the migration: "column "simhash_b0" of relation "mentions"
// does not exist", "relation "….incidents" does not exist", "schema "…" does not exist".
// This one reads the catalogs only through joins and OIDs, so it sees one consistent snapshot.

interface ColumnRow {
  schema: string;
  table: string;
  is_view: boolean;
  column: string;
  type: string;
  type_schema: string;
  not_null: boolean;
  has_default: boolean;
  auto_incrementing: boolean;
  comment: string | null;
}

export class SnapshotIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const rows = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.#db);
    return rows.rows.map((row) => ({ name: row.name }));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const rows = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind = 'v' as is_view, a.attname as column,
             typ.typname as type, typns.nspname as type_schema, a.attnotnull as not_null, a.atthasdef as has_default,
             a.attidentity <> '' or exists (
               select 1 from pg_catalog.pg_depend dep
               join pg_catalog.pg_class seq on seq.oid = dep.objid and seq.relkind = 'S'
               where dep.classid = 'pg_catalog.pg_class'::regclass and dep.refobjid = c.oid
                 and dep.refobjsubid = a.attnum and dep.deptype in ('a', 'i')) as auto_incrementing,
             descr.description as comment
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on c.oid = a.attrelid
        join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
        join pg_catalog.pg_type typ on typ.oid = a.atttypid
        join pg_catalog.pg_namespace typns on typns.oid = typ.typnamespace
        left join pg_catalog.pg_description descr
          on descr.objoid = c.oid and descr.classoid = 'pg_catalog.pg_class'::regclass and descr.objsubid = a.attnum
       where c.relkind in ('r', 'v', 'p') and a.attnum > 0 and not a.attisdropped
         and ns.nspname !~ '^pg_' and ns.nspname <> 'information_schema'
         and coalesce(has_schema_privilege(ns.oid, 'USAGE'), false)
         and (${options.withInternalKyselyTables} or c.relname not in (${DEFAULT_MIGRATION_TABLE}, ${DEFAULT_MIGRATION_LOCK_TABLE}))
       order by ns.nspname, c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows.rows) {
      const key = `${row.schema}.${row.table}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.is_view, columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isAutoIncrementing: row.auto_incrementing,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
        ...(row.comment === null ? {} : { comment: row.comment }),
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
