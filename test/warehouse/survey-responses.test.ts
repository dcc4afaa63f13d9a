import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, postgresPool } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { insertSurveyResponses, type NewSurveyRecord, storeSurveyResponses, surveyResponseWriter } from '../../warehouse/writers/survey-responses.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// Answers a person could type that COPY's text format and array literals both treat specially.
// Long ones too: the binary COPY writer copies short ASCII byte by byte and hands the rest to Buffer.
const awkward = ['a\tb', 'line\nbreak\r\nend', 'back\\slash', '"quoted"', '{braces}, comma', 'NULL', ' spaced ', '', '满意', 'x'.repeat(40), '很长的回答，'.repeat(20), 'ascii then 满意'];

function record(key: string, row: number, raw: readonly (string | null)[]): NewSurveyRecord {
  return {
    response: {
      community_id: 'c1', instrument_id: 'i', response_key: key, submitted_at: new Date(Date.UTC(2026, 2, 2, 1, 15)),
      segments: JSON.stringify({ language: 'zh\t"x"' }), source_id: 's1', source_row: row,
    },
    answers: raw.map((value, i) => ({ question_id: `q${String(i + 1).padStart(2, '0')}`, clause_id: i % 2 === 0 ? '8.1.2' : null, raw_value: value, score: value === null ? null : (i * 10) % 100 })),
  };
}

async function stored(db: Db) {
  const answers = await db.selectFrom('survey_answers as a').innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .select(['r.response_key', 'r.source_row', 'r.segments', 'r.submitted_at', 'a.question_id', 'a.clause_id', 'a.raw_value', 'a.score'])
    .orderBy('r.response_key').orderBy('a.question_id').execute();
  return answers.map((a) => ({ ...a, submitted_at: new Date(a.submitted_at).toISOString() }));
}

describe.each(drivers)('storing survey responses on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
    await ensureCommunity(database.db, { id: 'c1' });
    await ensureSource(database.db, { id: 's1', kind: 'survey', community_id: 'c1', name: 's', location: 'x.csv', reach: 1 });
  });
  afterEach(() => database.close());

  it('stores any answer text exactly, counts only new responses, and the first of a repeated key wins', async () => {
    const { db } = database;
    // On PostgreSQL the bulk path streams COPY; the one-by-one path is the JSON statement: both must agree.
    expect(postgresPool(db) !== undefined).toBe(driver.name === 'postgres');
    const records = [record('k1', 2, awkward), record('k2', 3, [null, '5']), record('k1', 4, ['later']), record('k0', 5, [])];
    expect(await storeSurveyResponses(db, records)).toBe(3);
    const empty = await db.selectFrom('survey_responses').select(['answer_questions', 'answer_clauses', 'answer_raw_values', 'answer_scores']).where('response_key', '=', 'k0').executeTakeFirstOrThrow();
    expect(empty).toEqual({ answer_questions: [], answer_clauses: [], answer_raw_values: [], answer_scores: [] });
    const bulk = await stored(db);
    expect(bulk.filter((a) => a.response_key === 'k1').map((a) => a.raw_value)).toEqual(awkward);
    expect(bulk.find((a) => a.response_key === 'k1')).toMatchObject({ source_row: 2, segments: { language: 'zh\t"x"' }, submitted_at: '2026-03-02T01:15:00.000Z' });
    expect(bulk.filter((a) => a.response_key === 'k2')).toMatchObject([{ raw_value: null, score: null, clause_id: '8.1.2' }, { raw_value: '5', score: 10, clause_id: null }]);

    // Again: nothing new, nothing changed.
    expect(await storeSurveyResponses(db, records)).toBe(0);
    expect(await insertSurveyResponses(db, records)).toEqual([false, false, false, false]);
    expect(await stored(db)).toEqual(bulk);

    // The other path stores the same rows.
    await db.deleteFrom('survey_responses').execute();
    expect(await insertSurveyResponses(db, records)).toEqual([true, true, false, true]);
    expect(await stored(db)).toEqual(bulk);
  });

  it('rejects a score outside 0–100 and stores nothing of the batch', async () => {
    const { db } = database;
    const bad = record('k3', 5, ['x']);
    bad.answers = [{ question_id: 'q1', clause_id: null, raw_value: 'x', score: 101 }];
    await expect(storeSurveyResponses(db, [record('k4', 6, ['ok']), bad])).rejects.toThrow(/answer_scores_range/);
    expect(await db.selectFrom('survey_responses').select('id').execute()).toEqual([]);
  });

  it("stores an import's batches once each: a key of a batch still in flight or stored before is skipped, the first row kept", async () => {
    const { db } = database;
    await storeSurveyResponses(db, [record('old', 1, ['before'])]);
    const write = surveyResponseWriter();
    // The second batch starts while the first is being written (as importTable does), and repeats k1.
    let release = () => undefined as void;
    const firstTurn = new Promise<void>((resolve) => (release = resolve));
    const first = write(db, [record('k1', 2, ['first']), record('k2', 3, ['a'])], firstTurn);
    const second = write(db, [record('k1', 4, ['later']), record('k3', 5, ['b'])], first.then(() => undefined));
    release();
    expect(await Promise.all([first, second])).toEqual([2, 1]);
    // A batch holding a key stored before (a longer export of the same survey): its new rows land,
    // and so do the next batch's.
    expect(await write(db, [record('k4', 6, ['c']), record('old', 7, ['again']), record('k5', 8, ['d'])])).toBe(2);
    expect(await write(db, [record('k6', 9, ['e']), record('k2', 10, ['again'])])).toBe(1);
    const rows = await db.selectFrom('survey_responses').select(['response_key', 'source_row']).orderBy('response_key').execute();
    expect(rows).toEqual([
      { response_key: 'k1', source_row: 2 },
      { response_key: 'k2', source_row: 3 },
      { response_key: 'k3', source_row: 5 },
      { response_key: 'k4', source_row: 6 },
      { response_key: 'k5', source_row: 8 },
      { response_key: 'k6', source_row: 9 },
      { response_key: 'old', source_row: 1 },
    ]);
  });
});
