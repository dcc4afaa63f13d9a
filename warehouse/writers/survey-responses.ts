import { type Insertable, sql } from 'kysely';
import type pg from 'pg';
import { type Db, postgresPool } from '../database.ts';
import { copyResponses, RESPONSE_COLUMNS } from './survey-response-copy.ts';
import type { SurveyAnswersTable, SurveyResponsesTable } from '../schema.ts';

export type NewSurveyResponse = Omit<Insertable<SurveyResponsesTable>, 'answer_questions' | 'answer_clauses' | 'answer_raw_values' | 'answer_scores'>;
export type NewSurveyAnswer = Omit<Insertable<SurveyAnswersTable>, 'community_id' | 'response_id'>;

/** One response as read from an export, with its answers. */
export interface NewSurveyRecord {
  response: NewSurveyResponse;
  answers: readonly NewSurveyAnswer[];
}


/**
 * Stores responses with their answers (in the response's row), skipping responses whose key was
 * stored before (community, instrument, response_key); returns for each input in order whether it
 * was new (a key repeated within the batch counts once, the first time). One statement whatever
 * the batch size, so a response never lands without its answers.
 */
export async function insertSurveyResponses(db: Db, records: readonly NewSurveyRecord[]): Promise<boolean[]> {
  if (records.length === 0) return [];
  const rows = records.map(({ response: r, answers }) => ({
    c: r.community_id,
    i: r.instrument_id,
    k: r.response_key,
    t: r.submitted_at,
    s: typeof r.segments === 'string' ? r.segments : JSON.stringify(r.segments ?? {}),
    o: r.source_id,
    n: r.source_row,
    q: answers.map((a) => a.question_id),
    l: answers.map((a) => a.clause_id ?? null),
    v: answers.map((a) => a.raw_value ?? null),
    p: answers.map((a) => a.score ?? null),
  }));
  // One JSON parameter rather than eleven per row: no limit on the batch, one plan, on pg and PGlite alike.
  const inserted = await sql<{ community_id: string; instrument_id: string; response_key: string }>`
    insert into survey_responses (${sql.raw(RESPONSE_COLUMNS)})
    select c, i, k, t, s::jsonb, o, n, q, l, v, p
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(c text, i text, k text, t timestamptz, s text, o text, n integer, q text[], l text[], v text[], p double precision[])
    on conflict (community_id, instrument_id, response_key) do nothing
    returning community_id, instrument_id, response_key`.execute(db);
  const fresh = new Set(inserted.rows.map(keyOf));
  return records.map(({ response }) => fresh.delete(keyOf(response)));
}

/** Stores one response and its answers unless its key was stored before; true when new. */
export async function insertSurveyResponse(db: Db, response: NewSurveyResponse, answers: readonly NewSurveyAnswer[]): Promise<boolean> {
  const [fresh] = await insertSurveyResponses(db, [{ response, answers }]);
  return fresh ?? false;
}

/** Stores a batch of an import and says how many of its records were new: see surveyResponseWriter. */
export type SurveyBatchWriter = (db: Db, records: readonly NewSurveyRecord[], turn?: Promise<void>) => Promise<number>;

/**
 * Like insertSurveyResponses, for one bulk import: a function that stores a batch and says how many
 * of its records were new. On PostgreSQL (a handle from createDb, not a transaction) it streams the
 * batch in binary COPY straight into survey_responses, committing when `turn` settles; when the
 * unique key refuses a row (stored before, or by another import meanwhile) the batch is stored the
 * careful way instead — COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING — and so is
 * every later batch of the import, so a re-import pays for one refused row. Elsewhere (PGlite, or
 * inside a transaction) it goes through insertSurveyResponses. The same rows land either way.
 *
 * `turn` (see importTable's writesInFlight) settles when every earlier batch is stored. A batch may
 * COPY while an earlier one is still being written: the writer remembers those batches' keys and
 * leaves them out, so a key repeated in a later batch is stored once, from its first row.
 */
export function surveyResponseWriter(): SurveyBatchWriter {
  // Keys of this import's batches that are being written and not yet committed.
  const writing = new Set<ReadonlySet<string>>();
  let careful = false;
  return async (db, records, turn = Promise.resolve()) => {
    const pool = postgresPool(db);
    if (!pool || records.length === 0) {
      await turn;
      return (await insertSurveyResponses(db, records)).filter(Boolean).length;
    }
    // A key repeated within the batch: the first row (in file order) is the one stored.
    const batch = new Map<string, NewSurveyRecord>();
    for (const record of records) {
      const key = keyOf(record.response);
      if (!batch.has(key)) batch.set(key, record);
    }
    const earlier = [...writing];
    const keys: ReadonlySet<string> = new Set(batch.keys());
    writing.add(keys);
    const client = await pool.connect();
    try {
      if (!careful) {
        try {
          return await copyStraight(client, batch, earlier, turn);
        } catch (error) {
          if (!isKeyRefused(error)) throw error;
          careful = true;
        }
      }
      return await copyThroughStaging(client, batch, turn);
    } finally {
      writing.delete(keys);
      client.release();
    }
  };
}

/** A batch written on its own (no earlier batch in flight): see surveyResponseWriter. */
export function storeSurveyResponses(db: Db, records: readonly NewSurveyRecord[], turn?: Promise<void>): Promise<number> {
  return surveyResponseWriter()(db, records, turn);
}

async function copyStraight(client: pg.PoolClient, batch: Map<string, NewSurveyRecord>, earlier: readonly ReadonlySet<string>[], turn: Promise<void>): Promise<number> {
  try {
    await client.query('begin');
    const fresh: NewSurveyRecord[] = [];
    for (const [key, record] of batch) if (!earlier.some((keys) => keys.has(key))) fresh.push(record);
    // COPY checks every key, foreign key and CHECK as INSERT does, without INSERT … SELECT's staging
    // table and speculative insertion: ~0.4 s less server time per 100,000 responses (bench/import-costs.ts).
    if (fresh.length > 0) await copyResponses(client, 'survey_responses', fresh);
    await turn;
    await client.query('commit');
    return fresh.length;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function copyThroughStaging(client: pg.PoolClient, batch: Map<string, NewSurveyRecord>, turn: Promise<void>): Promise<number> {
  try {
    await turn;
    await client.query('begin');
    // No keys, no checks, gone at commit: COPY into it is as fast as COPY goes.
    await client.query(`create temporary table survey_responses_stage on commit drop as select ${RESPONSE_COLUMNS} from survey_responses with no data`);
    await copyResponses(client, 'survey_responses_stage', batch.values());
    // ON CONFLICT waits for (then skips) a key another import is storing at the same moment.
    const inserted = await client.query(
      `insert into survey_responses (${RESPONSE_COLUMNS}) select ${RESPONSE_COLUMNS} from survey_responses_stage on conflict (community_id, instrument_id, response_key) do nothing`,
    );
    await client.query('commit');
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

// A key stored before, or by another import meanwhile (unique_violation on the response key), or two
// imports' COPYs waiting on each other's keys (deadlock_detected).
function isKeyRefused(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return (code === '23505' && constraint === 'survey_responses_community_id_instrument_id_response_key_key') || code === '40P01';
}

function keyOf(row: { community_id: string; instrument_id: string; response_key: string }): string {
  return `${row.community_id}\u0000${row.instrument_id}\u0000${row.response_key}`;
}
