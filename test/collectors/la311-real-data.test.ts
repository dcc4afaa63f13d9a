import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importTicketsCsv } from '../../collectors/servicedesk/import-tickets.ts';
import { ticketKpiReport } from '../../pipeline/steps/ticket-kpi-report.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// Real Los Angeles 311 requests beside the project (../shared/data, never copied into it).
const file = resolve(import.meta.dirname, '../../../shared/data/servicedesk/la311_2017_subset.csv');
const present = existsSync(file);
if (!present) console.warn(`la311 real-data test skipped: ${file} is absent (it lives in ../shared/data, outside the repository)`);

const mapping = loadTicketMapping(resolve(import.meta.dirname, '../../config/examples/la311.yaml'));
const config = loadConfig({ TALENTPULSE_DEMO: '0' }, resolve(import.meta.dirname, '../../config/examples/la311-talentpulse.yaml'));

/** "12/31/2017 11:59:58 PM" in Los Angeles as epoch ms, by the US daylight-saving rule rather than Intl. */
function laTime(text: string): number {
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) (AM|PM)$/.exec(text);
  if (!m) throw new Error(`unexpected date ${text}`);
  const [month, day, year, h12, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const hour = (h12 % 12) + (m[7] === 'PM' ? 12 : 0);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Daylight time from the second Sunday of March to the first Sunday of November, 02:00 local.
  const nthSunday = (monthIndex: number, n: number) => {
    const first = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay();
    return Date.UTC(year, monthIndex, 1 + ((7 - first) % 7) + 7 * (n - 1), 2);
  };
  const daylight = wall >= nthSunday(2, 2) && wall < nthSunday(10, 1);
  return wall + (daylight ? 7 : 8) * 3_600_000;
}

/** Quantile by sorting and interpolating between the two nearest ranks (percentile_cont's definition). */
function sortedQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) * (1 - (rank - lo)) + (sorted[hi] as number) * (rank - lo);
}

describe.skipIf(!present)('LA 311 (real data): import and KPIs against a computation straight from the CSV', () => {
  const records = present ? (parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>) : [];
  const mapped = new Set(Object.keys(mapping.categories));
  const closed = records.filter((r) => r.Status !== 'Open');
  const hours = closed
    .map((r) => (laTime(r.ClosedDate ?? '') - laTime(r.CreatedDate ?? '')) / 3_600_000)
    .filter((h) => h >= 0);

  for (const driver of drivers) {
    describe(driver.name, () => {
      let database: TestDatabase;
      beforeAll(async () => {
        database = await driver.open();
        const summary = await importTicketsCsv(database.db, { file, mapping });
        expect(summary).toMatchObject({ read: records.length, new: records.length, rejected: 0 });
      }, 600_000);
      afterAll(() => database.close());

      it('gives the volume, 办结率, resolution median/p90 in calendar hours and the data-quality counts', async () => {
        const report = await ticketKpiReport(database.db, config, { period: { from: '2017-01-01', to: '2017-12-31' }, now: new Date('2026-01-01T00:00:00Z') });
        const { total } = report;
        expect(total.volume).toBe(records.length);
        expect(total.closure_rate).toBeCloseTo(closed.length / records.length, 12);
        expect(total.resolution.n).toBe(hours.length);
        expect(total.resolution.median_calendar_hours).toBeCloseTo(sortedQuantile(hours, 0.5), 6);
        expect(total.resolution.p90_calendar_hours).toBeCloseTo(sortedQuantile(hours, 0.9), 6);
        const problems = Object.fromEntries(report.data_quality.map((d) => [d.problem, d.tickets]));
        expect(problems.closed_before_opened).toBe(closed.length - hours.length);
        expect(problems.unknown_category).toBe(records.filter((r) => !mapped.has(r.RequestType ?? '')).length);
        expect(problems.closed_without_closed_at).toBe(closed.filter((r) => r.ClosedDate === '').length);
        // Backlog at the end of 2017: opened by then and not closed before it.
        const end = Date.UTC(2018, 0, 1, 8);
        expect(total.backlog.open).toBe(records.filter((r) => r.Status === 'Open' || laTime(r.ClosedDate ?? '') >= end).length);
      });
    });
  }
});
