/**
 * Hashed sentiment features of a text, shared by the trainer and the scorer so both see exactly
 * the same thing. Chinese: character (token) 1–3-grams; English: word 1–2-grams (character
 * 3-grams, tried in nb-logreg-2, more than doubled the weight look-ups per text for well under a
 * point of accuracy, so nb-logreg-3 dropped them). On top: negation scope (the tokens after 不/没有/not/never… up to the clause end get
 * negated unigrams and bigrams in place of the plain ones, spanning back to the negator), degree adverbs (scale the next tokens),
 * contrast (after 但是/but a clause weighs 1.5, before it 0.5), emoji with a sure feeling.
 * A negator that governs a word of listed feeling (sentiment-negation.ts) stands as that turn ("not" + bad, 不 + 满意)
 * in place of its own unigram; a negator negated by the one before it (没有不满意) is cancelled, and the words after it
 * read plain; "at all" in a negation scope only stresses it and has no features of its own.
 * Topic words (签证, visa…) and courtesy formulas (不好意思, 麻烦您, "sorry to bother you") produce no features.
 * Values are L2-normalised.
 */
import { negatedWord, negation } from './sentiment-negation.ts';
import { TokenKind, createTokens, hashSpan, type Tokens, tokenize } from './sentiment-tokens.ts';

const salt = { uni: 0x1000193, bi: 0x2000193, tri: 0x3000193, negUni: 0x4000193, negBi: 0x5000193, mood: 0x7000193, turn: 0x8000193 };
/** How many tokens a negation reaches at most when no punctuation closes it first. */
const NEGATION_REACH = 5;
/** How many tokens a degree adverb scales. */
const DEGREE_REACH = 2;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;

export interface Features {
  count: number;
  hash: Int32Array;
  value: Float64Array;
  /** Span in the text that the feature stands for. */
  start: Int32Array;
  end: Int32Array;
}

export function createFeatures(capacity = 1024): Features {
  return { count: 0, hash: new Int32Array(capacity), value: new Float64Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity) };
}

