import { once } from 'node:events';
import { type Insertable, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, postgresPool } from '../database.ts';
import { BinaryCopyWriter } from './copy-binary.ts';
import type { SurveyAnswersTable, SurveyResponsesTable } from '../schema.ts';

export type NewSurveyResponse = Omit<Insertable<SurveyResponsesTable>, 'answer_questions' | 'answer_clauses' | 'answer_raw_values' | 'answer_scores'>;
export type NewSurveyAnswer = Omit<Insertable<SurveyAnswersTable>, 'community_id' | 'response_id'>;

/** One response as read from an export, with its answers. */
export interface NewSurveyRecord {
  response: NewSurveyResponse;
  answers: readonly NewSurveyAnswer[];
}

const COLUMNS = 'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, answer_questions, answer_clauses, answer_raw_values, answer_scores';

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
    insert into survey_responses (${sql.raw(COLUMNS)})
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

/**
 * Like insertSurveyResponses, for a bulk import: says how many of the records were new. On
 * PostgreSQL (a handle from createDb, not a transaction) the rows stream in binary COPY into a
 * temporary table without keys or checks, and move on into survey_responses with one INSERT …
 * SELECT … ON CONFLICT DO NOTHING, in one transaction; elsewhere (PGlite, or inside a
 * transaction) through insertSurveyResponses. The same rows land either way.
 *
 * `turn` (see importTable's writesInFlight) settles when every earlier batch is stored: the COPY
 * runs before it, the INSERT after it, so a key repeated in a later batch finds the first one.
 */
export async function storeSurveyResponses(db: Db, records: readonly NewSurveyRecord[], turn: Promise<void> = Promise.resolve()): Promise<number> {
  const pool = postgresPool(db);
  if (!pool || records.length === 0) {
    await turn;
    return (await insertSurveyResponses(db, records)).filter(Boolean).length;
  }
  const client = await pool.connect();
  try {
    await client.query('begin');
    // No keys, no checks, gone at commit: COPY into it is as fast as COPY goes.
    await client.query(`create temporary table survey_responses_stage on commit drop as select ${COLUMNS} from survey_responses with no data`);
    const copy = client.query(copyFrom(`copy survey_responses_stage (${COLUMNS}) from stdin with (format binary)`));
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    const rows = new BinaryCopyWriter(COPY_CHUNK);
    // A key repeated within the batch: the first row (in file order) is the one staged, as above.
    const keys = new Set<string>();
    for (const record of records) {
      const key = keyOf(record.response);
      if (keys.has(key)) continue;
      keys.add(key);
      copyRow(rows, record);
      // Backpressure: wait for the socket rather than queue the whole batch in memory twice.
      if (rows.length >= COPY_CHUNK && !copy.write(rows.take())) await Promise.race([once(copy, 'drain'), done]);
    }
    copy.end(rows.take(true));
    await done;
    await turn;
    // ON CONFLICT rather than an anti-join and plain inserts: measured alike per new row, and it
    // probes the key index row by row whatever the planner thinks of the staging table, and waits
    // for (then skips) a key another import is storing at the same moment.
    const inserted = await client.query(
      `insert into survey_responses (${COLUMNS}) select ${COLUMNS} from survey_responses_stage on conflict (community_id, instrument_id, response_key) do nothing`,
    );
    await client.query('commit');
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const COPY_CHUNK = 1 << 20;

/** One response as a row of binary COPY, in COLUMNS' order and types. */
function copyRow(rows: BinaryCopyWriter, { response: r, answers }: NewSurveyRecord): void {
  const submitted = r.submitted_at instanceof Date ? r.submitted_at : new Date(r.submitted_at);
  if (Number.isNaN(submitted.getTime())) throw new RangeError(`response ${r.response_key}: not a time: ${String(r.submitted_at)}`);
  rows.row(11);
  rows.text(r.community_id);
  rows.text(r.instrument_id);
  rows.text(r.response_key);
  rows.timestamptz(submitted);
  rows.jsonb(typeof r.segments === 'string' ? r.segments : JSON.stringify(r.segments ?? {}));
  rows.text(r.source_id);
  rows.int4(r.source_row);
  rows.textArray(answers, questionOf);
  rows.textArray(answers, clauseOf);
  rows.textArray(answers, rawValueOf);
  rows.float8Array(answers, scoreOf);
}

const questionOf = (a: NewSurveyAnswer) => a.question_id;
const clauseOf = (a: NewSurveyAnswer) => a.clause_id;
const rawValueOf = (a: NewSurveyAnswer) => a.raw_value;
const scoreOf = (a: NewSurveyAnswer) => a.score;

function keyOf(row: { community_id: string; instrument_id: string; response_key: string }): string {
  return `${row.community_id}\u0000${row.instrument_id}\u0000${row.response_key}`;
}
