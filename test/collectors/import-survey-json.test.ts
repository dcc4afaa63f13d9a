import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';
import { importSurveyJson } from '../../collectors/survey/import-survey-json.ts';
import { JsonFileError } from '../../collectors/shared/json-records-file.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { countRows } from './table-counts.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/remote');
const instrument = loadInstrument(resolve(fixtures, 'surveyjs-instrument.yaml'));
const pseudonymKey = 'test-pseudonym-key';

describe.each(drivers)('importSurveyJson on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('reads matrix rows and checkbox arrays, rejects bad records by position and field, and lands the rest', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'surveyjs-results.json');
    const summary = await importSurveyJson(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ source_id: 'survey-expat-pulse', read: 5, new: 2, duplicate: 0, rejected: 3 });

    const responses = await db.selectFrom('survey_responses').selectAll().orderBy('source_row').execute();
    expect(responses.map((r) => [r.source_row, r.submitted_at.toISOString(), r.segments])).toEqual([
      [1, '2026-03-02T01:15:00.000Z', { language: 'en', services_used: 'visa, housing' }],
      [2, '2026-03-03T02:00:00.000Z', { services_used: 'visa' }],
    ]);
    expect(JSON.stringify(responses)).not.toContain('R-1');
    const answers = await db.selectFrom('survey_answers').select(['question_id', 'raw_value', 'score']).orderBy('response_id').orderBy('question_id').execute();
    expect(answers).toEqual([
      { question_id: 'housing', raw_value: '满意', score: 75 },
      { question_id: 'recommend', raw_value: '9', score: 90 },
      { question_id: 'visa', raw_value: '4', score: 75 },
      // SurveyJS leaves an unanswered matrix row out: it leaves the base.
      { question_id: 'housing', raw_value: null, score: null },
      { question_id: 'recommend', raw_value: '10', score: 100 },
      { question_id: 'visa', raw_value: '5', score: 100 },
    ]);

    const rejects = await db.selectFrom('rejects').select(['location', 'row', 'field', 'value', 'reason']).orderBy('row').execute();
    expect(rejects).toEqual([
      { location: file, row: 3, field: 'quality.visa', value: '7', reason: '7 is outside 1–5' },
      { location: file, row: 4, field: 'nps', value: '7, 8', reason: '2 answers (a multi-select) where the scale takes one' },
      { location: file, row: 5, field: null, value: null, reason: 'expected a JSON object per response, found string' },
    ]);

    const before = await countRows(db, ['survey_responses', 'survey_answers']);
    expect(await importSurveyJson(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 0, duplicate: 2, rejected: 3 });
    expect(await countRows(db, ['survey_responses', 'survey_answers'])).toEqual(before);
  });

  it('keeps the first record of a respondent repeated in the file, and updates a respondent whose answers a later file changed', async () => {
    const { db } = database;
    const dir = mkdtempSync(join(tmpdir(), 'surveyjs-'));
    const write = (name: string, records: object[]) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(records));
      return file;
    };
    const first = { respondentId: 'R-1', completedAt: '2026-03-02 09:15', quality: { visa: 2 }, nps: 3 };
    const other = { respondentId: 'R-2', completedAt: '2026-03-02 10:15', quality: { visa: 5 }, nps: 10 };
    const file = write('results.json', [first, other, { ...first, quality: { visa: 5 } }]);
    expect(await importSurveyJson(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 2, duplicate: 1 });
    expect(await importSurveyJson(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 0, duplicate: 3 });
    const visa = async () => (await db.selectFrom('survey_answers').select('raw_value').where('question_id', '=', 'visa').orderBy('response_id').execute()).map((a) => a.raw_value);
    expect(await visa()).toEqual(['2', '5']);

    const later = write('later.json', [{ ...first, quality: { visa: 4 } }, other]);
    expect(await importSurveyJson(db, { file: later, instrument, pseudonymKey })).toMatchObject({ new: 0, updated: 1, duplicate: 1 });
    expect(await visa()).toEqual(['4', '5']);
  });

  it('stores the instrument, so its metrics can be asked for right after the import', async () => {
    const { db } = database;
    await importSurveyJson(db, { file: resolve(fixtures, 'surveyjs-results.json'), instrument, pseudonymKey });
    const metrics = await surveyMetrics(db, { instrumentId: 'expat-pulse', timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(metrics.cells.map((cell) => [cell.question, cell.suppressed ? null : cell.n])).toEqual([
      ['visa', 2],
      ['housing', 1],
      ['recommend', 2],
    ]);
  });

  it('reads NDJSON line by line: identical anonymous responses stay apart, a broken line is a reject naming it', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'surveyjs-anonymous.ndjson');
    expect(await importSurveyJson(db, { file, instrument, pseudonymKey })).toMatchObject({ read: 4, new: 3, rejected: 1 });
    const reject = await db.selectFrom('rejects').select(['row', 'reason']).executeTakeFirstOrThrow();
    expect(reject.row).toBe(4);
    expect(reject.reason).toMatch(/^not valid JSON/);
    expect(await importSurveyJson(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 0, duplicate: 3 });
  });

  it('refuses a file none of whose records has the submission time field, naming it and the alternatives, storing nothing', async () => {
    const { db } = database;
    const undated = { ...instrument, submitted_at: 'submittedOn' };
    const file = resolve(fixtures, 'surveyjs-results.json');
    await expect(importSurveyJson(db, { file, instrument: undated, pseudonymKey })).rejects.toThrow(
      /no record has the submission time field "submittedOn" of instrument "expat-pulse" \(give the instrument submitted_at: .*submitted_on: YYYY-MM-DD/,
    );
    expect(await countRows(db, ['survey_responses', 'rejects'])).toEqual({ survey_responses: 0, rejects: 0 });
    // A fixed day instead: the records land.
    const oneDay = { ...instrument, submitted_at: undefined, submitted_on: '2026-03-02' };
    expect(await importSurveyJson(db, { file, instrument: oneDay, pseudonymKey })).toMatchObject({ new: 2 });
  });

  it('refuses a file none of whose records has a question of the instrument, storing nothing', async () => {
    const { db } = database;
    const other = { ...instrument, questions: instrument.questions.map((q) => ({ ...q, column: `other.${q.id}` })) };
    const file = resolve(fixtures, 'surveyjs-results.json');
    await expect(importSurveyJson(db, { file, instrument: other, pseudonymKey })).rejects.toThrow(JsonFileError);
    await expect(importSurveyJson(db, { file, instrument: other, pseudonymKey })).rejects.toThrow(/no record has any question of instrument "expat-pulse" \(first record's fields: respondentId, completedAt/);
    expect(await countRows(db, ['survey_responses', 'collector_runs'])).toEqual({ survey_responses: 0, collector_runs: 0 });
  });
});
