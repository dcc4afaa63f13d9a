import { type Insertable, sql } from 'kysely';
import type { Db } from '../database.ts';
import type { SurveyAnswersTable, SurveyResponsesTable } from '../schema.ts';

export type NewSurveyResponse = Insertable<SurveyResponsesTable>;
export type NewSurveyAnswer = Omit<Insertable<SurveyAnswersTable>, 'community_id' | 'response_id'>;

/** One response as read from an export, with its answers. */
export interface NewSurveyRecord {
  response: NewSurveyResponse;
  answers: readonly NewSurveyAnswer[];
}

/**
 * Stores responses and their answers, skipping responses whose key was stored before (community,
 * instrument, response_key); returns for each input in order whether it was new (a key repeated
 * within the batch counts once, the first time). Two statements whatever the batch size: the
 * responses in one INSERT … SELECT FROM json_to_recordset … ON CONFLICT DO NOTHING RETURNING, then
 * the answers of the new ones only. Call it inside a transaction so a response never lands without
 * its answers.
 */
export async function insertSurveyResponses(db: Db, records: readonly NewSurveyRecord[]): Promise<boolean[]> {
  if (records.length === 0) return [];
  const responses = records.map(({ response: r }) => ({
    c: r.community_id,
    i: r.instrument_id,
    k: r.response_key,
    t: r.submitted_at,
    s: typeof r.segments === 'string' ? r.segments : JSON.stringify(r.segments ?? {}),
    o: r.source_id,
    n: r.source_row,
  }));
  // One JSON parameter rather than seven per row: no limit on the batch, one plan, on pg and PGlite alike.
  const inserted = await sql<{ id: number; community_id: string; instrument_id: string; response_key: string }>`
    insert into survey_responses (community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row)
    select c, i, k, t, s::jsonb, o, n
    from json_to_recordset(${JSON.stringify(responses)}::json) as r(c text, i text, k text, t timestamptz, s text, o text, n integer)
    on conflict (community_id, instrument_id, response_key) do nothing
    returning id, community_id, instrument_id, response_key`.execute(db);

  const ids = new Map(inserted.rows.map((row) => [keyOf(row), Number(row.id)]));
  const answers: { c: string; r: number; q: string; l: string | null; v: string | null; s: number | null }[] = [];
  const fresh = records.map(({ response, answers: given }) => {
    const key = keyOf(response);
    const id = ids.get(key);
    if (id === undefined) return false;
    ids.delete(key);
    for (const answer of given) {
      answers.push({ c: response.community_id, r: id, q: answer.question_id, l: answer.clause_id ?? null, v: answer.raw_value ?? null, s: answer.score ?? null });
    }
    return true;
  });
  if (answers.length > 0) {
    // The responses are new, so their answers cannot conflict.
    await sql`
      insert into survey_answers (community_id, response_id, question_id, clause_id, raw_value, score)
      select c, r, q, l, v, s
      from json_to_recordset(${JSON.stringify(answers)}::json) as a(c text, r bigint, q text, l text, v text, s double precision)`.execute(db);
  }
  return fresh;
}

/** Stores one response and its answers unless its key was stored before; true when new. */
export async function insertSurveyResponse(db: Db, response: NewSurveyResponse, answers: readonly NewSurveyAnswer[]): Promise<boolean> {
  const [fresh] = await insertSurveyResponses(db, [{ response, answers }]);
  return fresh ?? false;
}

function keyOf(row: { community_id: string; instrument_id: string; response_key: string }): string {
  return `${row.community_id}\u0000${row.instrument_id}\u0000${row.response_key}`;
}
