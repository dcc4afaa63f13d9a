import { describe, expect, it } from 'vitest';
import { ticketKpis } from '../../pipeline/scoring/ticket-kpis.ts';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { gainReport } from '../../warehouse/read-models/gain-index.ts';
import { hotlineSummary } from '../../warehouse/read-models/hotline-summary.ts';
import { ticketKpiRows } from '../../warehouse/read-models/ticket-kpi-rows.ts';
import { clauses } from '../dashboard/helpers.ts';
import { drivers } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';

// Shanghai has no daylight saving: wall time is UTC+8.
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const sla = testSla(72);
const march = { from: '2026-03-01', to: '2026-03-31' };
const rollupOptions = { timezone: 'Asia/Shanghai', scorerVersion: 'v-test', ticketSla: sla, satisfiedMinRating: 4 };

async function seed(db: Db): Promise<void> {
  await db.insertInto('communities').values({ id: 'c1', name_zh: '社区', name_en: 'Community' }).execute();
  await db.insertInto('sources').values({ id: 's-desk', kind: 'servicedesk', community_id: 'c1', name: 'desk', location: 'desk.csv', reach: 1, enabled: true }).execute();
  const ticket = (id: string, opened: string, closed: string | null, rating: number | null) => ({
    community_id: 'c1', source_id: 's-desk', external_id: id, opened_at: sh(opened), closed_at: closed ? sh(closed) : null, state: closed ? ('closed' as const) : ('open' as const), rating, text: '', clause_ids: ['8.1.3'],
  });
  await db.insertInto('tickets').values([
    ticket('inside', '2026-03-10 10:00', '2026-03-11 10:00', 5),
    // Opened in March, closed (and rated) in April: a March ticket in every output.
    ticket('closed-after', '2026-03-30 10:00', '2026-04-02 10:00', 2),
    // Opened in February, closed in March: not a March ticket anywhere.
    ticket('opened-before', '2026-02-26 10:00', '2026-03-02 10:00', null),
    // Rated though still open.
    ticket('open', '2026-03-20 10:00', null, 4),
  ]).execute();
}

describe.each(drivers)('hotline period on $name', (driver) => {
  it('counts the same rated tickets in metrics tickets, the overview and the export: those opened in the period', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      await recomputeRollups(db, rollupOptions);
      const start = sh('2026-03-01 00:00');
      const end = sh('2026-04-01 00:00');
      const cli = ticketKpis(await ticketKpiRows(db, { start, end }), {
        calendar: sla.calendar, start, end, now: end, slaHours: sla.hours, slaClock: sla.clock, satisfiedMinRating: 4, minCell: 1,
      });
      const overview = await hotlineSummary(db, { period: march, timeZone: 'Asia/Shanghai', sla, minCell: 1, satisfiedMinRating: 4 });
      const gain = await gainReport(db, { period: march, weights: { survey: 0, hotline: 1, sentiment: 0 }, minCell: 1 });
      const card = await clauseScorecard(db, { period: march, minCell: 1, clauses, tickets: { slaHours: 72, slaClock: 'calendar', satisfiedMinRating: 4 } });
      expect(cli.total.rated).toBe(3);
      expect(overview.rated).toBe(3);
      expect(gain.all.components.hotline).toMatchObject({ n: 3 });
      expect(overview.satisfied_rate).toBeCloseTo(2 / 3, 12);
      expect(card.rows.find((r) => r.clause_id === '*')?.tickets).toMatchObject({ n: 3, satisfied_rate: overview.satisfied_rate });
      // On time: 'inside' (24 h) and 'closed-after' (72 h) of the two closings of March tickets.
      expect(card.rows.find((r) => r.clause_id === '*')?.tickets).toMatchObject({ on_time_rate: overview.on_time_rate });
      expect(overview.on_time_rate).toBe(cli.total.on_time_rate);

      // A February ticket stored after the rollups were built reaches them through a recent recompute.
      await db.insertInto('tickets').values({ community_id: 'c1', source_id: 's-desk', external_id: 'late-import', opened_at: sh('2026-02-20 10:00'), closed_at: sh('2026-02-21 10:00'), state: 'closed', rating: 1, text: '', clause_ids: [] }).execute();
      await recomputeRollups(db, { ...rollupOptions, fromDay: '2026-03-25' });
      const february = await gainReport(db, { period: { from: '2026-02-01', to: '2026-02-28' }, weights: { survey: 0, hotline: 1, sentiment: 0 }, minCell: 1 });
      expect(february.all.components.hotline).toMatchObject({ n: 1 });
    } finally {
      await close();
    }
  });
});
