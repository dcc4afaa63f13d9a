import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// What the hotline KPIs need beyond the first ticket table: the due time an export may carry, the
// state its status value stands for (closed / open / reopened, per the mapping), how often it was
// reopened, and the export's own category value, kept when the mapping has no 12345 category for
// it (a data-quality problem to count, not a reason to drop the ticket).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table tickets
      add column due_at timestamptz,
      add column state text check (state in ('open', 'closed', 'reopened')),
      add column reopen_count integer check (reopen_count >= 0),
      add column raw_category text`.execute(db);
  // Tickets stored so far had a mapped category or none.
  await sql`update tickets set raw_category = category where category is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table tickets
      drop column raw_category,
      drop column reopen_count,
      drop column state,
      drop column due_at`.execute(db);
}
