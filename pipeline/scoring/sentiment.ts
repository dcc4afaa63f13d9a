import { detectLanguage } from './language.ts';
import { CompiledLexicon, type LexiconEntry } from './lexicon-trie.ts';
import { enLexicon } from './sentiment-lexicon-en.ts';
import { zhLexicon } from './sentiment-lexicon-zh.ts';
import { chineseUnits, clauseBreaks, englishUnits, exclamations, isSpace, sentenceEnds } from './sentiment-units.ts';

/** Stored with every score, so a better scorer can re-score everything it did not write. */
export const SENTIMENT_VERSION = 'lexicon-0.1';

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface SentimentOptions {
  /** 'auto' (default) detects the language; 'zh' or 'en' forces a lexicon. */
  lang?: 'auto' | 'zh' | 'en';
}

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]; 0 when unscored. */
  score: number;
  /** The language scored ('zh', 'en'), or the detected one when it has no lexicon ('und' for empty text). */
  lang: string;
  /** The words and phrases that drove the score, strongest first, with their negation or degree ("不满意", "not helpful"). */
  terms: string[];
}

/** Below this |score| the evidence is too weak to call a text positive or negative. */
export const NEUTRAL_BAND = 0.15;
// Squashing x / sqrt(x² + α): one plain sentiment word (strength 1) scores about ±0.45.
const SQUASH_ALPHA = 4;
// A negated word is weaker than its opposite: "not bad" is not as good as "good".
const NEGATION_DAMPING = 0.8;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const EXCLAMATION_STEP = 0.15;
const MAX_EXCLAMATIONS = 3;

interface Language {
  lexicon: CompiledLexicon;
  units: (text: string) => string[];
  joiner: string;
  /** How many unmatched units a negation reaches across ("not at all helpful", 不是很满意). */
  negationWindow: number;
  /** How many unmatched units a degree adverb reaches across (非常的满意). */
  degreeWindow: number;
}

// Compiled once at module load: scoring a text is then a single scan with no allocation of lookup structures.
const languages: Readonly<Record<'zh' | 'en', Language>> = {
  zh: { lexicon: new CompiledLexicon('zh', zhLexicon, (key) => Array.from(key)), units: chineseUnits, joiner: '', negationWindow: 3, degreeWindow: 1 },
  en: { lexicon: new CompiledLexicon('en', enLexicon, (key) => key.split(' ')), units: englishUnits, joiner: ' ', negationWindow: 3, degreeWindow: 1 },
};

interface Contribution {
  value: number;
  term: string;
}

interface Pending {
  negated: boolean;
  negationStart: number;
  negationGap: number;
  factor: number;
  degreeStart: number;
  degreeGap: number;
}

const noPending = (): Pending => ({ negated: false, negationStart: -1, negationGap: 0, factor: 1, degreeStart: -1, degreeGap: 0 });

/** Sums the lexicon evidence of a text: negation, degree, contrast and '!' applied. */
function collect(text: string, language: Language): Contribution[] {
  const units = language.units(text);
  const contributions: Contribution[] = [];
  let sentenceStart = 0;
  let boost = 1;
  let pending = noPending();
  let i = 0;
  while (i < units.length) {
    const unit = units[i] ?? '';
    if (sentenceEnds.has(unit)) {
      let marks = 0;
      while (i < units.length && sentenceEnds.has(units[i] ?? '')) {
        if (exclamations.has(units[i] ?? '')) marks += 1;
        i += 1;
      }
      const intensity = 1 + EXCLAMATION_STEP * Math.min(marks, MAX_EXCLAMATIONS);
      for (let c = sentenceStart; c < contributions.length; c += 1) (contributions[c] as Contribution).value *= intensity;
      sentenceStart = contributions.length;
      boost = 1;
      pending = noPending();
      continue;
    }
    if (clauseBreaks.has(unit)) {
      pending = noPending();
      i += 1;
      continue;
    }
    if (isSpace(unit)) {
      i += 1;
      continue;
    }
    const match = language.lexicon.longestMatch(units, i);
    if (!match || match.entry.kind === 'neutral') {
      pending = widenGap(pending, language);
      i += match?.length ?? 1;
      continue;
    }
    const end = i + match.length;
    const entry: LexiconEntry = match.entry;
    if (entry.kind === 'negator') {
      pending = { ...pending, negated: !pending.negated, negationStart: pending.negated ? pending.negationStart : i, negationGap: 0 };
    } else if (entry.kind === 'degree') {
      pending = { ...pending, factor: pending.factor * entry.factor, degreeStart: pending.degreeStart >= 0 ? pending.degreeStart : i, degreeGap: 0 };
    } else if (entry.kind === 'contrast') {
      for (let c = sentenceStart; c < contributions.length; c += 1) (contributions[c] as Contribution).value *= CONTRAST_BEFORE;
      boost = CONTRAST_AFTER;
      pending = noPending();
    } else {
      contributions.push({ value: weigh(entry.weight, pending) * boost, term: termOf(units, pending, i, end, language.joiner) });
      pending = noPending();
    }
    i = end;
  }
  return contributions;
}

function weigh(weight: number, pending: Pending): number {
  if (!pending.negated) return weight * pending.factor;
  // "not very good" is mildly negative, not strongly: under negation an intensifier softens.
  const factor = pending.factor > 1 ? 1 / pending.factor : pending.factor;
  return -weight * factor * NEGATION_DAMPING;
}

function widenGap(pending: Pending, language: Language): Pending {
  const next = { ...pending, negationGap: pending.negationGap + 1, degreeGap: pending.degreeGap + 1 };
  if (next.negated && next.negationGap > language.negationWindow) Object.assign(next, { negated: false, negationStart: -1 });
  if (next.degreeStart >= 0 && next.degreeGap > language.degreeWindow) Object.assign(next, { factor: 1, degreeStart: -1 });
  return next;
}

function termOf(units: readonly string[], pending: Pending, start: number, end: number, joiner: string): string {
  const starts = [start, pending.negated ? pending.negationStart : -1, pending.degreeStart].filter((s) => s >= 0);
  return units.slice(Math.min(...starts), end).filter((unit) => !isSpace(unit)).join(joiner);
}

/**
 * Lexicon sentiment of a Chinese or English text. Other languages, and empty text, come back
 * 'unscored' with score 0: no evidence is not the same as neutral evidence.
 */
export function scoreSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  if (text.trim() === '') return { label: 'unscored', score: 0, lang: 'und', terms: [] };
  const lang = options.lang === undefined || options.lang === 'auto' ? detectLanguage(text) : options.lang;
  if (lang !== 'zh' && lang !== 'en') return { label: 'unscored', score: 0, lang, terms: [] };
  const contributions = collect(text, languages[lang]);
  const sum = contributions.reduce((total, c) => total + c.value, 0);
  const score = Math.round((sum / Math.sqrt(sum * sum + SQUASH_ALPHA)) * 10_000) / 10_000;
  const label: SentimentLabel = Math.abs(score) < NEUTRAL_BAND ? 'neutral' : score > 0 ? 'positive' : 'negative';
  return { label, score, lang, terms: strongestTerms(contributions) };
}

/** Terms by the weight of their total contribution, strongest first; ties keep their order in the text. */
function strongestTerms(contributions: readonly Contribution[]): string[] {
  const byTerm = new Map<string, number>();
  for (const { term, value } of contributions) byTerm.set(term, (byTerm.get(term) ?? 0) + value);
  return [...byTerm]
    .filter(([, value]) => value !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([term]) => term);
}
