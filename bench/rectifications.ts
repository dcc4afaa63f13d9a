/**
 * `npm run bench:rectifications`: what opening 差评 rectification items costs the pipeline when a
 * survey holds many responses. A generated export of 100,000 responses × 10 questions
 * (BENCH_RESPONSES to change), whose first question is a 好差评 rating (about 39% 差评), is imported
 * and dated a day back, as history; then, timed: the first pass (every 差评 gets its item), passes
 * with nothing new (medians of 3: what every pipeline pass pays), and a pass after 1,000 new
 * responses; then as many hotline tickets, 40% 差评, likewise. The reference, in the same run, is
 * the query every pass ran before (all the instrument's answers, or all 差评 tickets, anti-joined
 * with the items), once per 1,000 items to open, timed once with fresh statistics. PostgreSQL
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, a fresh schema), then PGlite
 * (in memory) on a tenth of the responses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importSurvey } from '../collectors/survey/import-survey.ts';
import { instrumentSchema } from '../config/instrument.ts';
import { configSchema } from '../config/schema.ts';
import { workingCalendarOf } from '../config/working-time.ts';
import { openRectifications } from '../pipeline/steps/open-rectifications.ts';
import { createDb, type Db } from '../warehouse/database.ts';
import { migrateToLatest } from '../warehouse/migrate.ts';
import { benchInstrument, writeSurveyFile } from './import/survey-file.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const responses = Number(process.env.BENCH_RESPONSES ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-bench-rectifications-'));
const config = configSchema.parse({ communities: [{ id: 'bench', name_zh: '基准', name_en: 'Bench' }] });
const calendar = workingCalendarOf(config);

// The generated file's labels are 非常不满意 … 非常满意 with 一般 in the middle: q1 read as 好差评.
const base = benchInstrument('bench-haochaping');
const instrument = instrumentSchema.parse({
  ...base,
  questions: base.questions.map((q) => (q.id === 'q1' ? { ...q, scale: { type: 'haochaping', labels: { 一般: 3 }, dont_know: ['不知道'] } } : q)),
});

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(2)} s`);

/** The query each pass ran before T1900, for one batch (as in bad-ratings.ts then). */
const previousQuery = (db: Db) => sql`
  select s.community_id, s.id as origin_id, a.question_id as origin_ref, a.score::float8 as score, s.submitted_at as rated_at
    from survey_answers a
    join survey_responses s on s.community_id = a.community_id and s.id = a.response_id
   where s.instrument_id = ${instrument.id} and a.question_id in ('q1') and a.score <= 25
     and not exists (select r.id from rectifications r
                      where r.community_id = s.community_id and r.origin_kind = 'survey' and r.origin_id = s.id and r.origin_ref = a.question_id)
   order by s.submitted_at, s.id
   limit 1000`.execute(db);

/** The ticket query each pass ran before, for one batch of 1,000. */
const previousTicketQuery = (db: Db) => sql`
  select t.community_id, t.id as origin_id, t.rating, coalesce(t.closed_at, t.opened_at) as rated_at
    from tickets t
   where t.rating <= 2
     and not exists (select r.id from rectifications r
                      where r.community_id = t.community_id and r.origin_kind = 'ticket' and r.origin_id = t.id and r.origin_ref = '')
   order by t.opened_at
   limit 1000`.execute(db);

async function run(db: Db, n: number, name: string): Promise<void> {
  const file = join(dir, `survey-${n}.csv`);
  await writeSurveyFile(file, n);
  const summary = await importSurvey(db, { file, instrument, pseudonymKey: 'bench-key' });
  // History: stored a day ago, behind any pass's horizon.
  await sql`update survey_responses set created_at = created_at - interval '1 day'`.execute(db);
  await sql`analyze survey_responses`.execute(db);

  let opened = 0;
  const first = await seconds(async () => (opened = (await openRectifications(db, config, calendar)).opened));
  const idle: number[] = [];
  for (let i = 0; i < 3; i++) idle.push(await seconds(() => openRectifications(db, config, calendar)));
  await sql`analyze rectifications`.execute(db);
  const reference: number[] = [];
  for (let i = 0; i < 3; i++) reference.push(await seconds(() => previousQuery(db)));

  // 1,000 new responses (copies of the first under new keys), stored now.
  await sql`
    insert into survey_responses (community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row,
                                  answer_questions, answer_clauses, answer_raw_values, answer_scores)
    select community_id, instrument_id, 'new:' || response_key, submitted_at, segments, source_id, source_row,
           answer_questions, answer_clauses, answer_raw_values, answer_scores
      from survey_responses order by id limit 1000`.execute(db);
  let openedNew = 0;
  const after = await seconds(async () => (openedNew = (await openRectifications(db, config, calendar)).opened));

  // Hotline tickets, as many as responses, 40% rated 差评, closed a day after opening.
  await sql`insert into communities (id, name_zh, name_en) values ('bench', '基准', 'Bench') on conflict do nothing`.execute(db);
  await sql`insert into sources (id, kind, community_id, name, location, reach, enabled) values ('bench-hotline', 'servicedesk', 'bench', '12345', 'x', 1, true)`.execute(db);
  await sql`
    insert into tickets (community_id, source_id, external_id, opened_at, closed_at, rating)
    select 'bench', 'bench-hotline', 'T' || g, timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-02' + g * interval '1 minute', 1 + g % 5
      from generate_series(1, ${n}) g`.execute(db);
  await sql`analyze tickets`.execute(db);
  let ticketItems = 0;
  const ticketFirst = await seconds(async () => (ticketItems = (await openRectifications(db, config, calendar)).opened));
  const ticketIdle: number[] = [];
  for (let i = 0; i < 3; i++) ticketIdle.push(await seconds(() => openRectifications(db, config, calendar)));
  await sql`analyze rectifications`.execute(db);
  const ticketReference: number[] = [];
  for (let i = 0; i < 3; i++) ticketReference.push(await seconds(() => previousTicketQuery(db)));

  console.log(`${name}: ${summary.new.toLocaleString('en-US')} responses, ${opened.toLocaleString('en-US')} 差评`);
  console.log(`  first pass (every item opened)            ${s(first)}`);
  console.log(`  pass with nothing new (median of 3)       ${s(median(idle))}   [${idle.map(s).join(', ')}]`);
  console.log(`  previous query, one batch (median of 3)   ${s(median(reference))}   → ${(median(reference) / median(idle)).toFixed(0)}× the pass with nothing new`);
  console.log(`  pass after 1,000 new responses            ${s(after)}   (${openedNew} items opened)`);
  console.log(`  then ${n.toLocaleString('en-US')} hotline tickets, ${ticketItems.toLocaleString('en-US')} 差评:`);
  console.log(`  first pass (every item opened)            ${s(ticketFirst)}`);
  console.log(`  pass with nothing new (median of 3)       ${s(median(ticketIdle))}   [${ticketIdle.map(s).join(', ')}]`);
  console.log(`  previous ticket query, one batch          ${s(median(ticketReference))}   (median of 3, fresh statistics)`);
}

const schema = `bench_rectifications_${randomBytes(4).toString('hex')}`;
const db = await createDb({ url, schema });
try {
  await migrateToLatest(db);
  await run(db, responses, 'PostgreSQL');
} finally {
  await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
  await db.destroy();
}
const pglite = await createDb({ dataDir: 'memory://' });
try {
  await migrateToLatest(pglite);
  await run(pglite, Math.max(1000, Math.floor(responses / 10)), 'PGlite (memory)');
} finally {
  await pglite.destroy();
}
rmSync(dir, { recursive: true, force: true });
