import { HAOCHAPING_LABELS, type Scale } from '../../config/instrument.ts';

/** A scale with one answer per cell; several-answer cells are scored by scoreChoices. */
export type SingleScale = Exclude<Scale, { type: 'multi' }>;

export type AnswerOutcome = { ok: true; raw: string | null; score: number | null } | { ok: false; reason: string };

const WHOLE_NUMBER = /^[+-]?\d+(?:\.0+)?$/;

// 问卷星 appends what a respondent typed beside an option (其他〖…〗) in 〖〗: free text, often with a
// phone number, that no figure uses, so it is dropped before the option is read and never stored.
const TYPED_TEXT = /〖[^〗]*〗$/;

/** A 问卷星 answer without the text typed beside it: 其他〖请打我电话…〗 is the option 其他. */
export function withoutTypedText(cell: string): string {
  return cell.includes('〖') ? cell.trimEnd().replace(TYPED_TEXT, '') : cell;
}

/**
 * Puts one answer on the common 0–100 scale. Blank and "don't know" answers leave the base
 * (score null); NPS 0–10 becomes 0–100 with the raw answer kept; reversed items are flipped.
 */
export function scoreAnswer(scale: SingleScale, cell: string): AnswerOutcome {
  const raw = withoutTypedText(cell).trim();
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
  const points = pointsOf(scale);
  const point = points.labels[raw] ?? (WHOLE_NUMBER.test(raw) ? Number(raw) : undefined);
  if (point === undefined) {
    const labels = Object.keys(points.labels);
    const expected = labels.length > 0 ? `one of ${labels.join('/')} or a point ${points.min}–${points.max}` : `a point ${points.min}–${points.max}`;
    return { ok: false, reason: `unknown answer (expected ${expected})` };
  }
  if (point < points.min || point > points.max) return { ok: false, reason: `${point} is outside ${points.min}–${points.max}` };
  const score = ((point - points.min) / (points.max - points.min)) * 100;
  return { ok: true, raw, score: points.reverse ? 100 - score : score };
}

type PointScale = Pick<Extract<Scale, { type: 'likert' }>, 'min' | 'max' | 'labels' | 'reverse'>;
const haochapingPoints = new WeakMap<SingleScale, PointScale>();

/** A 好差评 scale is a 1–5 scale with the standard level names besides the export's own. */
function pointsOf(scale: Exclude<SingleScale, { type: 'nps' }>): PointScale {
  if (scale.type === 'likert') return scale;
  let points = haochapingPoints.get(scale);
  if (!points) {
    points = { min: 1, max: 5, labels: { ...HAOCHAPING_LABELS, ...scale.labels }, reverse: false };
    haochapingPoints.set(scale, points);
  }
  return points;
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
