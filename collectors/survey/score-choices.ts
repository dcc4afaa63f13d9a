import type { Scale } from '../../config/instrument.ts';
import { withoutTypedText } from './score-answer.ts';

export type MultiScale = Extract<Scale, { type: 'multi' }>;

export interface ChoiceAnswer {
  optionId: string;
  raw: string | null;
  score: number | null;
}

export type ChoicesOutcome = { ok: true; answers: ChoiceAnswer[] } | { ok: false; reason: string };


/** The options of a multi scale as [answer text, option id], in the order the instrument gives them. */
export function multiOptions(scale: MultiScale): [label: string, id: string][] {
  return Array.isArray(scale.options) ? scale.options.map((label, index) => [label, String(index + 1)]) : Object.entries(scale.options);
}

/**
 * Scores a cell holding several chosen options: every option of the scale gets an answer, 100 when
 * chosen and 0 when not. A blank or "don't know" cell leaves every option out of the base (null).
 */
export function scoreChoices(scale: MultiScale, cell: string): ChoicesOutcome {
  const options = multiOptions(scale);
  const raw = cell.trim();
  const unanswered = raw === '' || scale.dont_know.some((option) => String(option).trim().toLowerCase() === raw.toLowerCase());
  if (unanswered) return { ok: true, answers: options.map(([, optionId]) => ({ optionId, raw: null, score: null })) };

  const byLabel = new Map(options.map(([label, id]) => [label.trim().toLowerCase(), id]));
  const chosen = new Set<string>();
  for (const part of raw.split(scale.separator)) {
    const label = withoutTypedText(part).trim();
    if (label === '') continue;
    const id = byLabel.get(label.toLowerCase());
    if (id === undefined) {
      return { ok: false, reason: `unknown option "${label}" (expected some of ${options.map(([text]) => text).join('/')} joined by ${scale.separator})` };
    }
    chosen.add(id);
  }
  return { ok: true, answers: options.map(([label, optionId]) => (chosen.has(optionId) ? { optionId, raw: label, score: 100 } : { optionId, raw: null, score: 0 })) };
}
