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
    const records = [record('k1', 2, awkward), record('k2', 3, [null, '5']), record('k3', 4, ['first']), record('k0', 5, []), record('k3', 6, ['later'])];
    expect(await storeSurveyResponses(db, records)).toEqual({ new: 4, updated: 0 });
    const empty = await db.selectFrom('survey_responses').select(['answer_questions', 'answer_clauses', 'answer_raw_values', 'answer_scores']).where('response_key', '=', 'k0').executeTakeFirstOrThrow();
    expect(empty).toEqual({ answer_questions: [], answer_clauses: [], answer_raw_values: [], answer_scores: [] });
    const bulk = await stored(db);
    expect(bulk.filter((a) => a.response_key === 'k1').map((a) => a.raw_value)).toEqual(awkward);
    expect(bulk.find((a) => a.response_key === 'k1')).toMatchObject({ source_row: 2, segments: { language: 'zh\t"x"' }, submitted_at: '2026-03-02T01:15:00.000Z' });
    expect(bulk.filter((a) => a.response_key === 'k2')).toMatchObject([{ raw_value: null, score: null, clause_id: '8.1.2' }, { raw_value: '5', score: 10, clause_id: null }]);
    expect(bulk.filter((a) => a.response_key === 'k3')).toMatchObject([{ raw_value: 'first', source_row: 4 }]);

    // Again: nothing new, nothing changed.
    expect(await storeSurveyResponses(db, records)).toEqual({ new: 0, updated: 0 });
    expect(await insertSurveyResponses(db, records)).toEqual([false, false, false, false, false]);
    expect(await stored(db)).toEqual(bulk);

    // The other path stores the same rows.
    await db.deleteFrom('survey_responses').execute();
    expect(await insertSurveyResponses(db, records)).toEqual([true, true, true, true, false]);
    expect(await stored(db)).toEqual(bulk);
  });

  it.each([
    ['the bulk writer', async (db: Db, records: NewSurveyRecord[]) => storeSurveyResponses(db, records)],
    ['one statement', async (db: Db, records: NewSurveyRecord[]) => insertSurveyResponses(db, records)],
  ])('brings a stored response up to date when its answers or segments change, through %s, keeping its submission time', async (_path, write) => {
    const { db } = database;
    await storeSurveyResponses(db, [record('k1', 2, ['3', '4']), record('k2', 3, ['5']), record('k3', 4, ['1'])]);
    const before = await db.selectFrom('survey_responses').select(['id', 'response_key', 'created_at']).orderBy('response_key').execute();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const edited = record('k1', 7, ['3', '2']);
    // Re-exported in another zone: the time moved, the answers did not.
    edited.response.submitted_at = new Date(Date.UTC(2026, 2, 2, 9, 15));
    const moved = record('k2', 8, ['5']);
    moved.response.submitted_at = edited.response.submitted_at;
    const resegmented = record('k3', 9, ['1']);
    resegmented.response.segments = JSON.stringify({ language: 'en' });
    const outcome = await write(db, [edited, moved, resegmented, record('k4', 10, ['4'])]);
    expect(outcome).toEqual(Array.isArray(outcome) ? ['updated', false, 'updated', true] : { new: 1, updated: 2 });

    const after = await db.selectFrom('survey_responses').select(['id', 'response_key', 'source_row', 'submitted_at', 'segments', 'answer_raw_values', 'answer_scores', 'created_at']).orderBy('response_key').execute();
    const k = (key: string) => after.find((row) => row.response_key === key);
    expect(k('k1')).toMatchObject({ id: before[0]?.id, source_row: 7, answer_raw_values: ['3', '2'], answer_scores: [0, 10] });
    expect(new Date(k('k1')?.submitted_at as Date).toISOString()).toBe('2026-03-02T01:15:00.000Z');
    // Changed responses count as stored now, so the 差评 scan reads them again; unchanged ones keep their time.
    expect(new Date(k('k1')?.created_at as Date).getTime()).toBeGreaterThan(new Date(before[0]?.created_at as Date).getTime());
    expect(k('k2')).toMatchObject({ source_row: 3 });
    expect(new Date(k('k2')?.created_at as Date).getTime()).toBe(new Date(before[1]?.created_at as Date).getTime());
    expect(k('k3')).toMatchObject({ source_row: 9, segments: { language: 'en' } });
    expect(after).toHaveLength(4);
  });

  it('rejects a score outside 0–100 and stores nothing of the batch', async () => {
    const { db } = database;
    const bad = record('k3', 5, ['x']);
    bad.answers = [{ question_id: 'q1', clause_id: null, raw_value: 'x', score: 101 }];
    await expect(storeSurveyResponses(db, [record('k4', 6, ['ok']), bad])).rejects.toThrow(/answer_scores_range/);
    expect(await db.selectFrom('survey_responses').select('id').execute()).toEqual([]);
  });

  it("stores an import's batches as if one after the other: a key of an earlier batch, in flight or stored, is brought up to date", async () => {
    const { db } = database;
    await storeSurveyResponses(db, [record('old', 1, ['before'])]);
    const write = surveyResponseWriter();
    // The second batch starts while the first is being written (as importTable does), and repeats k1.
    let release = () => undefined as void;
    const firstTurn = new Promise<void>((resolve) => (release = resolve));
    const first = write(db, [record('k1', 2, ['first']), record('k2', 3, ['a'])], firstTurn);
    const second = write(db, [record('k1', 4, ['later']), record('k3', 5, ['b'])], first.then(() => undefined));
    release();
    expect(await Promise.all([first, second])).toEqual([{ new: 2, updated: 0 }, { new: 1, updated: 1 }]);
    // A batch holding a key stored before (a longer export of the same survey, whose respondent
    // changed an answer): its new rows land, that response is updated, and the next batch's rows
    // land too; a repeat as it was changes nothing.
    expect(await write(db, [record('k4', 6, ['c']), record('old', 7, ['again']), record('k5', 8, ['d'])])).toEqual({ new: 2, updated: 1 });
    expect(await write(db, [record('k6', 9, ['e']), record('k2', 10, ['a'])])).toEqual({ new: 1, updated: 0 });
    const rows = await db.selectFrom('survey_responses').select(['response_key', 'source_row']).orderBy('response_key').execute();
    expect(rows).toEqual([
      { response_key: 'k1', source_row: 4 },
      { response_key: 'k2', source_row: 3 },
      { response_key: 'k3', source_row: 5 },
      { response_key: 'k4', source_row: 6 },
      { response_key: 'k5', source_row: 8 },
      { response_key: 'k6', source_row: 9 },
      { response_key: 'old', source_row: 7 },
    ]);
  });
});
