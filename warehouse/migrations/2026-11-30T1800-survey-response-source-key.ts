import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A survey response's two foreign keys (its community, its source) become one: (source, community)
// must be a source of that community. PostgreSQL checks a foreign key row by row, with a query
// each, and the two checks were ~40% of what inserting a response cost; one check is half that,
// and it also says what ensureSource already enforces (a source never changes community), so a
// response cannot name a source of another community. The community exists because its source
// references it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sources add constraint sources_id_community_key unique (id, community_id)`.execute(db);
  await sql`
    alter table survey_responses
      drop constraint survey_responses_community_id_fkey,
      drop constraint survey_responses_source_id_fkey,
      add constraint survey_responses_source_fkey foreign key (source_id, community_id) references sources (id, community_id)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table survey_responses
      drop constraint survey_responses_source_fkey,
      add constraint survey_responses_community_id_fkey foreign key (community_id) references communities (id),
      add constraint survey_responses_source_id_fkey foreign key (source_id) references sources (id)
  `.execute(db);
  await sql`alter table sources drop constraint sources_id_community_key`.execute(db);
}
