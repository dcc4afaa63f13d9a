import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { surveyComparison } from '../../pipeline/metrics/survey-comparison.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, seedBase, seedUsers, startDashboard } from './helpers.ts';
import { april, march, surveyInstrument, writeSurveyCsv } from './survey-fixture.ts';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const toIndex = (point: number) => ((point - 1) / 4) * 100;

interface Cell {
  question: string;
  segment?: string | null;
  suppressed: boolean;
  n?: number;
  index?: number;
  ci?: [number, number];
  pct_satisfied?: number;
  nps?: number;
}

describe.each(drivers)('dashboard survey metrics API on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    const summary = await importSurvey(tdb.db, { file: writeSurveyCsv(), instrument: surveyInstrument, pseudonymKey: 'k' });
    expect(summary).toMatchObject({ new: 20, rejected: 0 });
    server = await startDashboard(tdb.db);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('lists instruments with the periods that have responses, for leaders and experts only', async () => {
    const leader = await login(server.url, 'leader');
    const res = await leader.get('/api/surveys');
    expect(res.status).toBe(200);
    const { surveys } = (await res.json()) as { surveys: Array<Record<string, unknown>> };
    expect(surveys).toEqual([
      {
        id: 'resident-2026',
        name: 'Resident survey 2026',
        community: 'lixia',
        segments: ['language'],
        responses: 20,
        periods: {
          months: [
            { label: '2026-03', responses: 10 },
            { label: '2026-04', responses: 10 },
          ],
          quarters: [
            { label: '2026-Q1', responses: 10 },
            { label: '2026-Q2', responses: 10 },
          ],
          years: [{ label: '2026', responses: 20 }],
        },
      },
    ]);
    expect((await (await login(server.url, 'expert')).get('/api/surveys')).status).toBe(200);
    expect((await (await login(server.url, 'comms')).get('/api/surveys')).status).toBe(403);
    expect((await (await login(server.url, 'comms')).get('/api/surveys/resident-2026/metrics')).status).toBe(403);
  });

  it('gives per question n, index with CI, % satisfied and NPS for a period', async () => {
    const expert = await login(server.url, 'expert');
    const res = await expert.get('/api/surveys/resident-2026/metrics?period=2026-04');
    expect(res.status).toBe(200);
    const { metrics } = (await res.json()) as { metrics: { period: unknown; cells: Cell[] } };
    expect(metrics.period).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    const overall = metrics.cells.find((c) => c.question === 'overall');
    expect(overall?.n).toBe(10);
    expect(overall?.index).toBeCloseTo(mean(april.map(toIndex)), 9);
    expect(overall?.pct_satisfied).toBe(100);
    const [low, high] = overall?.ci ?? [NaN, NaN];
    expect(low).toBeLessThan(overall?.index ?? NaN);
    expect(high).toBeGreaterThan(overall?.index ?? NaN);
    const nps = metrics.cells.find((c) => c.question === 'recommend');
    // Promoters (9–10) 5, detractors (0–6) 3 of 10.
    expect(nps).toMatchObject({ n: 10, nps: 20 });
  });

  it('marks small segment cells suppressed, with no figures', async () => {
    const leader = await login(server.url, 'leader');
    const { metrics } = (await (await leader.get('/api/surveys/resident-2026/metrics?period=2026-03&by=language')).json()) as { metrics: { cells: Cell[] } };
    const en = metrics.cells.find((c) => c.question === 'overall' && c.segment === 'en');
    expect(en).toEqual({ question: 'overall', clause: '8.1.3', kind: 'likert', segment: 'en', suppressed: true });
    // The whole month less zh would be en's two answers: zh is withheld too, saying why.
    expect(metrics.cells.find((c) => c.question === 'overall' && c.segment === 'zh')).toEqual({
      question: 'overall', clause: '8.1.3', kind: 'likert', segment: 'zh', suppressed: true, protects_smaller_cell: true,
    });
  });

  it('compares two periods with the CLI computation and says whether the change is significant', async () => {
    const leader = await login(server.url, 'leader');
    const res = await leader.get('/api/surveys/resident-2026/metrics?period=2026-04&compare=2026-03');
    expect(res.status).toBe(200);
    const { comparison } = (await res.json()) as { comparison: { cells: Array<{ question: string; index_change?: { difference: number; verdict: string }; nps_change?: { verdict: string } }> } };
    const overall = comparison.cells.find((c) => c.question === 'overall');
    expect(overall?.index_change?.difference).toBeCloseTo(mean(april.map(toIndex)) - mean(march.map(toIndex)), 9);
    expect(overall?.index_change?.verdict).toBe('significant');
    // The same answers, reordered: NPS did not move.
    expect(comparison.cells.find((c) => c.question === 'recommend')?.nps_change?.verdict).toBe('within noise');
    const direct = await surveyComparison(tdb.db, {
      instrumentId: 'resident-2026',
      timeZone: 'Asia/Shanghai',
      minCell: 5,
      period: { from: '2026-04-01', to: '2026-04-30' },
      baseline: { from: '2026-03-01', to: '2026-03-31' },
    });
    expect(comparison).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('answers bad requests with the parameter at fault', async () => {
    const leader = await login(server.url, 'leader');
    const error = async (path: string) => {
      const res = await leader.get(path);
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await error('/api/surveys/nope/metrics')).toEqual([404, expect.stringMatching(/instrument "nope" has not been imported \(known: resident-2026\)/)]);
    expect(await error('/api/surveys/resident-2026/metrics?period=March')).toEqual([400, expect.stringMatching(/^period: "March" is not a period/)]);
    expect(await error('/api/surveys/resident-2026/metrics?compare=2026-03')).toEqual([400, expect.stringMatching(/compare needs period/)]);
    expect(await error('/api/surveys/resident-2026/metrics?period=2026-Q1&compare=2026-03')).toEqual([400, expect.stringMatching(/^compare: the baseline 2026-03-01..2026-03-31 overlaps the period 2026-01-01..2026-03-31/)]);
    expect(await error('/api/surveys/resident-2026/metrics?by=nationality')).toEqual([400, expect.stringMatching(/no segment "nationality" \(known: language\)/)]);
  });
});
