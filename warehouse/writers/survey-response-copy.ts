import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryCopyWriter } from './copy-binary.ts';
import type { NewSurveyAnswer, NewSurveyRecord } from './survey-responses.ts';

/** The columns a response is written with, in binary COPY's order. */
export const RESPONSE_COLUMNS =
  'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, answer_questions, answer_clauses, answer_raw_values, answer_scores';

const COPY_CHUNK = 1 << 20;

/** Streams responses in binary COPY into `table` (survey_responses, or a staging table of its columns). */
export async function copyResponses(client: pg.PoolClient, table: string, records: Iterable<NewSurveyRecord>): Promise<void> {
  const copy = client.query(copyFrom(`copy ${table} (${RESPONSE_COLUMNS}) from stdin with (format binary)`));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  const rows = new BinaryCopyWriter(COPY_CHUNK);
  for (const record of records) {
    copyRow(rows, record);
    // Backpressure: wait for the socket rather than queue the whole batch in memory twice.
    if (rows.length >= COPY_CHUNK && !copy.write(rows.take())) await Promise.race([once(copy, 'drain'), done]);
  }
  copy.end(rows.take(true));
  await done;
}

/** One response as a row of binary COPY, in RESPONSE_COLUMNS' order and types. */
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
