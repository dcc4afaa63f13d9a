import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Where an API source left off (a Kobo submission time, a desk's updated-since value), so the
// next pull asks only for what is newer. Written in the transaction that lands the records.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table source_cursors (
      source_id text primary key references sources (id),
      cursor text not null,
      updated_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table source_cursors`.execute(db);
}
