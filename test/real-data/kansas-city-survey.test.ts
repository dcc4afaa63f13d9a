import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';
import { importSurveyCsv } from '../../collectors/survey/import-survey.ts';
import { surveyComparison, type SurveyComparison } from '../../pipeline/metrics/survey-comparison.ts';
import { parsePeriodLabel } from '../../warehouse/read-models/period-label.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// Kansas City's resident survey, two waves (../shared/data/survey, never copied into the repo),
// imported through our example instrument and checked against figures computed here straight
// from the CSV files. "Overall quality of city services" is q2_01 (1 = very dissatisfied … 5 =
// very satisfied, 9 = don't know); self-reported health q28_h is reverse-coded (1 = excellent).
const data = resolve(import.meta.dirname, '../../../shared/data/survey');
const waves = { baseline: 'kansas_city_resident_survey_fy2022.csv', current: 'kansas_city_resident_survey_mar2022.csv' } as const;
const present = existsSync(resolve(data, waves.baseline)) && existsSync(resolve(data, waves.current));
if (!present) console.log(`skipped: the Kansas City survey waves are not in ${data} (../shared/data is absent)`);

const full = loadInstrument(resolve(import.meta.dirname, '../../config/examples/kansas-city-resident-survey.yaml'));
// Four of the 81 items keep the import quick; their definitions are the example file's own.
const kept = new Set(['q2_01', 'q2_05', 'q3_10', 'q28_h']);
const instrument = { ...full, questions: full.questions.filter((q) => kept.has(q.id)) };

function answers(file: string, column: string): number[] {
  const records = parse(readFileSync(resolve(data, file)), { columns: true, bom: true }) as Record<string, string>[];
  return records.map((r) => Number(r[column])).filter((v) => v >= 1 && v <= 5);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
/** P(|Z| ≥ z) by Simpson's rule on the normal density: independent of the code's erfc. */
function twoSided(z: number): number {
  const steps = 20_000;
  const h = Math.abs(z) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) sum += (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * Math.exp(-((i * h) ** 2) / 2);
  return 1 - (2 * (sum * h)) / 3 / Math.sqrt(2 * Math.PI);
}

describe.skipIf(!present).each(drivers)('Kansas City resident survey, two waves, on $name', (driver) => {
  let database: TestDatabase;
  let comparison: SurveyComparison;
  beforeAll(async () => {
    database = await driver.open();
    for (const file of Object.values(waves)) {
      const summary = await importSurveyCsv(database.db, { file: resolve(data, file), instrument, pseudonymKey: 'k' });
      expect(summary.rejected).toBe(0);
    }
    comparison = await surveyComparison(database.db, {
      instrumentId: instrument.id,
      period: parsePeriodLabel('2022-03'),
      baseline: parsePeriodLabel('2021-09'),
      timeZone: 'America/Chicago',
      minCell: 5,
    });
  }, 600_000);
  afterAll(() => database?.close());

  it('reports the change in satisfaction with the overall quality of city services, as computed from the CSV', () => {
    const [a, b] = [answers(waves.baseline, 'q2_01'), answers(waves.current, 'q2_01')];
    const cell = comparison.cells.find((c) => c.question === 'q2_01')!;
    if (cell.current.suppressed || cell.baseline.suppressed || cell.current.kind !== 'likert' || cell.baseline.kind !== 'likert') return expect.fail('q2_01 should have figures');
    const scores = (xs: number[]) => xs.map((v) => (v - 1) * 25);
    expect([cell.baseline.n, cell.current.n]).toEqual([a.length, b.length]);
    expect(cell.baseline.index).toBeCloseTo(mean(scores(a)), 9);
    expect(cell.current.index).toBeCloseTo(mean(scores(b)), 9);
    const t = (mean(scores(b)) - mean(scores(a))) / Math.sqrt(variance(scores(a)) / a.length + variance(scores(b)) / b.length);
    expect(cell.index_change?.t).toBeCloseTo(t, 9);

    const [pa, pb] = [a.filter((v) => v >= 4).length / a.length, b.filter((v) => v >= 4).length / b.length];
    expect(cell.baseline.pct_satisfied).toBeCloseTo(pa * 100, 9);
    expect(cell.current.pct_satisfied).toBeCloseTo(pb * 100, 9);
    const pooled = (pa * a.length + pb * b.length) / (a.length + b.length);
    const z = (pb - pa) / Math.sqrt(pooled * (1 - pooled) * (1 / a.length + 1 / b.length));
    const change = cell.satisfied_change!;
    expect(change.difference).toBeCloseTo((pb - pa) * 100, 9);
    expect(change.z).toBeCloseTo(z, 9);
    expect(change.p).toBeCloseTo(twoSided(z), 6);
    expect(change.verdict).toBe(twoSided(z) < 0.05 ? 'significant' : 'within noise');
    console.log(
      `Kansas City, overall quality of city services (q2_01): satisfied ${(pa * 100).toFixed(1)}% (n ${a.length}, Sep 2021) → ${(pb * 100).toFixed(1)}% (n ${b.length}, Mar 2022), ` +
        `${change.difference >= 0 ? '+' : ''}${change.difference.toFixed(1)} points, z ${change.z.toFixed(2)}, p ${change.p.toPrecision(2)}: ${change.verdict}; ` +
        `index ${cell.baseline.index.toFixed(1)} → ${cell.current.index.toFixed(1)}, Welch t ${cell.index_change!.t.toFixed(2)}, df ${cell.index_change!.df.toFixed(0)}, p ${cell.index_change!.p.toPrecision(2)}: ${cell.index_change!.verdict}`,
    );
  });

  it('keeps "don\'t know" (9) out of the base and flips the reverse-coded health item', () => {
    const health = answers(waves.current, 'q28_h');
    const cell = comparison.cells.find((c) => c.question === 'q28_h')!;
    if (cell.current.suppressed || cell.current.kind !== 'likert') return expect.fail('q28_h should have figures');
    expect(cell.current.n).toBe(health.length);
    // Reversed: 1 (excellent) and 2 (very good) are the two best points.
    expect(cell.current.pct_satisfied).toBeCloseTo((health.filter((v) => v <= 2).length / health.length) * 100, 9);
    expect(cell.current.index).toBeCloseTo(mean(health.map((v) => (5 - v) * 25)), 9);
  });
});
