/**
 * Text with no letter of any script (😡😡😡, "12345 👎", ":(") has no language to detect, but an
 * emoji or emoticon whose feeling is not in doubt says how the writer feels: a reply of three angry
 * faces is a complaint, not "unscored". Both models read such marks; their evidence is averaged
 * (each saw the same marks, so adding it would count them twice).
 */
import type { SentimentLabel, SentimentResult } from './sentiment.ts';
import { createTokens, tokenize } from './sentiment-tokens.ts';

/** Scores a text with one model (scoreSentiment with a forced language). */
export type ScoreAs = (text: string, lang: 'zh' | 'en') => SentimentResult;

const letter = /\p{L}/u;
const tokens = createTokens();
// Scores are rounded to four places, so ±1 can come back: kept finite for atanh.
const LIMIT = 0.9999;

/** Whether `text` has no letter and at least one emoji or emoticon of sure feeling. */
export function isMarksOnly(text: string): boolean {
  if (letter.test(text)) return false;
  tokenize(text, 'en', tokens);
  for (let i = 0; i < tokens.count; i += 1) if (tokens.mood[i] !== 0) return true;
  return false;
}

/** The sentiment of a text of marks alone, `lang` 'und': the mean evidence of both models, terms from those that lean its way. */
export function scoreMarks(text: string, scoreAs: ScoreAs, neutralBand: number): SentimentResult {
  const parts = [scoreAs(text, 'zh'), scoreAs(text, 'en')];
  const evidence = parts.reduce((sum, p) => sum + Math.atanh(Math.max(-LIMIT, Math.min(LIMIT, p.score))), 0) / parts.length;
  const score = Math.round(Math.tanh(evidence) * 10_000) / 10_000;
  const label: SentimentLabel = Math.abs(score) < neutralBand ? 'neutral' : score > 0 ? 'positive' : 'negative';
  const terms: string[] = [];
  if (label !== 'neutral') for (const part of parts) if (Math.sign(part.score) === Math.sign(score)) for (const term of part.terms) if (!terms.includes(term)) terms.push(term);
  return { label, score, lang: 'und', terms };
}
