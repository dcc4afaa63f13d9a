import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instrumentSchema } from '../../config/instrument.ts';

export const surveyInstrument = instrumentSchema.parse({
  id: 'resident-2026',
  name: 'Resident survey 2026',
  community: 'lixia',
  file: { format: 'csv' },
  submitted_at: 'Submitted',
  segments: { language: 'Language' },
  questions: [
    { id: 'overall', column: 'Overall', clause: '8.1.3', scale: { type: 'likert', min: 1, max: 5 } },
    { id: 'recommend', column: 'Recommend', scale: { type: 'nps' } },
  ],
});

// March is poor, April good; eight answers in Chinese and two in English each month.
export const march = [2, 2, 3, 2, 3, 2, 3, 2, 2, 3];
export const april = [4, 5, 4, 5, 4, 4, 5, 5, 4, 4];
const recommend = [3, 9, 10, 6, 8, 9, 2, 10, 7, 9];

/** Writes the two months' export to a temporary CSV file. */
export function writeSurveyCsv(): string {
  const rows = ['Submitted,Language,Overall,Recommend'];
  march.forEach((point, i) => rows.push(`2026-03-${String(i + 2).padStart(2, '0')} 10:00,${i < 8 ? 'zh' : 'en'},${point},${recommend[i]}`));
  april.forEach((point, i) => rows.push(`2026-04-${String(i + 2).padStart(2, '0')} 10:00,${i < 8 ? 'zh' : 'en'},${point},${recommend[9 - i]}`));
  const file = join(mkdtempSync(join(tmpdir(), 'surveys-api-')), 'resident.csv');
  writeFileSync(file, rows.join('\n'));
  return file;
}
