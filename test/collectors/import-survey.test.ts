import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instrumentSchema, loadInstrument } from '../../config/instrument.ts';
import { MissingColumnError } from '../../collectors/shared/csv-header.ts';
import { importSurveyCsv } from '../../collectors/survey/import-survey.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { countRows } from './table-counts.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const instrument = loadInstrument(resolve(fixtures, 'resident-instrument.yaml'));
const pseudonymKey = 'test-pseudonym-key';
const tables = ['survey_responses', 'survey_answers', 'rejects', 'sources', 'communities'] as const;

describe.each(drivers)('importSurveyCsv on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('stores responses with answers on 0–100 and pseudonymised respondents', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'resident-survey.csv');
    const summary = await importSurveyCsv(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ source_id: 'survey-resident-2026', read: 5, new: 5, duplicate: 0, rejected: 0 });
    expect(summary.error).toBeUndefined();

    const responses = await db.selectFrom('survey_responses').selectAll().orderBy('source_row').execute();
    expect(responses.map((r) => r.source_row)).toEqual([2, 3, 4, 5, 6]);
    expect(responses.every((r) => /^p:[0-9a-f]{16}$/.test(r.response_key))).toBe(true);
    expect(JSON.stringify(responses)).not.toContain('R-001');
    // 2026-03-02 09:15 in Shanghai is 01:15 UTC.
    expect(responses[0]?.submitted_at.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(responses[0]?.segments).toEqual({ language: 'zh', respondent_type: 'talent' });

    const answers = await db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .select(['r.source_row', 'a.question_id', 'a.clause_id', 'a.raw_value', 'a.score'])
      .orderBy('r.source_row')
      .orderBy('a.question_id')
      .execute();
    const of = (row: number, question: string) => answers.find((a) => a.source_row === row && a.question_id === question);
    expect(of(2, 'visa_service')).toEqual({ source_row: 2, question_id: 'visa_service', clause_id: '8.1.2', raw_value: '满意', score: 75 });
    expect(of(2, 'waiting_too_long')?.score).toBe(75); // reversed: 2 of 5 is good
    expect(of(2, 'recommend')).toMatchObject({ raw_value: '9', score: 90, clause_id: null });
    expect(of(4, 'visa_service')).toMatchObject({ raw_value: "Don't know", score: null });
    expect(of(5, 'visa_service')).toMatchObject({ raw_value: null, score: null });
    expect(of(6, 'visa_service')).toMatchObject({ raw_value: '9', score: null });
    expect(of(6, 'recommend')?.score).toBe(0);

    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: summary.run_id, status: 'ok', error: null });
    expect(run.stats).toMatchObject({ read: 5, new: 5, duplicate: 0, rejected: 0 });
  });

  it('imports the same file twice without changing anything the second time', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'resident-survey.csv');
    await importSurveyCsv(db, { file, instrument, pseudonymKey });
    const before = await countRows(db, tables);
    const second = await importSurveyCsv(db, { file, instrument, pseudonymKey });
    expect(second).toMatchObject({ read: 5, new: 0, duplicate: 5, rejected: 0 });
    expect(await countRows(db, tables)).toEqual(before);
  });

  it('keeps identical anonymous rows as separate responses, and still replays idempotently', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'anonymous-survey.csv');
    expect(await importSurveyCsv(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 3, duplicate: 0 });
    expect(await importSurveyCsv(db, { file, instrument, pseudonymKey })).toMatchObject({ new: 0, duplicate: 3 });
    expect((await countRows(db, ['survey_responses'])).survey_responses).toBe(3);
  });

  it('rejects malformed rows with line, column and reason, and stores the others', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'resident-survey-bad.csv');
    const summary = await importSurveyCsv(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ read: 6, new: 2, rejected: 4 });

    const stored = await db.selectFrom('survey_responses').select('source_row').orderBy('source_row').execute();
    expect(stored.map((r) => r.source_row)).toEqual([2, 7]);

    const rejects = await db.selectFrom('rejects').select(['run_id', 'location', 'row', 'field', 'value', 'reason']).orderBy('row').orderBy('field').execute();
    expect(rejects.every((r) => r.run_id === summary.run_id && r.location === file)).toBe(true);
    expect(rejects.map((r) => [r.row, r.field, r.value])).toEqual([
      [3, null, null],
      [4, 'Submitted', '2026-02-30 10:00'],
      [5, 'Visa service', 'Great'],
      [6, 'Recommend', '11'],
      [6, 'Waiting too long', '7'],
    ]);
    expect(rejects[0]?.reason).toMatch(/expected 7 fields.*found 5/);
    expect(rejects[2]?.reason).toMatch(/unknown answer/);
    expect(rejects[3]?.reason).toMatch(/outside 0–10/);

    const run = await db.selectFrom('collector_runs').select(['status']).executeTakeFirstOrThrow();
    expect(run.status).toBe('partial');
  });

  it('redacts personal data typed into a segment column before storing it, so --by never prints it', async () => {
    const { db } = database;
    const file = join(mkdtempSync(join(tmpdir(), 'segments-')), 'employer.csv');
    writeFileSync(file, ['R,T,Employer,Q', 'a,2026-03-02 09:00,Acme (contact 13812345678),4', 'b,2026-03-02 10:00,jane.doe@example.org,5', 'c,2026-03-02 11:00,Acme,3'].join('\n'));
    const typed = instrumentSchema.parse({
      id: 'typed-segment', community: 'lixia-intl', respondent_id: 'R', submitted_at: 'T', segments: { employer: 'Employer' },
      questions: [{ id: 'q', column: 'Q', scale: { type: 'likert', min: 1, max: 5 } }],
    });
    expect(await importSurveyCsv(db, { file, instrument: typed, pseudonymKey })).toMatchObject({ new: 3, rejected: 0 });
    const stored = await db.selectFrom('survey_responses').select('segments').orderBy('source_row').execute();
    expect(stored.map((row) => row.segments)).toEqual([{ employer: 'Acme (contact [PHONE])' }, { employer: '[EMAIL]' }, { employer: 'Acme' }]);
    const metrics = await surveyMetrics(db, { instrumentId: 'typed-segment', by: 'employer', timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(JSON.stringify(metrics)).not.toMatch(/13812345678|jane\.doe/);
  });

  it('rejects a submission time after the import (a mistyped year) with its row and column', async () => {
    const { db } = database;
    const file = join(mkdtempSync(join(tmpdir(), 'future-')), 'future.csv');
    writeFileSync(file, ['R,T,Q', 'a,2026-03-02 09:00,4', 'b,2062-03-02 10:00,5', 'c,2026-03-02 11:00,3'].join('\n'));
    const plain = instrumentSchema.parse({
      id: 'future-typo', community: 'lixia-intl', respondent_id: 'R', submitted_at: 'T',
      questions: [{ id: 'q', column: 'Q', scale: { type: 'likert', min: 1, max: 5 } }],
    });
    expect(await importSurveyCsv(db, { file, instrument: plain, pseudonymKey })).toMatchObject({ new: 2, rejected: 1 });
    const rejects = await db.selectFrom('rejects').select(['row', 'field', 'value', 'reason']).execute();
    expect(rejects).toEqual([{ row: 3, field: 'T', value: '2062-03-02 10:00', reason: expect.stringMatching(/^after the time of import .*a mistyped year/) }]);
  });

  it('reads submission times in the pattern the instrument gives, in its zone, and names the pattern on a bad one', async () => {
    const { db } = database;
    const file = join(mkdtempSync(join(tmpdir(), 'pattern-')), 'uk.csv');
    writeFileSync(file, ['R,When,Q', 'a,02/03/2026 09:15,4', 'b,31/07/2026 18:00,5', 'c,31/13/2026 10:00,3'].join('\n'));
    const uk = instrumentSchema.parse({
      id: 'uk-dates', community: 'lixia-intl', respondent_id: 'R', submitted_at: 'When', timezone: 'Europe/London', date_format: 'DD/MM/YYYY HH:mm',
      questions: [{ id: 'q', column: 'Q', scale: { type: 'likert', min: 1, max: 5 } }],
    });
    expect(await importSurveyCsv(db, { file, instrument: uk, pseudonymKey })).toMatchObject({ new: 2, rejected: 1 });
    const stored = await db.selectFrom('survey_responses').where('instrument_id', '=', 'uk-dates').select('submitted_at').orderBy('source_row').execute();
    // 2 March is GMT, 31 July is BST (UTC+1).
    expect(stored.map((r) => r.submitted_at.toISOString())).toEqual(['2026-03-02T09:15:00.000Z', '2026-07-31T17:00:00.000Z']);
    const rejects = await db.selectFrom('rejects').select(['row', 'field', 'value', 'reason']).execute();
    expect(rejects).toEqual([{ row: 4, field: 'When', value: '31/13/2026 10:00', reason: 'not a date (expected "DD/MM/YYYY HH:mm", or a wave in wave_dates)' }]);
  });

  it('fails before writing anything when a column the instrument reads is in the header twice', async () => {
    const { db } = database;
    const file = join(mkdtempSync(join(tmpdir(), 'twice-')), 'twice.csv');
    // The second Q is a re-coded copy someone added: which one holds the answers is not ours to guess.
    writeFileSync(file, ['R,T,Q,Note,Q', 'a,2026-03-02 09:00,4,,2', 'b,2026-03-02 10:00,5,,1'].join('\n'));
    const plain = instrumentSchema.parse({
      id: 'twice', community: 'lixia-intl', respondent_id: 'R', submitted_at: 'T',
      questions: [{ id: 'q', column: 'Q', scale: { type: 'likert', min: 1, max: 5 } }],
    });
    const failure = importSurveyCsv(db, { file, instrument: plain, pseudonymKey });
    await expect(failure).rejects.toThrow(MissingColumnError);
    await expect(failure).rejects.toThrow(/twice\.csv: column "Q" \(question q\) required by instrument "twice" is ambiguous: the header has it 2 times \(columns 3, 5\)/);
    expect(await countRows(db, ['survey_responses', 'rejects'])).toEqual({ survey_responses: 0, rejects: 0 });
  });

  it('fails before writing anything when the file lacks an instrument column', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'resident-survey-missing-column.csv');
    const failure = importSurveyCsv(db, { file, instrument, pseudonymKey });
    await expect(failure).rejects.toThrow(MissingColumnError);
    await expect(failure).rejects.toThrow(/resident-survey-missing-column\.csv.*"Visa service".*instrument "resident-2026"/);
    expect(await countRows(db, [...tables, 'collector_runs'])).toEqual({
      survey_responses: 0, survey_answers: 0, rejects: 0, sources: 0, communities: 0, collector_runs: 0,
    });
  });
});
