import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../config/instrument.ts';
import { importSurveyCsv } from '../../collectors/survey/import-survey.ts';
import { surveyComparison } from '../../pipeline/metrics/survey-comparison.ts';
import { type QuestionCell, surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { formatSurveyComparison, formatSurveyMetrics } from '../../cli/format-survey-metrics.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// Our own survey: 60 responses in January 2026 and 60 in March, two segments of 57 and 3
// responses per month (so one is always under the privacy minimum of 5). Answers follow a fixed
// pseudo-random sequence, with March a little happier than January.
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-survey-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seed = 7;
const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
interface Row { id: string; month: '01' | '03'; lang: string; service: number | 'DK'; waiting: number; recommend: number }
const rows: Row[] = [];
for (const month of ['01', '03'] as const) {
  for (let i = 0; i < 60; i++) {
    const lift = month === '03' ? 0.6 : 0;
    const service = next() < 0.08 ? 'DK' : Math.min(5, Math.max(1, Math.round(1 + next() * 4 + lift)));
    rows.push({ id: `R${month}-${i}`, month, lang: i < 3 ? 'fr' : 'en', service, waiting: 1 + Math.floor(next() * 5), recommend: Math.min(10, Math.floor(next() * 11 + lift * 2)) });
  }
}
const csv = join(dir, 'survey.csv');
writeFileSync(
  csv,
  ['Respondent,Submitted,Language,Service,Waiting too long,Recommend', ...rows.map((r) => `${r.id},2026-${r.month}-10 10:00,${r.lang},${r.service},${r.waiting},${r.recommend}`)].join('\n') + '\n',
);
const instrument = instrumentSchema.parse({
  id: 'metrics-test',
  community: 'lixia-intl',
  respondent_id: 'Respondent',
  submitted_at: 'Submitted',
  segments: { language: 'Language' },
  questions: [
    { id: 'service', column: 'Service', clause: '8.1.2', scale: { type: 'likert', min: 1, max: 5, dont_know: ['DK'] } },
    { id: 'waiting', column: 'Waiting too long', label: 'I waited too long at the desk', scale: { type: 'likert', min: 1, max: 5, reverse: true } },
    { id: 'recommend', column: 'Recommend', scale: { type: 'nps' } },
  ],
});

// The expected figures, computed straight from the raw answers.
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function expectedLikert(points: number[], reverse: boolean) {
  const scores = points.map((p) => ((reverse ? 5 - p : p - 1) / 4) * 100);
  return { n: points.length, index: mean(scores), pct_satisfied: (points.filter((p) => (reverse ? p <= 2 : p >= 4)).length / points.length) * 100 };
}
function expectedNps(points: number[]) {
  const share = (f: (p: number) => boolean) => (points.filter(f).length / points.length) * 100;
  return { n: points.length, nps: share((p) => p >= 9) - share((p) => p <= 6) };
}
const of = (month: string, lang?: string) => rows.filter((r) => r.month === month && (lang === undefined || r.lang === lang));
const servicePoints = (rs: Row[]) => rs.flatMap((r) => (r.service === 'DK' ? [] : [r.service]));
const cell = (cells: QuestionCell[], question: string, segment?: string) => cells.find((c) => c.question === question && (segment === undefined || c.segment === segment));

describe.each(drivers)('survey metrics on $name', (driver) => {
  // One import per driver: the tests only read (a second import must change nothing anyway).
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
    await importSurveyCsv(database.db, { file: csv, instrument, pseudonymKey: 'k' });
  });
  afterAll(() => database.close());
  const options = { instrumentId: 'metrics-test', timeZone: 'Asia/Shanghai', minCell: 5 };

  it('stores the instrument once however often it is imported', async () => {
    await importSurveyCsv(database.db, { file: csv, instrument, pseudonymKey: 'k' });
    const stored = await database.db.selectFrom('survey_instruments').selectAll().execute();
    expect(stored.map((s) => [s.id, s.community_id])).toEqual([['metrics-test', 'lixia-intl']]);
    expect(stored[0]?.definition).toMatchObject({ id: 'metrics-test', questions: [{ id: 'service' }, { id: 'waiting' }, { id: 'recommend' }] });
  });

  it('gives n, index, top-2-box (reversed items flipped) and NPS as computed from the raw answers', async () => {
    const metrics = await surveyMetrics(database.db, { ...options, period: { from: '2026-01-01', to: '2026-01-31' } });
    const january = of('01');
    expect(cell(metrics.cells, 'service')).toMatchObject({ suppressed: false, ...expectedLikert(servicePoints(january), false) });
    const waiting = cell(metrics.cells, 'waiting');
    expect(waiting).toMatchObject({ suppressed: false, n: 60 });
    const expected = expectedLikert(january.map((r) => r.waiting), true);
    if (waiting?.suppressed === false && waiting.kind === 'likert') {
      expect(waiting.index).toBeCloseTo(expected.index, 9);
      expect(waiting.pct_satisfied).toBeCloseTo(expected.pct_satisfied, 9);
      expect(waiting.ci?.[0]).toBeLessThan(waiting.index);
    } else expect.fail('waiting should have figures');
    const recommend = cell(metrics.cells, 'recommend');
    const nps = expectedNps(january.map((r) => r.recommend));
    if (recommend?.suppressed === false && recommend.kind === 'nps') {
      expect(recommend.n).toBe(nps.n);
      expect(recommend.nps).toBeCloseTo(nps.nps, 9);
      expect(recommend.ci[0]).toBeLessThan(recommend.ci[1]);
    } else expect.fail('recommend should have figures');
  });

  it('splits by segment and suppresses a segment under the privacy minimum', async () => {
    const metrics = await surveyMetrics(database.db, { ...options, by: 'language', period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(metrics.cells.filter((c) => c.question === 'service').map((c) => c.segment)).toEqual(['en', 'fr']);
    expect(cell(metrics.cells, 'service', 'fr')).toEqual({ question: 'service', clause: '8.1.2', kind: 'likert', segment: 'fr', suppressed: true });
    // With fr withheld alone, the unsplit figures minus en's would be fr's: en is withheld too.
    expect(cell(metrics.cells, 'service', 'en')).toMatchObject({ suppressed: true, protects_smaller_cell: true });
    await expect(surveyMetrics(database.db, { ...options, by: 'gender' })).rejects.toThrow(/no segment "gender" \(known: language\)/);
  });

  it('compares two periods with Welch and two-proportion tests computed from the raw answers', async () => {
    const comparison = await surveyComparison(database.db, { ...options, period: { from: '2026-03-01', to: '2026-03-31' }, baseline: { from: '2026-01-01', to: '2026-01-31' } });
    const service = comparison.cells.find((c) => c.question === 'service')!;
    const toScores = (rs: Row[]) => servicePoints(rs).map((p) => ((p - 1) / 4) * 100);
    const [a, b] = [toScores(of('01')), toScores(of('03'))];
    const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const t = (mean(b) - mean(a)) / Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    expect(service.index_change?.difference).toBeCloseTo(mean(b) - mean(a), 9);
    expect(service.index_change?.t).toBeCloseTo(t, 9);
    expect(service.index_change?.verdict).toBe(service.index_change!.p < 0.05 ? 'significant' : 'within noise');
    const top = (xs: number[]) => xs.filter((s) => s >= 75).length;
    const pooled = (top(a) + top(b)) / (a.length + b.length);
    const z = (top(b) / b.length - top(a) / a.length) / Math.sqrt(pooled * (1 - pooled) * (1 / a.length + 1 / b.length));
    expect(service.satisfied_change?.difference).toBeCloseTo((top(b) / b.length - top(a) / a.length) * 100, 9);
    expect(service.satisfied_change?.z).toBeCloseTo(z, 9);
    expect(comparison.cells.find((c) => c.question === 'recommend')?.nps_change).toBeDefined();
  });

  it('names a question by its label where the instrument gives one, in JSON and in the printed tables', async () => {
    const metrics = await surveyMetrics(database.db, options);
    expect(cell(metrics.cells, 'waiting')?.label).toBe('I waited too long at the desk');
    expect(cell(metrics.cells, 'service')).not.toHaveProperty('label');
    expect(formatSurveyMetrics(metrics)).toMatch(/^waiting I waited too long at the desk +120 /m);
    const comparison = await surveyComparison(database.db, { ...options, period: { from: '2026-03-01', to: '2026-03-31' }, baseline: { from: '2026-01-01', to: '2026-01-31' } });
    expect(comparison.cells.find((c) => c.question === 'waiting')?.label).toBe('I waited too long at the desk');
    expect(formatSurveyComparison(comparison)).toMatch(/^waiting I waited too long at the desk +60 → 60 /m);
  });

  it('says a period nobody answered in has no answers, rather than calling it suppressed', async () => {
    const empty = { from: '2025-07-01', to: '2025-07-31' };
    const metrics = await surveyMetrics(database.db, { ...options, period: empty });
    expect(cell(metrics.cells, 'service')).toEqual({ question: 'service', clause: '8.1.2', kind: 'likert', suppressed: true, no_answers: true });
    expect(formatSurveyMetrics(metrics)).toMatch(/^service +0 +no answers in the period$/m);
    expect(formatSurveyMetrics(metrics)).not.toContain('suppressed');
    // Split, an empty period has no segment values at all; the table says so instead of printing a bare header.
    const split = await surveyMetrics(database.db, { ...options, period: empty, by: 'language' });
    expect(split.cells).toEqual([]);
    expect(formatSurveyMetrics(split)).toMatch(/\n\nno answers in the period\n$/);
    const comparison = await surveyComparison(database.db, { ...options, period: { from: '2026-03-01', to: '2026-03-31' }, baseline: empty });
    expect(formatSurveyComparison(comparison)).toMatch(/^service +no answers in the baseline$/m);
  });

  it('fails naming the instrument when it was never imported', async () => {
    await expect(surveyMetrics(database.db, { ...options, instrumentId: 'nope' })).rejects.toThrow(/instrument "nope" has not been imported \(known: metrics-test\)/);
  });
});
