import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { ticketKpiReport } from '../../pipeline/steps/ticket-kpi-report.ts';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { gainReport } from '../../warehouse/read-models/gain-index.ts';
import { hotlineSummary } from '../../warehouse/read-models/hotline-summary.ts';
import { clauses } from '../dashboard/helpers.ts';
import { drivers } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';

// Tickets of March 2026 in three communities: lixia 8, gaoxin 6, huaiyin 2. huaiyin's own figures
// are withheld; were gaoxin's published, all communities' less lixia's and gaoxin's would be huaiyin's.
const sizes: Record<string, number> = { lixia: 8, gaoxin: 6, huaiyin: 2 };
const march = { from: '2026-03-01', to: '2026-03-31' };
const sla = testSla(72);
const config = configSchema.parse({
  privacy: { min_cell: 5 },
  satisfaction: { ticket_sla_clock: 'calendar' },
  communities: Object.keys(sizes).map((id) => ({ id, name_zh: id, name_en: id })),
});
const sh = (text: string) => new Date(`${text}:00+08:00`);

async function seed(db: Db): Promise<void> {
  for (const [id, count] of Object.entries(sizes)) {
    await db.insertInto('communities').values({ id, name_zh: id, name_en: id }).execute();
    await db.insertInto('sources').values({ id: `desk-${id}`, kind: 'servicedesk', community_id: id, name: 'desk', location: 'desk.csv', reach: 1, enabled: true }).execute();
    // huaiyin's two are both unhappy and late: exactly what subtraction would reveal.
    const rating = (i: number) => (id === 'huaiyin' ? 1 : i % 4 === 0 ? 2 : 5);
    const closedAt = (i: number) => (id === 'huaiyin' ? '2026-03-20T10:00' : `2026-03-1${i % 3}T10:00`);
    await db
      .insertInto('tickets')
      .values(
        Array.from({ length: count }, (_, i) => ({
          community_id: id, source_id: `desk-${id}`, external_id: `${id}-${i}`, opened_at: sh('2026-03-10T09:00'), closed_at: sh(closedAt(i)),
          state: 'closed' as const, rating: rating(i), text: '', clause_ids: ['8.1.2'],
        })),
      )
      .execute();
  }
  await recomputeRollups(db, { timezone: 'Asia/Shanghai', scorerVersion: 'v-test', ticketSla: sla, satisfiedMinRating: 4 });
}

describe.each(drivers)('hotline figures of a small community cannot be worked out by subtraction on $name', (driver) => {
  it('metrics tickets --community, the overview hotline, 获得感 and the scorecard withhold the smaller published community', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      const report = (communityId?: string) => ticketKpiReport(db, config, { period: march, communityId, now: sh('2026-04-01T00:00') });
      const [all, lixia, gaoxin, huaiyin] = [await report(), await report('lixia'), await report('gaoxin'), await report('huaiyin')];
      expect(all.total.volume).toBe(16);
      expect(huaiyin.total.volume).toBeNull();
      // Without the protection: 16 − 8 − 6 = huaiyin's 2 tickets, and their 满意率 the same way.
      expect(gaoxin.total).toMatchObject({ volume: null, satisfaction_rate: null, on_time_rate: null });
      expect(gaoxin.total.protects_smaller_cell).toEqual(expect.arrayContaining(['volume', 'satisfaction_rate', 'on_time_rate', 'resolution']));
      expect(lixia.total).toMatchObject({ volume: 8, satisfaction_rate: 6 / 8, protects_smaller_cell: [] });
      // Its groups would add up to the withheld total again: they withhold it too.
      const byCategory = await ticketKpiReport(db, config, { period: march, communityId: 'gaoxin', by: 'category', now: sh('2026-04-01T00:00') });
      expect(byCategory.groups.every((g) => g.volume === null && g.protects_smaller_cell.includes('volume'))).toBe(true);

      const hotline = (communityId?: string) => hotlineSummary(db, { period: march, timeZone: 'Asia/Shanghai', sla, minCell: 5, satisfiedMinRating: 4, communityId });
      expect((await hotline()).satisfied_rate).toBeCloseTo(10 / 16, 12);
      expect(await hotline()).toMatchObject({ opened: 16, closed: 16, rated: 16, suppressed: [] });
      expect(await hotline('gaoxin')).toMatchObject({
        opened: null, closed: null, rated: null, satisfied_rate: null, on_time_rate: null, protects_smaller_cell: ['volume', 'on_time_rate', 'resolution_hours', 'satisfied_rate'],
      });
      expect(await hotline('lixia')).toMatchObject({ opened: 8, satisfied_rate: 6 / 8, protects_smaller_cell: [] });
      // The small community's own view: not even how many calls it made.
      expect(await hotline('huaiyin')).toMatchObject({ opened: null, closed: null, rated: null, suppressed: ['volume', 'on_time_rate', 'resolution_hours', 'satisfied_rate'], protects_smaller_cell: [] });

      const gain = await gainReport(db, { period: march, weights: { survey: 0, hotline: 1, sentiment: 0 }, minCell: 5 });
      expect(gain.communities.map((c) => [c.community_id, c.components.hotline])).toEqual([
        ['gaoxin', { suppressed: true, protects_smaller_cell: true }],
        ['huaiyin', { suppressed: true }],
        ['lixia', { suppressed: false, n: 8, value: 75 }],
      ]);

      const card = (communityId: string) => clauseScorecard(db, { period: march, minCell: 5, clauses, communityId, tickets: { slaHours: 72, slaClock: 'calendar', satisfiedMinRating: 4 } });
      for (const clause of ['*', '8.1.2']) {
        expect((await card('gaoxin')).rows.find((r) => r.clause_id === clause)).toMatchObject({ tickets: { suppressed: true, protects_smaller_cell: true }, protects_smaller_cell: ['tickets'] });
        expect((await card('lixia')).rows.find((r) => r.clause_id === clause)?.tickets).toMatchObject({ suppressed: false, n: 8, satisfied_rate: 6 / 8 });
      }
    } finally {
      await close();
    }
  });
});
