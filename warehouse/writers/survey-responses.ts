import { once } from 'node:events';
import { type Insertable, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, postgresPool } from '../database.ts';
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
 * PostgreSQL (a handle from createDb, not a transaction) the rows stream into a temporary table
 * with COPY and move on with one INSERT … ON CONFLICT DO NOTHING, in one transaction; elsewhere
 * (PGlite, or inside a transaction) through insertSurveyResponses. The same rows land either way.
 */
export async function storeSurveyResponses(db: Db, records: readonly NewSurveyRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const pool = postgresPool(db);
  if (!pool) return (await insertSurveyResponses(db, records)).filter(Boolean).length;
  const client = await pool.connect();
  try {
    await client.query('begin');
    // No keys, no checks, gone at commit: COPY into it is as fast as COPY goes.
    await client.query(`create temporary table survey_responses_stage on commit drop as select ${COLUMNS} from survey_responses with no data`);
    const copy = client.query(copyFrom(`copy survey_responses_stage (${COLUMNS}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let chunk = '';
    for (const record of records) {
      chunk += copyLine(record);
      // Backpressure: wait for the socket rather than queue the whole batch in memory twice.
      if (chunk.length >= 1 << 16) {
        if (!copy.write(chunk)) await Promise.race([once(copy, 'drain'), done]);
        chunk = '';
      }
    }
    copy.end(chunk);
    await done;
    // In file order, so of two rows with one key the first is the one that lands (as above).
    const inserted = await client.query(`insert into survey_responses (${COLUMNS}) select ${COLUMNS} from survey_responses_stage on conflict (community_id, instrument_id, response_key) do nothing`);
    await client.query('commit');
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One response as a line of COPY's text format (tab-separated, \N for null, backslash escapes). */
function copyLine({ response: r, answers }: NewSurveyRecord): string {
  const submitted = r.submitted_at instanceof Date ? r.submitted_at.toISOString() : String(r.submitted_at);
  const segments = typeof r.segments === 'string' ? r.segments : JSON.stringify(r.segments ?? {});
  let questions = '{';
  let clauses = '{';
  let raws = '{';
  let scores = '{';
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i] as NewSurveyAnswer;
    const comma = i === 0 ? '' : ',';
    questions += comma + arrayElement(a.question_id);
    clauses += comma + arrayElement(a.clause_id ?? null);
    raws += comma + arrayElement(a.raw_value ?? null);
    scores += comma + (a.score == null ? 'NULL' : String(a.score));
  }
  return `${copyField(r.community_id)}\t${copyField(r.instrument_id)}\t${copyField(r.response_key)}\t${copyField(submitted)}\t${copyField(segments)}\t${copyField(r.source_id)}\t${r.source_row}\t${copyField(`${questions}}`)}\t${copyField(`${clauses}}`)}\t${copyField(`${raws}}`)}\t${copyField(`${scores}}`)}\n`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : value;
}

const ARRAY_SPECIAL = /["\\]/;

/** An element of an array literal, always quoted (so commas, braces, spaces and the word NULL stay text). */
function arrayElement(value: string | null): string {
  if (value === null) return 'NULL';
  return `"${ARRAY_SPECIAL.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
}

function keyOf(row: { community_id: string; instrument_id: string; response_key: string }): string {
  return `${row.community_id}\u0000${row.instrument_id}\u0000${row.response_key}`;
}
