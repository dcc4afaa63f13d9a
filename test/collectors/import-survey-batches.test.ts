import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchInstrument } from '../../bench/import/survey-file.ts';
import { importTable } from '../../collectors/shared/import-table.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { postgresPool } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { type NewSurveyRecord, storeSurveyResponses } from '../../warehouse/writers/survey-responses.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// The importer writes a batch while it parses the next, and on PostgreSQL COPYs a batch while the
// one before commits (or, once a key was refused, stages it and INSERTs the new keys). These tests cut a small file into batches of four so
// that keys repeat across batches in flight, and check both drivers store the same thing.

const dir = mkdtempSync(join(tmpdir(), 'talentpulse-survey-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const instrument = benchInstrument('batches');
const pseudonymKey = 'test-pseudonym-key';
const LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];

function surveyFile(name: string, rows: string[][]): string {
  const header = ['Respondent', 'Submitted', 'Language', 'Type', ...Array.from({ length: 10 }, (_, q) => `Q${q + 1}`)];
  const file = join(dir, name);
  writeFileSync(file, [header, ...rows].map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\n') + '\n');
  return file;
}

function answers(seed: number): string[] {
  return [...Array.from({ length: 9 }, (_, q) => (q === 4 ? '不知道' : (seed + q) % 3 === 0 ? String(1 + ((seed + q) % 5)) : (LABELS[(seed + q) % 5] as string))), String(seed % 11)];
}

// 22 rows: respondent R-3 again at line 12 with other answers (the first wins), R-7 again at line 20
// (the same row), an unknown label at line 15, a segment a person typed with a tab and a quote.
const rows: string[][] = [];
for (let i = 1; i <= 22; i++) {
  const respondent = i === 11 ? 'R-3' : i === 19 ? 'R-7' : `R-${i}`;
  const row = [respondent, `2026-03-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i).padStart(2, '0')}`, i === 5 ? 'zh\t"x"' : 'en', 'talent', ...answers(i === 19 ? 7 : i)];
  if (i === 14) row[4] = 'Great';
  rows.push(row);
}
const file = surveyFile('survey.csv', rows);

/** Everything the import stored, in a form both drivers give alike. */
async function snapshot(db: TestDatabase['db']) {
  const stored = await db
    .selectFrom('survey_responses')
    .select(['response_key', 'source_row', 'submitted_at', 'segments', 'answer_questions', 'answer_clauses', 'answer_raw_values', 'answer_scores'])
    .orderBy('source_row')
    .execute();
  return stored.map((r) => ({ ...r, submitted_at: new Date(r.submitted_at).toISOString() }));
}

let firstDriver: { name: string; stored: Awaited<ReturnType<typeof snapshot>> } | undefined;

describe.each(drivers)('importing a survey in batches on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('keeps the first of a respondent repeated in a later batch, rejects with the reason, and stores nothing new again', async () => {
    const { db } = database;
    const summary = await importSurvey(db, { file, instrument, pseudonymKey, batchSize: 4 });
    expect(summary).toMatchObject({ read: 22, new: 19, duplicate: 2, rejected: 1 });
    const stored = await snapshot(db);
    expect(stored.map((r) => r.source_row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 21, 22, 23]);
    expect(stored.find((r) => r.source_row === 6)?.segments).toEqual({ language: 'zh\t"x"', respondent_type: 'talent' });
    expect(stored[0]?.answer_questions).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10']);
    expect(stored[0]?.answer_scores[4]).toBeNull();
    const reject = await db.selectFrom('rejects').select(['location', 'row', 'field', 'value', 'reason']).executeTakeFirstOrThrow();
    expect(reject).toMatchObject({ location: file, row: 15, field: 'Q1', value: 'Great' });
    expect(reject.reason).toMatch(/unknown answer/);

    // Again, in other batches: nothing new, nothing changed.
    const again = await importSurvey(db, { file, instrument, pseudonymKey, batchSize: 5 });
    expect(again).toMatchObject({ read: 22, new: 0, duplicate: 21, rejected: 1 });
    expect(await snapshot(db)).toEqual(stored);

    // The same rows on either driver (PGlite runs first).
    if (!firstDriver) firstDriver = { name: driver.name, stored };
    else expect(stored).toEqual(firstDriver.stored);
  });

  it("updates a respondent whose answers changed in a later export, still keeping a repeated respondent's first row", async () => {
    const { db } = database;
    await importSurvey(db, { file, instrument, pseudonymKey, batchSize: 4 });
    const before = await snapshot(db);
    // R-5 changed an answer; R-3's second row (line 12) is still there with its other answers.
    const edited = rows.map((row) => (row[0] === 'R-5' ? [...row.slice(0, 4), ...answers(50)] : row));
    const later = surveyFile('survey-later.csv', edited);
    const summary = await importSurvey(db, { file: later, instrument, pseudonymKey, batchSize: 3 });
    expect(summary).toMatchObject({ read: 22, new: 0, updated: 1, duplicate: 20, rejected: 1 });
    const after = await snapshot(db);
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changed.map((row) => [row.source_row, row.answer_raw_values])).toEqual([[6, answers(50)]]);
    // And again: nothing changes.
    expect(await importSurvey(db, { file: later, instrument, pseudonymKey, batchSize: 5 })).toMatchObject({ new: 0, duplicate: 21 });
    expect(await snapshot(db)).toEqual(after);
  });

  it('stops at a failed batch: the batches after it wait for their turn and store nothing', async () => {
    const { db } = database;
    const written: number[] = [];
    const promise = importTable<number>(db, {
      file,
      table: instrument.file,
      source: { id: 'batches', kind: 'survey', community_id: 'bench', name: 'batches', location: file, reach: 1 },
      batchSize: 5,
      writesInFlight: 3,
      prepare: () => (line) => ({ ok: true, row: line }),
      async write(_db, lines, turn) {
        // Staging would happen here, before the turn; storing after it.
        if (lines[0] === 7) throw new Error('the second batch failed');
        await turn;
        written.push(...lines);
        return { new: lines.length, updated: 0 };
      },
    });
    await expect(promise).rejects.toThrow('the second batch failed');
    expect(written).toEqual([2, 3, 4, 5, 6]);
    const run = await db.selectFrom('collector_runs').select(['status', 'error']).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'failed' });
    expect(run.error).toContain('the second batch failed');
  });

  it.runIf(driver.name === 'postgres')('waits for a key another import is storing, then finds it stored as it is', async () => {
    const { db } = database;
    await ensureCommunity(db, { id: 'c1' });
    await ensureSource(db, { id: 's1', kind: 'survey', community_id: 'c1', name: 's', location: 'x.csv', reach: 1 });
    const record = (key: string, row: number): NewSurveyRecord => ({
      response: { community_id: 'c1', instrument_id: 'i', response_key: key, submitted_at: new Date(Date.UTC(2026, 2, 2)), segments: '{}', source_id: 's1', source_row: row },
      answers: [{ question_id: 'q1', clause_id: null, raw_value: String(row), score: 50 }],
    });
    const pool = postgresPool(db) as NonNullable<ReturnType<typeof postgresPool>>;
    const other = await pool.connect();
    try {
      // Another import has inserted k2, with the same answers, but not committed: this batch's INSERT
      // waits on the key, then finds it taken and unchanged.
      await other.query('begin');
      await other.query(
        `insert into survey_responses (community_id, instrument_id, response_key, submitted_at, source_id, source_row, answer_questions, answer_clauses, answer_raw_values, answer_scores)
         values ('c1', 'i', 'k2', now(), 's1', 99, '{q1}', '{NULL}', '{3}', '{50}')`,
      );
      const storing = storeSurveyResponses(db, [record('k1', 2), record('k2', 3), record('k3', 4)]);
      await waitForLockWait(other);
      await other.query('commit');
      expect(await storing).toEqual({ new: 2, updated: 0 });
    } finally {
      await other.query('rollback').catch(() => undefined);
      other.release();
    }
    const stored = await db.selectFrom('survey_responses').select(['response_key', 'source_row']).orderBy('response_key').execute();
    expect(stored).toEqual([
      { response_key: 'k1', source_row: 2 },
      { response_key: 'k2', source_row: 99 },
      { response_key: 'k3', source_row: 4 },
    ]);
  });
});

/** Until a session (the batch's INSERT) waits for this session's transaction, which holds the key. */
async function waitForLockWait(client: { query(text: string): Promise<{ rows: { n: number }[] }> }): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const { rows } = await client.query(`
      select count(*)::int as n from pg_locks
      where locktype = 'transactionid' and not granted and transactionid = pg_current_xact_id()::text::xid`);
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the batch never waited on the uncommitted key');
}