function grow(f: Features): void {
  const size = f.hash.length * 2;
  const hash = new Int32Array(size);
  hash.set(f.hash);
  const value = new Float64Array(size);
  value.set(f.value);
  const start = new Int32Array(size);
  start.set(f.start);
  const end = new Int32Array(size);
  end.set(f.end);
  Object.assign(f, { hash, value, start, end });
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

// Kept to 32 bits (the next step and fmix read only those), so the hash stays a small integer.
const step = (h: number, part: number) => (Math.imul(h ^ part, 0x01000193) + 0x9e3779b9) | 0;
// Fixed arity, no rest array: this runs for every feature of every text.
function combine(seed: number, a: number, b?: number, c?: number): number {
  let h = step(seed, a);
  if (b !== undefined) h = step(h, b);
  if (c !== undefined) h = step(h, c);
  return fmix(h);
}

function emit(f: Features, hash: number, value: number, start: number, end: number): void {
  if (f.count === f.hash.length) grow(f);
  const i = f.count;
  f.hash[i] = hash;
  f.value[i] = value;
  f.start[i] = start;
  f.end[i] = end;
  f.count = i + 1;
}

const tokensBuffer = createTokens();
const AT = hashSpan('at', 0, 2);
const ALL = hashSpan('all', 0, 3);
const WHATSOEVER = hashSpan('whatsoever', 0, 10);

/** Fills `f` (reused) with the features of `text` read as `lang`. */
export function extractFeatures(text: string, lang: 'zh' | 'en', f: Features): void {
  f.count = 0;
  const t: Tokens = tokensBuffer;
  tokenize(text, lang, t);
  let sentenceStart = 0;
  let boost = 1;
  let prev1 = -1;
  let prev2 = -1;
  let negStart = -1;
  // The token of the negator whose scope is open.
  let negAt = -1;
  let negLeft = 0;
  let degree = 1;
  let degreeLeft = 0;
  // The inner negator of a double negation (不 in 没有不满意), cancelled by the one before it.
  let cancelled = -1;
  for (let i = 0; i < t.count; i += 1) {
    const kind = t.kind[i] as TokenKind;
    const hash = t.hash[i] ?? 0;
    const start = t.start[i] ?? 0;
    const end = t.end[i] ?? 0;
    if (kind === TokenKind.SentenceEnd || kind === TokenKind.ClauseBreak) {
      if (hash !== 0) emit(f, combine(salt.uni, hash), boost, start, end);
      prev1 = prev2 = negStart = -1;
      negLeft = degreeLeft = 0;
      if (kind === TokenKind.SentenceEnd) {
        sentenceStart = f.count;
        boost = 1;
      }
      continue;
    }
    const cue = t.cue[i];
    // Topic words and courtesy formulas (不好意思, "excuse me") say nothing of how the writer feels.
    if (cue?.kind === 'topic' || cue?.kind === 'courtesy') {
      prev1 = prev2 = -1;
      continue;
    }
    // "not bad at all": the words stress the negation, and learned from "not funny at all" they read as complaint.
    if (negLeft > 0 && lang === 'en' && (hash === WHATSOEVER || (hash === AT && t.hash[i + 1] === ALL && t.kind[i + 1] === TokenKind.Text))) {
      if (hash === AT) i += 1;
      continue;
    }
    if (i === cancelled) {
      // 没有不满意: 不 is negated away, and 满意 reads plain, with no n-gram of 不满意.
      prev1 = prev2 = negStart = -1;
      negLeft = 0;
      continue;
    }
    const value = boost * (degreeLeft > 0 ? degree : 1);
    const negated = negLeft > 0 && cue?.kind !== 'negator';
    // A negator opening a scope over a word of listed feeling stands as that turn, not as itself.
    const turn = cue?.kind === 'negator' && negLeft === 0 ? negatedWord(text, t, i, lang) : 0;
    const attached = cue?.kind === 'negator' && i > 0 && t.end[i - 1] === start && t.kind[i - 1] === TokenKind.Text;
    if (turn !== 0) {
      emit(f, combine(salt.turn, turn + 2), value, attached ? (t.start[i - 1] ?? start) : start, negation.end);
      if (t.cue[negation.at]?.kind === 'negator') cancelled = negation.at;
    }
    // Inside a negation scope a token stands only as its negated self: "not bad" has no plain "bad".
    else if (!negated) emit(f, combine(salt.uni, hash), value, start, end);
    // Nor has it plain n-grams after its negator: 不太方便 has no plain 太方便, only the ones holding 不.
    if (prev1 >= 0 && !(negated && prev1 > negAt)) emit(f, combine(salt.bi, t.hash[prev1] ?? 0, hash), value, t.start[prev1] ?? 0, end);
    if (lang === 'zh' && prev2 >= 0 && !(negated && prev2 > negAt)) emit(f, combine(salt.tri, t.hash[prev2] ?? 0, t.hash[prev1] ?? 0, hash), value, t.start[prev2] ?? 0, end);
    if (kind === TokenKind.Emoji && t.mood[i] !== 0) emit(f, combine(salt.mood, t.mood[i] ?? 0), value, start, end);
    if (negated) {
      emit(f, combine(salt.negUni, hash), value, negStart, end);
      if (prev1 >= 0 && (t.start[prev1] ?? 0) > negStart) emit(f, combine(salt.negBi, t.hash[prev1] ?? 0, hash), value, negStart, end);
      negLeft -= 1;
    }
    if (degreeLeft > 0) degreeLeft -= 1;
    if (cue?.kind === 'negator') {
      // A second negator cancels the first (不是不好): the scope closes.
      negLeft = negLeft > 0 ? 0 : NEGATION_REACH;
      // A clitic n't reaches back to its verb, so the phrase reads "wasn't helpful".
      negStart = negLeft > 0 ? (attached ? (t.start[i - 1] ?? start) : start) : -1;
      negAt = i;
    } else if (cue?.kind === 'degree') {
      degree = cue.factor;
      degreeLeft = DEGREE_REACH;
    } else if (cue?.kind === 'contrast') {
      for (let k = sentenceStart; k < f.count; k += 1) f.value[k] = (f.value[k] ?? 0) * BEFORE_CONTRAST;
      boost = AFTER_CONTRAST;
    }
    prev2 = prev1;
    prev1 = i;
  }
  normalise(f);
}

function normalise(f: Features): void {
  let sum = 0;
  for (let k = 0; k < f.count; k += 1) sum += (f.value[k] ?? 0) ** 2;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let k = 0; k < f.count; k += 1) f.value[k] = (f.value[k] ?? 0) * scale;
}
