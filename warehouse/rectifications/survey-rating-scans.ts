import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** How far an instrument's responses have been read for 差评, and for which 好差评 questions. */
export interface SurveyRatingScan {
  question_ids: string[];
  scanned_through: Date;
}

export async function readSurveyRatingScan(db: Db, instrumentId: string): Promise<SurveyRatingScan | undefined> {
  const row = await db.selectFrom('survey_rating_scans').select(['question_ids', 'scanned_through']).where('instrument_id', '=', instrumentId).executeTakeFirst();
  return row && { question_ids: row.question_ids, scanned_through: new Date(row.scanned_through) };
}

export async function saveSurveyRatingScan(db: Db, instrumentId: string, scan: SurveyRatingScan): Promise<void> {
  await db
    .insertInto('survey_rating_scans')
    .values({ instrument_id: instrumentId, question_ids: scan.question_ids, scanned_through: scan.scanned_through })
    .onConflict((oc) => oc.column('instrument_id').doUpdateSet({ question_ids: scan.question_ids, scanned_through: scan.scanned_through }))
    .execute();
}

/**
 * A time before which every survey response that will ever be stored is already visible: call it
 * before reading. A response's created_at is its transaction's start, and a transaction still open
 * may commit later with that time, so the horizon stays at the start of the oldest transaction
 * open in the database (pg_stat_activity; PGlite has one connection, so none) and at least
 * `marginMs` (ten minutes) back, for sessions of another role whose start the view does not show.
 */
export async function surveyRatingHorizon(db: Db, marginMs = 10 * 60_000): Promise<Date> {
  const result = await sql<{ horizon: Date | string }>`
    select least(now() - make_interval(secs => ${marginMs / 1000}),
                 (select min(xact_start) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid())) as horizon`.execute(db);
  const horizon = result.rows[0]?.horizon;
  if (horizon === undefined) throw new Error('survey rating horizon: no row');
  return new Date(horizon);
}
