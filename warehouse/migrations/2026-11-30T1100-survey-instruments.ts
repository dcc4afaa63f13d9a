import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Survey instruments as imported, so figures can be asked for by instrument id and computed from
// the stored scales (top-2-box, NPS classes) without the YAML file at hand.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table survey_instruments (
      id text primary key,
      community_id text not null references communities (id),
      definition jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table survey_instruments`.execute(db);
}
