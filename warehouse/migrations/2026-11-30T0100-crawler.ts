import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// What a careful crawler remembers: validators for conditional GET, near-duplicate stories,
// and when each source last produced something new.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table http_cache (
      url_hash text primary key,
      url text not null,
      etag text,
      last_modified text,
      status integer not null,
      checked_at timestamptz not null
    )`.execute(db);
  // 64-bit SimHash of the text as 16 hex digits; story_key groups near-duplicates under the
  // url_hash of the first mention seen (the original).
  await sql`alter table mentions add column simhash text`.execute(db);
  await sql`alter table mentions add column story_key text`.execute(db);
  await sql`alter table mentions add column is_original boolean not null default true`.execute(db);
  await sql`create index mentions_story_idx on mentions (community_id, story_key)`.execute(db);
  await sql`create index mentions_content_idx on mentions (community_id, content_hash)`.execute(db);
  await sql`alter table sources add column last_new_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sources drop column last_new_at`.execute(db);
  await sql`drop index mentions_content_idx`.execute(db);
  await sql`drop index mentions_story_idx`.execute(db);
  await sql`alter table mentions drop column is_original, drop column story_key, drop column simhash`.execute(db);
  await sql`drop table http_cache`.execute(db);
}
