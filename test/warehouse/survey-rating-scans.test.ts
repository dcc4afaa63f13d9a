import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { instrumentSchema } from '../../config/instrument.ts';
import { configSchema } from '../../config/schema.ts';
import { openRectifications, type WorkingDayCalendar } from '../../pipeline/steps/open-rectifications.ts';
import { surveyRatingHorizon } from '../../warehouse/rectifications/survey-rating-scans.ts';
import { seedBase } from '../dashboard/helpers.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const calendarDays: WorkingDayCalendar = { addWorkingDays: (from, days) => new Date(from.getTime() + days * 86_400_000) };
const config = configSchema.parse({ rectification: { due_working_days: 4 } });
const dir = mkdtempSync(join(tmpdir(), 'rating-scans-'));

/** The desk question is a 好差评 rating; `hall` is one too when `hallRated`. */
const instrumentOf = (hallRated: boolean) =>
  instrumentSchema.parse({
    id: 'desk-scan',
    community: 'lixia',
    file: { format: 'csv' },
    respondent_id: 'Respondent',
    submitted_at: 'Submitted',
    questions: [
      { id: 'desk', column: 'Desk', scale: { type: 'haochaping' } },
      { id: 'hall', column: 'Hall', scale: hallRated ? { type: 'haochaping' } : { type: 'likert', min: 1, max: 5 } },
    ],
  });

async function importRows(db: TestDatabase['db'], name: string, rows: string[], hallRated = false): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, ['Respondent,Submitted,Desk,Hall', ...rows].join('\n'));
  expect(await importSurvey(db, { file, instrument: instrumentOf(hallRated), pseudonymKey: 'k' })).toMatchObject({ new: rows.length, rejected: 0 });
  const stored = await db.selectFrom('survey_responses').select(['response_key', 'source_row']).where('source_id', '=', 'survey-desk-scan').orderBy('id', 'desc').limit(rows.length).execute();
  for (const row of stored) respondents.set(row.response_key, rows[row.source_row - 2]?.split(',')[0] ?? '?');
}

const items = (db: TestDatabase['db']) =>
  db
    .selectFrom('rectifications')
    .innerJoin('survey_responses as s', 's.id', 'rectifications.origin_id')
    .select(['s.response_key', 'origin_ref', 'rating'])
    .orderBy('s.submitted_at')
    .orderBy('origin_ref')
    .execute()
    .then((rows) => rows.map((row) => [respondents.get(row.response_key), row.origin_ref, row.rating]));

// Respondent letters by their pseudonymised keys, filled after each import.
const respondents = new Map<string, string>();

describe.each(drivers)('reading survey 差评 incrementally on $name', (driver) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
  });
  afterAll(async () => tdb.close());

  it('reads each response once, opens items for those stored later, and reads everything again when the 好差评 questions change', async () => {
    const { db } = tdb;
    await importRows(db, 'wave1.csv', ['a,2026-03-02 09:00,非常不满意,1', 'b,2026-03-02 10:00,满意,2', 'c,2026-03-03 11:00,不满意,5']);
    // Stored an hour ago: behind the horizon of the next pass.
    await sql`update survey_responses set created_at = created_at - interval '1 hour'`.execute(db);
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 2 });
    expect(await items(db)).toEqual([
      ['a', 'desk', 1],
      ['c', 'desk', 2],
    ]);

    // A response already read is not read again: an item removed behind the pipeline's back stays removed.
    await db.deleteFrom('rectifications').where('rating', '=', 2).execute();
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 0 });

    // Responses stored since are read.
    await importRows(db, 'wave2.csv', ['d,2026-03-04 09:00,不满意,1', 'e,2026-03-04 10:00,基本满意,1']);
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 1 });
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 0 });

    // Hall becomes a 好差评 question: every response is read again, old ones too.
    await importRows(db, 'wave3.csv', ['f,2026-03-05 09:00,满意,非常不满意'], true);
    // c's desk item again, and the halls of a, b, d, e (points 1–2 stored before, as low as 差评) and f.
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 6 });
    expect(await items(db)).toEqual([
      ['a', 'desk', 1],
      ['a', 'hall', 1],
      ['b', 'hall', 2],
      ['c', 'desk', 2],
      ['d', 'desk', 2],
      ['d', 'hall', 1],
      ['e', 'hall', 1],
      ['f', 'hall', 1],
    ]);
  });

  it.runIf(driver.name === 'postgres')('keeps the horizon at or before the start of a transaction still storing responses', async () => {
    const client = new pg.Client({ connectionString: tdb.url });
    await client.connect();
    try {
      await client.query('begin');
      const started = new Date((await client.query<{ now: Date }>('select now()')).rows[0]!.now);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Without a margin, the horizon is the open transaction's start (or an older one's), not now.
      expect((await surveyRatingHorizon(tdb.db, 0)).getTime()).toBeLessThanOrEqual(started.getTime());
      await client.query('commit');
    } finally {
      await client.end();
    }
  });
});
