import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { instrumentSchema, type Instrument } from '../../config/instrument.ts';

export const QUESTIONS = 10;
const LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
const LANGUAGES = ['zh', 'en', 'ko', 'ja', 'ru', 'de'];
const TYPES = ['talent', 'family', 'institution'];
const HEADER = ['Respondent', 'Submitted', 'Language', 'Type', ...Array.from({ length: QUESTIONS }, (_, q) => `Q${q + 1}`)];

/** The instrument of the generated file: nine 1–5 items with Chinese labels and an NPS item. */
export function benchInstrument(id: string): Instrument {
  return instrumentSchema.parse({
    id,
    community: 'bench',
    respondent_id: 'Respondent',
    submitted_at: 'Submitted',
    segments: { language: 'Language', respondent_type: 'Type' },
    questions: Array.from({ length: QUESTIONS }, (_, q) => ({
      id: `q${q + 1}`,
      column: `Q${q + 1}`,
      clause: '8.1.2',
      scale: q === QUESTIONS - 1 ? { type: 'nps' } : { type: 'likert', min: 1, max: 5, labels: Object.fromEntries(LABELS.map((label, i) => [label, i + 1])), dont_know: ['不知道'] },
    })),
  });
}

export interface SurveyFileFacts {
  responses: number;
  /** Rows with an unknown label (one in a thousand), which the importer rejects. */
  bad: number;
  /** Rows repeating an earlier respondent (one in a thousand), which it counts as duplicates. */
  repeats: number;
}

/** Writes a survey export of `responses` rows × 10 questions, deterministic, streamed to disk. */
export async function writeSurveyFile(file: string, responses: number): Promise<SurveyFileFacts> {
  const out = createWriteStream(file);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let bad = 0;
  let repeats = 0;
  let chunk = `${HEADER.join(',')}\n`;
  for (let row = 1; row <= responses; row++) {
    const repeat = row % 1000 === 500;
    if (repeat) repeats++;
    const respondent = `R-${String(repeat ? row - 1 : row).padStart(7, '0')}`;
    const minute = row % (60 * 24 * 90);
    const day = 1 + Math.floor(minute / (60 * 24));
    const submitted = `2026-${String(1 + Math.floor((day - 1) / 30)).padStart(2, '0')}-${String(1 + ((day - 1) % 28)).padStart(2, '0')} ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    const answers: string[] = [];
    for (let q = 0; q < QUESTIONS - 1; q++) answers.push(random() < 0.03 ? '不知道' : random() < 0.2 ? String(1 + Math.floor(random() * 5)) : pick(LABELS));
    answers.push(String(Math.floor(random() * 11)));
    if (row % 1000 === 999) {
      answers[0] = 'Great';
      bad++;
    }
    chunk += `${respondent},${submitted},${pick(LANGUAGES)},${pick(TYPES)},${answers.join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { responses, bad, repeats };
}
