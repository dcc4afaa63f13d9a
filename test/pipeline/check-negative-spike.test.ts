import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { checkNegativeSpike } from '../../pipeline/steps/check-negative-spike.ts';
import { scorerVersion } from '../../pipeline/scoring/scorer-version.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { drivers } from '../support/databases.ts';

const config = loadConfig({});
const now = new Date('2026-11-30T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

/** Negative mentions published at the given minutes before `now`, each scored by the current version. */
async function negatives(db: Db, minutes: number[], prefix: string): Promise<void> {
  for (const [i, m] of minutes.entries()) {
    const row = await db
      .insertInto('mentions')
      .values({
        community_id: 'c1', source_id: 'forum', url: `http://127.0.0.1/${prefix}-${i}`, url_hash: `${prefix}-${i}`, content_hash: `${prefix}-${i}`,
        title: `居留许可拖了三个月 ${i}`, text: '没人回复', published_at: minutesAgo(m), collected_at: minutesAgo(m), reach: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('scores').values({
      community_id: 'c1', record_kind: 'mention', record_id: Number(row.id), scorer_version: scorerVersion(), label: 'negative',
      score: -0.8, lang: 'zh', terms: JSON.stringify(['拖了', '没人回复']), clause_ids: ['8.1.2'], scored_at: now,
    }).execute();
  }
}

async function setUp(db: Db): Promise<void> {
  await ensureCommunity(db, { id: 'c1', name_zh: '社区', name_en: 'Community' });
  await ensureSource(db, { id: 'forum', kind: 'mentions', community_id: 'c1', name: 'forum', location: 'http://127.0.0.1/forum.xml', reach: 2 });
}

const burstMinutes = [5, 8, 10, 14, 18, 20, 25, 30, 35, 40, 45, 50];

describe.each(drivers)('the negative-spike rule on $name', (driver) => {
  it('raises one graded alert with its drivers for a burst, and not again within the cool-down', async () => {
    const { db, close } = await driver.open();
    try {
      await setUp(db);
      // A quiet week: one negative post a day, then twelve in the last hour.
      await negatives(db, [1500, 3000, 4500, 6000, 7500, 9000], 'old');
      await negatives(db, burstMinutes, 'burst');
      const check = await checkNegativeSpike(db, config, 'c1', now);
      expect(check.spike).toBe(true);
      expect(check.count).toBe(12);
      expect(check.alert_id).not.toBeNull();
      const alert = await db.selectFrom('alerts').selectAll().executeTakeFirstOrThrow();
      // 2√12.375 − 2√0.375 = 5.81σ over a baseline of empty hours: 1.81σ past medium's 4σ.
      expect(alert.grade).toBe('orange');
      expect(alert.status).toBe('open');
      expect(alert.drivers).toMatchObject({ count: 12, sources: ['forum'], clauses: ['8.1.2'], reach: 24, baseline: { expected: 0, sd: null }, rule: { sensitivity: 'medium', threshold_sigma: 4 } });
      expect((alert.drivers as { baseline: { z: number } }).baseline.z).toBeCloseTo(5.81, 2);
      expect((alert.drivers as { top_terms: string[] }).top_terms).toEqual(['拖了', '没人回复']);
      expect((alert.drivers as { mentions: unknown[] }).mentions).toHaveLength(12);

      const again = await checkNegativeSpike(db, config, 'c1', new Date(now.getTime() + 5 * 60_000));
      expect(again.alert_id).toBeNull();
      expect(again.reason).toMatch(/cool-down/);
      const count = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    } finally {
      await close();
    }
  });

  it('stays quiet below the minimum count, even past the threshold', async () => {
    const { db, close } = await driver.open();
    try {
      await setUp(db);
      const strict = { alerts: { ...config.alerts, negative_spike: { ...config.alerts.negative_spike, sensitivity: 'high' as const, min_count: 6 } } };
      await negatives(db, [5, 10, 15, 20, 25], 'five');
      // Five after silence is 3.41σ, past high's 3σ, but fewer than six.
      const check = await checkNegativeSpike(db, strict, 'c1', now);
      expect(check.spike).toBe(false);
      expect(check.reason).toMatch(/3\.41σ.*minimum of 6/);
      expect(await db.selectFrom('alerts').selectAll().execute()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('counts nothing published after the moment it checks', async () => {
    const { db, close } = await driver.open();
    try {
      await setUp(db);
      await negatives(db, [1500, 3000, 4500, 6000, 7500, 9000], 'old');
      // Published in the hour after `now`: invisible at `now`, the spike an hour later.
      await negatives(db, burstMinutes.map((m) => m - 60), 'later');
      const before = await checkNegativeSpike(db, config, 'c1', now);
      expect(before).toMatchObject({ count: 0, spike: false, alert_id: null });
      const after = await checkNegativeSpike(db, config, 'c1', new Date(now.getTime() + 60 * 60_000));
      expect(after).toMatchObject({ count: 12, spike: true });
    } finally {
      await close();
    }
  });
});
