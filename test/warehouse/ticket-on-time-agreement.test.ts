import { describe, expect, it } from 'vitest';
import { ticketKpis } from '../../pipeline/scoring/ticket-kpis.ts';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { hotlineSummary } from '../../warehouse/read-models/hotline-summary.ts';
import { ticketKpiRows } from '../../warehouse/read-models/ticket-kpi-rows.ts';
import { clauses } from '../dashboard/helpers.ts';
import { drivers } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';

// Shanghai has no daylight saving: wall time is UTC+8. 2026-03-06 is a Friday; Thursday 19 and
// Friday 20 March are declared days off, as a public holiday would be.
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const sla = testSla(7, 'working', ['2026-03-19', '2026-03-20']);
const period = { from: '2026-03-01', to: '2026-03-31' };

// [opened, closed]: one working day (7 h) to close, counted in working time with the holidays.
const tickets: Array<[string, string]> = [
  // Fri 16:00 → Mon 15:00: 71 calendar hours, 6 working hours — on time.
  ['2026-03-06 16:00', '2026-03-09 15:00'],
  // Mon 09:00 → Tue 10:00: 25 calendar hours, 8 working hours — late.
  ['2026-03-09 09:00', '2026-03-10 10:00'],
  // Mon 09:00 → Wed 09:00: 48 calendar hours, 14 working hours — late.
  ['2026-03-09 09:00', '2026-03-11 09:00'],
  // Wed 17:00 before the two days off → Mon 10:00: 113 calendar hours, 1.5 working hours — on time.
  ['2026-03-18 17:00', '2026-03-23 10:00'],
];

async function seed(db: Db): Promise<void> {
  await db.insertInto('communities').values({ id: 'c1', name_zh: '社区', name_en: 'Community' }).execute();
  await db.insertInto('sources').values({ id: 's-desk', kind: 'servicedesk', community_id: 'c1', name: 'desk', location: 'desk.csv', reach: 1, enabled: true }).execute();
  await db.insertInto('tickets').values(tickets.map(([opened, closed], i) => ({
    community_id: 'c1', source_id: 's-desk', external_id: `t${i}`, opened_at: sh(opened), closed_at: sh(closed), state: 'closed' as const, text: '', clause_ids: ['8.1.3'],
  }))).execute();
}

describe.each(drivers)('按时办结率 on $name', (driver) => {
  it('is the same in metrics tickets, the overview and the expert scorecard: working time with the holiday calendar', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db);
      const start = sh('2026-03-01 00:00');
      const end = sh('2026-04-01 00:00');
      const cli = ticketKpis(await ticketKpiRows(db, { start, end }), {
        calendar: sla.calendar, start, end, now: end, slaHours: sla.hours, slaClock: sla.clock, satisfiedMinRating: 4, minCell: 2,
      });
      expect(cli.total.on_time_rate).toBe(0.5);

      const overview = await hotlineSummary(db, { period, timeZone: 'Asia/Shanghai', sla, minCell: 2 });
      expect(overview).toMatchObject({ on_time_rate: 0.5, sla_hours: 7, sla_clock: 'working' });

      await recomputeRollups(db, { timezone: 'Asia/Shanghai', scorerVersion: 'v-test', ticketSla: sla, satisfiedMinRating: 4 });
      const card = await clauseScorecard(db, { period, minCell: 2, clauses, tickets: { slaHours: 7, slaClock: 'working', satisfiedMinRating: 4 } });
      expect(card.rows.find((r) => r.clause_id === '*')?.tickets).toMatchObject({ on_time_rate: 0.5 });
      expect(card.rows.find((r) => r.clause_id === '8.1.3')?.tickets).toMatchObject({ on_time_rate: 0.5 });
      expect(card.methods.tickets).toContain('7 working hours');
    } finally {
      await close();
    }
  });
});
