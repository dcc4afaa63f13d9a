import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { migrateDown, migrateToLatest } from '../../warehouse/migrate.ts';
import { drivers } from '../support/databases.ts';

// Every migration, oldest first, and how many tables (views included: survey_answers is one) the newest schema has.
const MIGRATIONS = [
  '2026-11-30T0000-init',
  '2026-11-30T0100-crawler',
  '2026-11-30T0200-story-bands',
  '2026-11-30T1100-survey-instruments',
  '2026-11-30T1200-source-cursors',
  '2026-11-30T1300-ticket-kpis',
  '2026-11-30T1400-notifications',
  '2026-11-30T1500-rectifications',
  '2026-11-30T1600-incidents',
  '2026-11-30T1700-survey-answer-arrays',
  '2026-11-30T1800-survey-response-source-key',
  '2026-11-30T1900-survey-rating-scans',
  '2026-11-30T2100-login-throttle',
  '2026-12-02T0000-rectification-rounds',
];
const TABLES = 22;

async function tableCount(db: Db): Promise<number | undefined> {
  const tables = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
  return tables.rows[0]?.n;
}

describe.each(drivers)('migrations on $name', (driver) => {
  it('create every table, are idempotent, and roll back cleanly', async () => {
    const { db, close } = await driver.open();
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await tableCount(db)).toBe(TABLES);
      for (const name of [...MIGRATIONS].reverse()) expect(await migrateDown(db)).toEqual([`reverted ${name}`]);
      expect(await tableCount(db)).toBe(0);
      expect(await migrateToLatest(db)).toEqual(MIGRATIONS.map((name) => `applied ${name}`));
    } finally {
      await close();
    }
  });

  it('keep the survey answers stored before they moved into the response rows, and move them back', async () => {
    const { db, close } = await driver.open();
    try {
      // Back to before the answers moved: T1700 and every migration on top of it.
      const since = MIGRATIONS.slice(MIGRATIONS.indexOf('2026-11-30T1700-survey-answer-arrays'));
      for (const _ of since) await migrateDown(db);
      await sql`insert into communities (id, name_zh, name_en) values ('c1', '社区', 'Community')`.execute(db);
      await sql`insert into sources (id, kind, community_id, name, location, reach, enabled) values ('s1', 'survey', 'c1', 's', 'x.csv', 1, true)`.execute(db);
      await sql`
        insert into survey_responses (id, community_id, instrument_id, response_key, submitted_at, source_id, source_row)
        values (1, 'c1', 'i', 'a', '2026-03-02T01:00:00Z', 's1', 2), (2, 'c1', 'i', 'b', '2026-03-02T02:00:00Z', 's1', 3)`.execute(db);
      await sql`
        insert into survey_answers (community_id, response_id, question_id, clause_id, raw_value, score)
        values ('c1', 1, 'q2', null, '不知道', null), ('c1', 1, 'q1', '8.1.2', '满意', 75), ('c1', 2, 'q1', '8.1.2', '5', 100)`.execute(db);
      const answers = () => sql`select response_id, question_id, clause_id, raw_value, score from survey_answers order by response_id, question_id`.execute(db).then((r) => r.rows);
      const before = await answers();
      expect(before).toHaveLength(3);
      expect(await migrateToLatest(db)).toEqual(since.map((name) => `applied ${name}`));
      expect(await answers()).toEqual(before);
      const row = await db.selectFrom('survey_responses').select(['answer_questions', 'answer_scores']).where('id', '=', 1).executeTakeFirstOrThrow();
      expect(row).toEqual({ answer_questions: ['q1', 'q2'], answer_scores: [75, null] });
      for (const _ of since) await migrateDown(db);
      expect(await answers()).toEqual(before);
    } finally {
      await close();
    }
  });

  it('keep a survey response to a source of its own community, with one key check for both', async () => {
    const { db, close } = await driver.open();
    try {
      await sql`insert into communities (id, name_zh, name_en) values ('c1', '社区', 'Community'), ('c2', '社区二', 'Community 2')`.execute(db);
      await sql`insert into sources (id, kind, community_id, name, location, reach, enabled) values ('s1', 'survey', 'c1', 's', 'x.csv', 1, true)`.execute(db);
      const insert = (community: string, source: string) => sql`
        insert into survey_responses (community_id, instrument_id, response_key, submitted_at, source_id, source_row)
        values (${community}, 'i', ${`${community}/${source}`}, '2026-03-02T01:00:00Z', ${source}, 2)`.execute(db);
      await insert('c1', 's1');
      await expect(insert('c2', 's1')).rejects.toThrow(/survey_responses_source_fkey/);
      await expect(insert('c1', 'nowhere')).rejects.toThrow(/survey_responses_source_fkey/);
      await expect(sql`delete from sources where id = 's1'`.execute(db)).rejects.toThrow(/survey_responses_source_fkey/);
      await expect(sql`delete from communities where id = 'c1'`.execute(db)).rejects.toThrow(/foreign key/);
      const keys = await sql<{ n: number }>`
        select count(*)::int as n from pg_constraint where conrelid = 'survey_responses'::regclass and contype = 'f'`.execute(db);
      expect(keys.rows[0]?.n).toBe(1);
    } finally {
      await close();
    }
  });
});
