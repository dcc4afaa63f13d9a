import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../config/instrument.ts';
import { importSurveyCsv } from '../../collectors/survey/import-survey.ts';
import { formatSurveyMetrics } from '../../cli/format-survey-metrics.ts';
import { type QuestionCell, surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { drivers } from '../support/databases.ts';

// 40 English, 6 German and 1 Korean respondent. Suppressing the Korean cell alone protects nobody:
// the question's figures without --by, minus the English and German cells, are that one person's
// answer. The suppressed cells of a split must hold at least min_cell answers between them.
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const people = [
  ...Array.from({ length: 40 }, (_, i) => ({ lang: 'en', service: 1 + (i % 5) })),
  ...Array.from({ length: 6 }, (_, i) => ({ lang: 'de', service: 2 + (i % 3) })),
  { lang: 'ko', service: 5 },
];
const csv = join(dir, 'survey.csv');
writeFileSync(csv, ['Respondent,Submitted,Language,Service', ...people.map((p, i) => `R${i},2026-03-10 10:00,${p.lang},${p.service}`)].join('\n') + '\n');
const instrument = instrumentSchema.parse({
  id: 'split-test',
  community: 'lixia-intl',
  respondent_id: 'Respondent',
  submitted_at: 'Submitted',
  segments: { language: 'Language' },
  questions: [{ id: 'service', column: 'Service', scale: { type: 'likert', min: 1, max: 5 } }],
});

const bySegment = (cells: QuestionCell[]) => Object.fromEntries(cells.map((c) => [c.segment, c]));
const score = (point: number) => ((point - 1) / 4) * 100;
const sum = (points: number[]) => points.reduce((a, p) => a + score(p), 0);

describe.each(drivers)('a split by segment on $name', (driver) => {
  it('also withholds the smallest published cell when the suppressed ones hold fewer than min_cell answers', async () => {
    const { db, close } = await driver.open();
    try {
      await importSurveyCsv(db, { file: csv, instrument, pseudonymKey: 'k' });
      const options = { instrumentId: 'split-test', timeZone: 'Asia/Shanghai', minCell: 5 };
      const total = (await surveyMetrics(db, options)).cells[0];
      const split = await surveyMetrics(db, { ...options, by: 'language' });
      const cells = bySegment(split.cells);
      expect(cells.ko).toMatchObject({ suppressed: true });
      expect(cells.de).toMatchObject({ suppressed: true, protects_smaller_cell: true });
      expect(cells.en).toMatchObject({ suppressed: false, n: 40 });
      const english = people.filter((p) => p.lang === 'en').map((p) => p.service);
      expect(cells.en?.suppressed === false ? cells.en.index : null).toBeCloseTo(sum(english) / english.length, 9);

      // What can be recovered from the two outputs is the German and Korean respondents together.
      if (total?.suppressed !== false || cells.en?.suppressed !== false) throw new Error('expected figures');
      const rest = total.index * total.n - cells.en.index * cells.en.n;
      expect(rest).toBeCloseTo(sum(people.filter((p) => p.lang !== 'en').map((p) => p.service)), 6);
      expect(total.n - cells.en.n).toBeGreaterThanOrEqual(5);

      expect(formatSurveyMetrics(split)).toMatch(/^service +de +suppressed \(protects a cell with n < 5\)$/m);
      expect(formatSurveyMetrics(split)).toMatch(/^service +ko +suppressed \(n < 5\)$/m);
    } finally {
      await close();
    }
  });
});
