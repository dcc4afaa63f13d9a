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


/** What storing one response did: true new, false stored before as it is, 'updated' stored and changed. */
export type ResponseOutcome = boolean | 'updated';

/**
 * A stored response whose answers or segments differ from the ones given is brought up to date:
 * a respondent who edited their answers, or an instrument whose labels or clauses were corrected,
 * re-exported. Its submission time stays (a re-export in another time zone moves every time, and
 * tools keep the first submission's time when an answer is edited), and created_at becomes the
 * time of the change, so the 差评 scan (survey-rating-scans.ts) reads the response again. A
 * respondent repeated within one file is the importer's to settle (see RespondentsSeen).
 */
const UPDATE_CHANGED = `
  on conflict (community_id, instrument_id, response_key) do update
     set segments = excluded.segments, source_id = excluded.source_id, source_row = excluded.source_row,
         answer_questions = excluded.answer_questions, answer_clauses = excluded.answer_clauses,
         answer_raw_values = excluded.answer_raw_values, answer_scores = excluded.answer_scores, created_at = now()
   where (survey_responses.segments, survey_responses.answer_questions, survey_responses.answer_clauses,
          survey_responses.answer_raw_values, survey_responses.answer_scores)
         is distinct from (excluded.segments, excluded.answer_questions, excluded.answer_clauses,
                           excluded.answer_raw_values, excluded.answer_scores)`;

/**
 * Stores responses with their answers (in the response's row): a key not stored before
 * (community, instrument, response_key) is inserted; a stored one is updated when its answers or
 * segments changed (see UPDATE_CHANGED), and left alone otherwise. Returns for each input in order
 * what happened; a key repeated within the batch counts once, from its first row. One statement
 * whatever the batch size, so a response never lands without its answers.
 */
