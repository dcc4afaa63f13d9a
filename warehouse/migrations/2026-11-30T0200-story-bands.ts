import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Near-duplicate lookup by banding: the 64-bit SimHash split into four 16-bit bands. Two hashes
// within 3 bits of each other differ in at most 3 bands, so they share at least one band exactly
// (pigeonhole); an indexed equality lookup on any band finds every candidate without scanning the
// community's recent mentions. Also each source's expected interval, so silence is a query.

export async function up(db: Kysely<any>): Promise<void> {
  for (const band of [0, 1, 2, 3]) {
    await sql`alter table mentions add column ${sql.id(`simhash_b${band}`)} integer`.execute(db);
    await sql`
      update mentions set ${sql.id(`simhash_b${band}`)} = ('x' || substr(simhash, ${band * 4 + 1}, 4))::bit(16)::int
      where simhash is not null`.execute(db);
    await sql`create index ${sql.id(`mentions_simhash_b${band}_idx`)} on mentions (community_id, ${sql.id(`simhash_b${band}`)})`.execute(db);
  }
  await sql`alter table sources add column expected_interval_minutes integer`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sources drop column expected_interval_minutes`.execute(db);
  for (const band of [0, 1, 2, 3]) {
    await sql`drop index ${sql.id(`mentions_simhash_b${band}_idx`)}`.execute(db);
    await sql`alter table mentions drop column ${sql.id(`simhash_b${band}`)}`.execute(db);
  }
}
