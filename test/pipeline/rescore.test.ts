import { describe, expect, it } from 'vitest';
import { loadClauses } from '../../config/clauses.ts';
import { loadConfig } from '../../config/load.ts';
import { scorerVersion } from '../../pipeline/scoring/scorer-version.ts';
import { runPipeline } from '../../pipeline/steps/run-pipeline.ts';
import { rescoreRecords, scoreRecords } from '../../pipeline/steps/score-records.ts';
import type { Db } from '../../warehouse/database.ts';
import { drivers } from '../support/databases.ts';

const clauses = loadClauses();
const config = loadConfig({});

async function seed(db: Db): Promise<void> {
  await db.insertInto('communities').values({ id: 'c1', name_zh: '社区', name_en: 'Community' }).execute();
  await db.insertInto('sources').values([
    { id: 'desk', kind: 'servicedesk', community_id: 'c1', name: 'desk', location: 'desk.csv', reach: 1, enabled: true },
    { id: 'feed', kind: 'mentions', community_id: 'c1', name: 'feed', location: 'http://127.0.0.1/feed', reach: 1, enabled: true },
  ]).execute();
  await db.insertInto('tickets').values([
    { community_id: 'c1', source_id: 'desk', external_id: 't1', opened_at: '2026-03-02T01:00:00Z', text: '打了三次12345热线都没人接', clause_ids: [] },
    { community_id: 'c1', source_id: 'desk', external_id: 't2', opened_at: '2026-03-02T02:00:00Z', text: '社区到地铁站的班车太少了', clause_ids: [] },
  ]).execute();
  await db.insertInto('mentions').values([1, 2, 3].map((i) => ({
    community_id: 'c1', source_id: 'feed', url: `http://127.0.0.1/${i}`, url_hash: `u${i}`, content_hash: `c${i}`,
    title: `帖子 ${i}`, text: i === 1 ? '居留许可拖了三个月，没人回复' : 'The international school fair was great',
    published_at: '2026-03-02T04:00:00Z', collected_at: '2026-03-02T05:00:00Z', reach: 1,
  }))).execute();
}

const versions = async (db: Db) =>
  (await db.selectFrom('scores').select(['scorer_version', 'record_kind', 'scored_at']).orderBy('scorer_version').orderBy('record_kind').orderBy('record_id').execute());

describe.each(drivers)('scoring and re-scoring on $name', (driver) => {
  it('scores every record once, and a second run without changes writes nothing', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      expect(await scoreRecords(db, clauses, { version: 'v1' })).toEqual({ scorer_version: 'v1', scored: 5, mentions: 3, tickets: 2 });
      const before = await versions(db);
      expect(await scoreRecords(db, clauses, { version: 'v1' })).toEqual({ scorer_version: 'v1', scored: 0, mentions: 0, tickets: 0 });
      expect(await versions(db)).toEqual(before);
      const tags = await db.selectFrom('scores').select(['record_kind', 'clause_ids']).where('record_kind', '=', 'ticket').orderBy('record_id').execute();
      expect(tags.map((t) => t.clause_ids)).toEqual([['8.1.3'], ['6.2.4']]);
    } finally {
      await close();
    }
  });

  it('scores everything again under a new version and keeps the old version as history', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      await scoreRecords(db, clauses, { version: 'v1' });
      // A model change is a new version: every record is unscored for it.
      expect((await scoreRecords(db, clauses, { version: 'v2' })).scored).toBe(5);
      const rows = await versions(db);
      expect(rows.filter((r) => r.scorer_version === 'v1')).toHaveLength(5);
      expect(rows.filter((r) => r.scorer_version === 'v2')).toHaveLength(5);
    } finally {
      await close();
    }
  });

  it('re-scores the version: drops its scores, writes them anew, leaves other versions alone', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      await scoreRecords(db, clauses, { version: 'v1' });
      await scoreRecords(db, clauses, { version: 'v2' });
      const v1Before = (await versions(db)).filter((r) => r.scorer_version === 'v1');
      const v2Before = (await versions(db)).filter((r) => r.scorer_version === 'v2');
      await new Promise((done) => setTimeout(done, 5));
      expect(await rescoreRecords(db, clauses, { version: 'v2' })).toEqual({ dropped: 5, scorer_version: 'v2', scored: 5, mentions: 3, tickets: 2 });
      const after = await versions(db);
      expect(after.filter((r) => r.scorer_version === 'v1')).toEqual(v1Before);
      const v2After = after.filter((r) => r.scorer_version === 'v2');
      expect(v2After).toHaveLength(5);
      for (const [i, row] of v2After.entries()) expect(row.scored_at.getTime()).toBeGreaterThan(v2Before[i]?.scored_at.getTime() ?? Infinity);
    } finally {
      await close();
    }
  });

  it('re-scores through the pipeline with the current version and rebuilds the rollups from it', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      await scoreRecords(db, clauses, { version: 'an-older-model' });
      const first = await runPipeline(db, config, clauses, { now: new Date('2026-03-03T00:00:00Z') });
      expect(first.scored).toMatchObject({ scorer_version: scorerVersion(), scored: 5, dropped: 0 });
      const again = await runPipeline(db, config, clauses, { now: new Date('2026-03-03T00:00:00Z'), rescore: true });
      expect(again.scored).toMatchObject({ scorer_version: scorerVersion(), scored: 5, dropped: 5, mentions: 3, tickets: 2 });
      expect(again.rollup_rows).toBe(first.rollup_rows);
      const byVersion = await db.selectFrom('scores').select(['scorer_version', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('scorer_version').orderBy('scorer_version').execute();
      expect(byVersion.map((r) => [r.scorer_version, Number(r.n)])).toEqual([['an-older-model', 5], [scorerVersion(), 5]]);
      // The rollups count the current version's mention scores only, not the older model's too.
      const mentionRows = await db.selectFrom('daily_rollups').select('n').where('source_kind', '=', 'mentions').where('clause_id', '=', '*').where('metric', '=', 'sentiment').execute();
      expect(mentionRows.map((r) => r.n)).toEqual([3]);
      expect((await runPipeline(db, config, clauses, { now: new Date('2026-03-03T00:00:00Z') })).scored.scored).toBe(0);
    } finally {
      await close();
    }
  });
});
