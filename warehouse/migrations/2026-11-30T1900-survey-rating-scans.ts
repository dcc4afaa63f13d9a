import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The pipeline opens a rectification item for every 差评 given in a survey's 好差评 questions. It
// read every response of every such instrument on every pass (unnesting all answers and anti-joining
// the items: minutes at 100,000 responses). Now each instrument remembers how far its responses
// were read (by the time they were stored, and for which questions), and the next pass reads only
// the responses stored since, through an index on that time.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table survey_rating_scans (
      instrument_id text primary key references survey_instruments (id) on delete cascade,
      -- The 好差评 questions the scan looked at: when they change, the instrument is read again from the start.
      question_ids text[] not null,
      -- Every response stored before this time has been read.
      scanned_through timestamptz not null
    )`.execute(db);
  await sql`create index survey_responses_stored_idx on survey_responses (instrument_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index survey_responses_stored_idx`.execute(db);
  await sql`drop table survey_rating_scans`.execute(db);
}
