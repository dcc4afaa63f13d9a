import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Failed logins are counted in the database, not in each instance's memory, so several app
// instances behind a load balancer allow as many guesses between them as one would. A row per
// key (a keyed hash of client address and user name) and window; expired rows are deleted lazily.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_throttle (
      key text primary key,
      hits integer not null check (hits >= 0),
      reset_at timestamptz not null
    )
  `.execute(db);
  await sql`create index login_throttle_reset_idx on login_throttle (reset_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table login_throttle`.execute(db);
}