export async function insertSurveyResponses(db: Db, records: readonly NewSurveyRecord[]): Promise<ResponseOutcome[]> {
  if (records.length === 0) return [];
  const first = firstOfEachKey(records);
  const rows = [...first.values()].map(({ response: r, answers }) => ({
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
  const stored = await sql<{ community_id: string; instrument_id: string; response_key: string; inserted: boolean }>`
    insert into survey_responses (${sql.raw(RESPONSE_COLUMNS)})
    select c, i, k, t, s::jsonb, o, n, q, l, v, p
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(c text, i text, k text, t timestamptz, s text, o text, n integer, q text[], l text[], v text[], p double precision[])
    ${sql.raw(UPDATE_CHANGED)}
    returning community_id, instrument_id, response_key, xmax = 0 as inserted`.execute(db);
  const outcome = new Map(stored.rows.map((row): [string, ResponseOutcome] => [keyOf(row), row.inserted ? true : 'updated']));
  return records.map(({ response }) => {
    const key = keyOf(response);
    return first.get(key)?.response === response ? (outcome.get(key) ?? false) : false;
  });
}

/** Stores one response and its answers (see insertSurveyResponses). */
export async function insertSurveyResponse(db: Db, response: NewSurveyResponse, answers: readonly NewSurveyAnswer[]): Promise<ResponseOutcome> {
  const [outcome] = await insertSurveyResponses(db, [{ response, answers }]);
  return outcome ?? false;
}

/** How many of a batch's responses were new and how many stored ones changed; the rest were stored before as they are. */
export interface StoredCounts {
  new: number;
  updated: number;
}

/** Stores a batch of an import: see surveyResponseWriter. */
export type SurveyBatchWriter = (db: Db, records: readonly NewSurveyRecord[], turn?: Promise<void>) => Promise<StoredCounts>;

/**
 * Like insertSurveyResponses, for one bulk import: a function that stores a batch and says how many
 * of its records were new or changed. On PostgreSQL (a handle from createDb, not a transaction) it
 * streams the batch in binary COPY straight into survey_responses, committing when `turn` settles;
 * when the unique key refuses a row (stored before, or by another import meanwhile) the batch is
 * stored the careful way instead — COPY into a staging table, then INSERT … ON CONFLICT DO UPDATE
 * where a stored response changed — and so is every later batch of the import, so a re-import
 * pays for one refused row. Elsewhere (PGlite, or inside a transaction) it goes through
 * insertSurveyResponses. The same rows land either way.
 *
 * `turn` (see importTable's writesInFlight) settles when every earlier batch is stored. A batch may
 * COPY while an earlier one is still being written, unless it repeats one of that batch's keys: it
 * then waits its turn and goes the careful way, so batches land as if one after the other (a key
 * repeated in a later batch updates the response when it changed, as a later import would; the
 * importer keeps a respondent's first row, see RespondentsSeen).
 */
export function surveyResponseWriter(): SurveyBatchWriter {
  // Keys of this import's batches that are being written and not yet committed.
  const writing = new Set<ReadonlySet<string>>();
  let careful = false;
  return async (db, records, turn = Promise.resolve()) => {
    const pool = postgresPool(db);
    if (!pool || records.length === 0) {
      await turn;
      return countOutcomes(await insertSurveyResponses(db, records));
    }
    const batch = firstOfEachKey(records);
    const repeatsEarlier = [...writing].some((inFlight) => [...batch.keys()].some((key) => inFlight.has(key)));
    const keys: ReadonlySet<string> = new Set(batch.keys());
    writing.add(keys);
    const fresh = [...batch.values()];
    const client = await pool.connect();
    try {
      if (!careful && !repeatsEarlier) {
        try {
          return { new: await copyStraight(client, fresh, turn), updated: 0 };
        } catch (error) {
          if (!isKeyRefused(error)) throw error;
          careful = true;
        }
      }
      return await copyThroughStaging(client, fresh, turn);
    } finally {
      writing.delete(keys);
      client.release();
    }
  };
}

/** A batch written on its own (no earlier batch in flight): see surveyResponseWriter. */
export function storeSurveyResponses(db: Db, records: readonly NewSurveyRecord[], turn?: Promise<void>): Promise<StoredCounts> {
  return surveyResponseWriter()(db, records, turn);
}

function countOutcomes(outcomes: readonly ResponseOutcome[]): StoredCounts {
  const counts = { new: 0, updated: 0 };
  for (const outcome of outcomes) if (outcome !== false) counts[outcome === true ? 'new' : 'updated']++;
  return counts;
}

/** The batch by key, each key holding its first row (in file order). */
function firstOfEachKey(records: readonly NewSurveyRecord[]): Map<string, NewSurveyRecord> {
  const first = new Map<string, NewSurveyRecord>();
  for (const record of records) {
    const key = keyOf(record.response);
    if (!first.has(key)) first.set(key, record);
  }
  return first;
}

async function copyStraight(client: pg.PoolClient, records: readonly NewSurveyRecord[], turn: Promise<void>): Promise<number> {
  try {
    await client.query('begin');
    // COPY checks every key, foreign key and CHECK as INSERT does, without INSERT … SELECT's staging
    // table and speculative insertion: ~0.4 s less server time per 100,000 responses (bench/import-costs.ts).
    if (records.length > 0) await copyResponses(client, 'survey_responses', records);
    await turn;
    await client.query('commit');
    return records.length;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function copyThroughStaging(client: pg.PoolClient, records: readonly NewSurveyRecord[], turn: Promise<void>): Promise<StoredCounts> {
  try {
    await turn;
    await client.query('begin');
    // No keys, no checks, gone at commit: COPY into it is as fast as COPY goes.
    await client.query(`create temporary table survey_responses_stage on commit drop as select ${RESPONSE_COLUMNS} from survey_responses with no data`);
    await copyResponses(client, 'survey_responses_stage', records);
    // ON CONFLICT waits for (then compares with) a key another import is storing at the same moment.
    const result = await client.query<{ new: number; updated: number }>(
      `with stored as (
         insert into survey_responses (${RESPONSE_COLUMNS}) select ${RESPONSE_COLUMNS} from survey_responses_stage
         ${UPDATE_CHANGED}
         returning xmax = 0 as inserted)
       select (count(*) filter (where inserted))::int as new, (count(*) filter (where not inserted))::int as updated from stored`,
    );
    await client.query('commit');
    return result.rows[0] ?? { new: 0, updated: 0 };
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
