/**
 * Turns per-feature contributions back into readable phrases: the strong features of one sign
 * whose spans overlap merge into one phrase (不, 满, 意, 不满, 满意, NEG:满意 → 不满意), and phrases
 * are ranked by their summed contribution, strongest first.
 */
import type { Features } from './sentiment-features.ts';

/** A feature counts towards the explanation when it carries at least this share of the strongest one. */
const RELATIVE_FLOOR = 0.25;
const MAX_TERMS = 10;
/** A phrase is shown when it carries at least this share of the strongest phrase. */
const PHRASE_FLOOR = 0.3;

export function explainTerms(text: string, f: Features, contributions: Float64Array): string[] {
  let max = 0;
  for (let k = 0; k < f.count; k += 1) max = Math.max(max, Math.abs(contributions[k] ?? 0));
  if (max === 0) return [];
  const strong: number[] = [];
  for (let k = 0; k < f.count; k += 1) if (Math.abs(contributions[k] ?? 0) >= max * RELATIVE_FLOOR) strong.push(k);
  strong.sort((a, b) => (f.start[a] ?? 0) - (f.start[b] ?? 0) || (f.end[a] ?? 0) - (f.end[b] ?? 0));
  const phrases: { start: number; end: number; sum: number }[] = [];
  for (const k of strong) {
    const c = contributions[k] ?? 0;
    const last = phrases[phrases.length - 1];
    if (last && Math.sign(last.sum) === Math.sign(c) && (f.start[k] ?? 0) < last.end) {
      last.end = Math.max(last.end, f.end[k] ?? 0);
      last.sum += c;
    } else {
      phrases.push({ start: f.start[k] ?? 0, end: f.end[k] ?? 0, sum: c });
    }
  }
  const byText = new Map<string, number>();
  for (const p of phrases) {
    const phrase = text.slice(p.start, p.end).replace(/\s+/g, ' ').trim();
    if (phrase !== '') byText.set(phrase, (byText.get(phrase) ?? 0) + p.sum);
  }
  const ranked = [...byText].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const top = Math.abs(ranked[0]?.[1] ?? 0);
  return ranked.filter(([, sum]) => Math.abs(sum) >= top * PHRASE_FLOOR).slice(0, MAX_TERMS).map(([phrase]) => phrase);
}
