import { describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { drivers } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';

const options = { timezone: 'Asia/Shanghai', scorerVersion: 'v-test', ticketSla: testSla(72), satisfiedMinRating: 4 };

async function seed(db: Db): Promise<void> {
  await db.insertInto('communities').values({ id: 'c1', name_zh: '社区', name_en: 'Community' }).execute();
  await db.insertInto('sources').values([
    { id: 's-survey', kind: 'survey', community_id: 'c1', name: 'survey', location: 'survey.csv', reach: 1, enabled: true },
    { id: 's-desk', kind: 'servicedesk', community_id: 'c1', name: 'desk', location: 'desk.csv', reach: 1, enabled: true },
    { id: 's-feed', kind: 'mentions', community_id: 'c1', name: 'feed', location: 'http://x', reach: 1, enabled: true },
  ]).execute();
  // 17:00 UTC on 1 March is 01:00 on 2 March in Jinan: the response belongs to 2 March.
  // A response's answers are stored in its row, as parallel arrays.
  await db.insertInto('survey_responses').values([
    {
      community_id: 'c1', instrument_id: 'i', response_key: 'a', submitted_at: '2026-03-01T17:00:00Z', segments: '{}', source_id: 's-survey', source_row: 2,
      answer_questions: ['q1'], answer_clauses: ['8.1.2'], answer_raw_values: ['满意'], answer_scores: [75],
    },
    {
      community_id: 'c1', instrument_id: 'i', response_key: 'b', submitted_at: '2026-03-02T03:00:00Z', segments: '{}', source_id: 's-survey', source_row: 3,
      // "Don't know" leaves the base.
      answer_questions: ['q1', 'q2'], answer_clauses: ['8.1.2', '8.4.1'], answer_raw_values: ['非常不满意', '不了解'], answer_scores: [0, null],
    },
  ]).execute();
  await db.insertInto('tickets').values([
    { community_id: 'c1', source_id: 's-desk', external_id: 't1', opened_at: '2026-03-02T01:00:00Z', closed_at: '2026-03-03T01:00:00Z', rating: 4, text: '', clause_ids: ['8.1.3'] },
    { community_id: 'c1', source_id: 's-desk', external_id: 't2', opened_at: '2026-02-25T01:00:00Z', closed_at: '2026-03-03T02:00:00Z', rating: 1, text: '', clause_ids: [] },
  ]).execute();
  const mentions = await db.insertInto('mentions').values([
    { community_id: 'c1', source_id: 's-feed', url: 'http://x/1', url_hash: 'h1', content_hash: 'c1', title: 'a', text: 'a', published_at: '2026-03-02T04:00:00Z', collected_at: '2026-03-02T05:00:00Z', reach: 1 },
    { community_id: 'c1', source_id: 's-feed', url: 'http://x/2', url_hash: 'h2', content_hash: 'c2', title: 'b', text: 'b', published_at: '2026-03-02T06:00:00Z', collected_at: '2026-03-02T07:00:00Z', reach: 1 },
  ]).returning('id').execute();
  await db.insertInto('scores').values(mentions.map((m, i) => ({
    community_id: 'c1', record_kind: 'mention' as const, record_id: Number(m.id), scorer_version: 'v-test',
    label: i === 0 ? ('negative' as const) : ('positive' as const), score: i === 0 ? -0.8 : 0.4, lang: 'zh', terms: '[]',
    clause_ids: ['8.1.2'], scored_at: new Date(),
  }))).execute();
}

async function rollup(db: Db, metric: string, clause = '*') {
  return db.selectFrom('daily_rollups').select(['day', 'n', 'sum', 'sum_sq']).where('metric', '=', metric).where('clause_id', '=', clause).orderBy('day').execute();
}

describe.each(drivers)('daily rollups on $name', (driver) => {
  it('sum each metric per local day and clause, and recomputing changes nothing', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      await recomputeRollups(db, options);
      expect(await rollup(db, 'index', '8.1.2')).toEqual([{ day: '2026-03-02', n: 2, sum: 75, sum_sq: 5625 }]);
      expect(await rollup(db, 'index', '8.4.1')).toEqual([]);
      expect(await rollup(db, 'satisfied')).toEqual([{ day: '2026-03-02', n: 2, sum: 1, sum_sq: 1 }]);
      expect((await rollup(db, 'negative', '8.1.2')).map((r) => [r.n, r.sum])).toEqual([[2, 1]]);
      expect((await rollup(db, 'sentiment')).map((r) => r.sum)).toEqual([expect.closeTo(-0.4, 9)]);
      // t1 closed in 24 h (on time), t2 in 6 days (late); each on the day it was opened, local time.
      expect((await rollup(db, 'on_time')).map((r) => [r.day, r.n, r.sum])).toEqual([['2026-02-25', 1, 0], ['2026-03-02', 1, 1]]);
      expect((await rollup(db, 'on_time', '8.1.3')).map((r) => [r.n, r.sum])).toEqual([[1, 1]]);
      expect((await rollup(db, 'opened')).map((r) => [r.day, r.n])).toEqual([['2026-02-25', 1], ['2026-03-02', 1]]);
      expect((await rollup(db, 'rated_satisfied')).map((r) => [r.day, r.n, r.sum])).toEqual([['2026-02-25', 1, 0], ['2026-03-02', 1, 1]]);

      // Counted as the hotline summary counts them: the export's due time wins over the SLA, a ticket
      // closed before it was opened is neither on time nor late, and 基本满意 (3) is not satisfied at 4.
      await db.insertInto('tickets').values([
        { community_id: 'c1', source_id: 's-desk', external_id: 't3', opened_at: '2026-04-01T01:00:00Z', due_at: '2026-04-06T01:00:00Z', closed_at: '2026-04-05T01:00:00Z', rating: 3, text: '', clause_ids: [] },
        { community_id: 'c1', source_id: 's-desk', external_id: 't4', opened_at: '2026-04-01T02:00:00Z', due_at: '2026-04-01T12:00:00Z', closed_at: '2026-04-01T20:00:00Z', rating: 5, text: '', clause_ids: [] },
        { community_id: 'c1', source_id: 's-desk', external_id: 't5', opened_at: '2026-04-06T02:00:00Z', closed_at: '2026-04-05T02:00:00Z', text: '', clause_ids: [] },
      ]).execute();
      await recomputeRollups(db, { ...options, fromDay: '2026-04-01' });
      expect((await rollup(db, 'on_time')).filter((r) => r.day >= '2026-04-01').map((r) => [r.day, r.n, r.sum])).toEqual([['2026-04-01', 2, 1]]);
      expect((await rollup(db, 'resolution_hours')).filter((r) => r.day >= '2026-04-01').map((r) => r.n)).toEqual([2]);
      expect((await rollup(db, 'rated_satisfied')).filter((r) => r.day >= '2026-04-01').map((r) => [r.day, r.n, r.sum])).toEqual([['2026-04-01', 2, 1]]);
      await db.deleteFrom('tickets').where('external_id', 'in', ['t3', 't4', 't5']).execute();
      await recomputeRollups(db, { ...options, fromDay: '2026-04-01' });

      const all = await db.selectFrom('daily_rollups').selectAll().orderBy('day').orderBy('clause_id').orderBy('source_kind').orderBy('metric').execute();
      await recomputeRollups(db, options);
      await recomputeRollups(db, { ...options, fromDay: '2026-03-02' });
      const again = await db.selectFrom('daily_rollups').selectAll().orderBy('day').orderBy('clause_id').orderBy('source_kind').orderBy('metric').execute();
      expect(again.map(({ updated_at: _, ...rest }) => rest)).toEqual(all.map(({ updated_at: _, ...rest }) => rest));
    } finally {
      await close();
    }
  });
});
