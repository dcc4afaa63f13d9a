/**
 * `npm run bench:import`: imports a generated survey export of 100,000 responses × 10 questions
 * (1,000,000 answers; BENCH_RESPONSES to change; 0.1% rows with an unknown label, 0.1% repeated
 * respondents) through the real importer — validation, scoring, pseudonymisation, rejects with
 * redaction, deduplication — into PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test, in a fresh schema), and measures in the same run
 * PostgreSQL's own COPY of (a) the export file itself, into a bare table of text columns (the goal's
 * reference), (b) the rows the importer stored, into a bare table, and (c) into one with our keys.
 * Each timed phase starts after a CHECKPOINT. Then, for information, the importer on PGlite (in
 * memory) on a tenth of the file. Prints rates, ratios, peak RSS and a profile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { headerAliases } from '../collectors/shared/header-aliases.ts';
import { readTableRecords } from '../collectors/shared/table-records.ts';
import { importSurvey, surveyRowParser } from '../collectors/survey/import-survey.ts';
import { createDb } from '../warehouse/database.ts';
import { migrateToLatest } from '../warehouse/migrate.ts';
import { copyClient, copyIn, copyOut } from './import/copy-reference.ts';
import { benchInstrument, QUESTIONS, writeSurveyFile } from './import/survey-file.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const responses = Number(process.env.BENCH_RESPONSES ?? 100_000);
const pseudonymKey = 'bench-pseudonym-key';
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-bench-import-'));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;

const file = join(dir, 'survey.csv');
const facts = await writeSurveyFile(file, responses);
const stored = responses - facts.bad - facts.repeats;
const instrument = benchInstrument('bench-survey');
console.log(`file: ${responses.toLocaleString('en-US')} responses × ${QUESTIONS} questions, ${mb(statSync(file).size)}; ${facts.bad} with an unknown label, ${facts.repeats} repeated respondents`);

let started: number;
const schema = `bench_import_${randomBytes(4).toString('hex')}`;
const db = await createDb({ url, schema });
const client = await copyClient(url, schema);
// CHECKPOINT needs a superuser or pg_checkpoint; without, phases are timed as they come.
const checkpoint = () => client.query('checkpoint').then(() => undefined, () => undefined);
try {
  await migrateToLatest(db);
  // Every timed phase starts after a checkpoint, so none pays for the WAL another one wrote.
  await checkpoint();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  started = performance.now();
  const summary = await importSurvey(db, { file, instrument, pseudonymKey });
  const importSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (summary.new !== stored || summary.rejected !== facts.bad || summary.duplicate !== facts.repeats) {
    throw new Error(`unexpected import summary ${JSON.stringify(summary)}; expected new ${stored}, rejected ${facts.bad}, duplicate ${facts.repeats}`);
  }
  const answers = stored * QUESTIONS;

  // The references, all PostgreSQL's COPY FROM STDIN in the same run: (a) the export file itself into
  // a bare table of text columns, one row per response — "the same rows into a bare table", the
  // goal's reference; (b) exactly what the importer stored (a response per row, its answers in
  // arrays) into a table without keys or checks; (c) the same into a table with our keys, checks
  // and foreign keys, i.e. what storing costs PostgreSQL before any validation or deduplication.
  const responseColumns = 'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, answer_questions, answer_clauses, answer_raw_values, answer_scores';
  await copyOut(client, `select ${responseColumns} from survey_responses`, join(dir, 'responses.csv'));
  await client.query(`create table copy_file (${['respondent', 'submitted', 'language', 'type', ...Array.from({ length: QUESTIONS }, (_, q) => `q${q + 1}`)].map((c) => `${c} text`).join(', ')})`);
  await client.query(`create table copy_responses as select ${responseColumns} from survey_responses with no data`);
  // The same foreign key as survey_responses (migration T1800: its source, of its community).
  await client.query(`create table keyed_responses (like survey_responses including all, foreign key (source_id, community_id) references sources (id, community_id))`);
  await checkpoint();
  const copyFileSeconds = await copyIn(client, 'copy_file', file, true);
  await checkpoint();
  const copyRowsSeconds = await copyIn(client, 'copy_responses', join(dir, 'responses.csv'), false);
  await checkpoint();
  const keyedSeconds = await copyIn(client, `keyed_responses (${responseColumns})`, join(dir, 'responses.csv'), false);
  await checkpoint();

  // Deduplication: the same file again stores nothing.
  started = performance.now();
  const again = await importSurvey(db, { file, instrument, pseudonymKey });
  const againSeconds = (performance.now() - started) / 1000;
  if (again.new !== 0 || again.duplicate !== stored + facts.repeats) throw new Error(`re-import stored something: ${JSON.stringify(again)}`);

  // Profile, after the import so its garbage does not count in the import's RSS: reading alone,
  // then reading and parsing (validation, scoring, pseudonymisation), no database.
  started = performance.now();
  for await (const _item of readTableRecords(file, instrument.file)) void _item;
  const readSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  {
    let parse: ReturnType<typeof surveyRowParser> | undefined;
    for await (const item of readTableRecords(file, instrument.file)) {
      if ('error' in item) continue;
      if (!parse) parse = surveyRowParser(file, instrument, pseudonymKey, item.values, headerAliases([item.values], 'plain'));
      else parse(item.line, item.values);
    }
  }
  const parseSeconds = (performance.now() - started) / 1000;

  console.log('');
  console.log(`ratio: the importer stores ${(copyFileSeconds / importSeconds).toFixed(2)}× as many file rows per second as COPY reads the file into a bare table (goal ≥ 0.5×), ${(keyedSeconds / importSeconds).toFixed(2)}× COPY of its own rows into the keyed table`);
  console.log(`importer → PostgreSQL      ${importSeconds.toFixed(2)} s  ${rate(responses, importSeconds)} file rows (${rate(answers, importSeconds)} answers)`);
  console.log(`COPY of the file as text   ${copyFileSeconds.toFixed(2)} s  ${rate(responses, copyFileSeconds)} rows   → importer at ${(copyFileSeconds / importSeconds).toFixed(2)}× COPY (goal ≥ 0.5×)`);
  console.log(`COPY of the stored rows    ${copyRowsSeconds.toFixed(2)} s  ${rate(stored, copyRowsSeconds)} rows   → importer at ${(copyRowsSeconds / importSeconds).toFixed(2)}× COPY into a bare table`);
  console.log(`COPY of them, keyed        ${keyedSeconds.toFixed(2)} s  ${rate(stored, keyedSeconds)} rows   → importer at ${(keyedSeconds / importSeconds).toFixed(2)}× COPY into a table with our keys, checks and foreign keys`);
  console.log(`re-import (all duplicates) ${againSeconds.toFixed(2)} s  ${rate(responses, againSeconds)} file rows`);
  console.log(`peak RSS during the import ${mb(peak)} (goal < 300 MB; ${mb(baseline)} before it)`);
  console.log(`profile: reading the CSV ${readSeconds.toFixed(2)} s; + parsing, scoring, pseudonymising ${(parseSeconds - readSeconds).toFixed(2)} s; + writing (SQL, transactions, rejects) ${(importSeconds - parseSeconds).toFixed(2)} s`);
} finally {
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
  await db.destroy();
}

// For information: the embedded database, on a tenth of the rows (it keeps everything in memory).
{
  const small = join(dir, 'survey-small.csv');
  const smallFacts = await writeSurveyFile(small, Math.max(1000, Math.floor(responses / 10)));
  const pglite = await createDb({ dataDir: 'memory://' });
  await migrateToLatest(pglite);
  await sql`select 1`.execute(pglite);
  started = performance.now();
  await importSurvey(pglite, { file: small, instrument, pseudonymKey });
  const seconds = (performance.now() - started) / 1000;
  console.log(`importer → PGlite (memory) ${seconds.toFixed(2)} s  ${rate(smallFacts.responses, seconds)} file rows on ${smallFacts.responses.toLocaleString('en-US')} responses`);
  await pglite.destroy();
}
rmSync(dir, { recursive: true, force: true });
