import type { Scale } from '../../config/instrument.ts';

/** A scale with one answer per cell; several-answer cells are scored by scoreChoices. */
export type SingleScale = Exclude<Scale, { type: 'multi' }>;

export type AnswerOutcome = { ok: true; raw: string | null; score: number | null } | { ok: false; reason: string };

const WHOLE_NUMBER = /^[+-]?\d+(?:\.0+)?$/;

/**
 * Puts one answer on the common 0–100 scale. Blank and "don't know" answers leave the base
 * (score null); NPS 0–10 becomes 0–100 with the raw answer kept; reversed items are flipped.
 */
export function scoreAnswer(scale: SingleScale, cell: string): AnswerOutcome {
  const raw = cell.trim();
  if (raw === '') return { ok: true, raw: null, score: null };
  if (dontKnowSet(scale).has(raw.toLowerCase())) {
    return { ok: true, raw, score: null };
  }
  if (scale.type === 'nps') {
    if (!WHOLE_NUMBER.test(raw)) return { ok: false, reason: `not a 0–10 recommendation score` };
    const point = Number(raw);
    if (point < 0 || point > 10) return { ok: false, reason: `${point} is outside 0–10` };
    return { ok: true, raw, score: point * 10 };
  }
  const point = scale.labels[raw] ?? (WHOLE_NUMBER.test(raw) ? Number(raw) : undefined);
  if (point === undefined) {
    const labels = Object.keys(scale.labels);
    const expected = labels.length > 0 ? `one of ${labels.join('/')} or a point ${scale.min}–${scale.max}` : `a point ${scale.min}–${scale.max}`;
    return { ok: false, reason: `unknown answer (expected ${expected})` };
  }
  if (point < scale.min || point > scale.max) return { ok: false, reason: `${point} is outside ${scale.min}–${scale.max}` };
  const score = ((point - scale.min) / (scale.max - scale.min)) * 100;
  return { ok: true, raw, score: scale.reverse ? 100 - score : score };
}

const dontKnowSets = new WeakMap<SingleScale, Set<string>>();

/** The scale's "don't know" answers, trimmed and lower-cased, worked out once per scale (this runs for every answer). */
function dontKnowSet(scale: SingleScale): Set<string> {
  let set = dontKnowSets.get(scale);
  if (!set) {
    set = new Set(scale.dont_know.map((option) => String(option).trim().toLowerCase()));
    dontKnowSets.set(scale, set);
  }
  return set;
}
