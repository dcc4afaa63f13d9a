/**
 * Turns per-feature contributions back into readable phrases: the strong features of one sign
 * whose spans overlap merge into one phrase (不, 满, 意, 不满, 满意, NEG:满意 → 不满意), and phrases
 * are ranked by their summed contribution, strongest first. Only phrases that pushed the score the
 * way it went are shown: in a negative text, 方便 or 快 (of 快递) pulling the other way did not drive it.
 */
import { snapToWords, snapped } from './chinese-words.ts';
import type { Features } from './sentiment-features.ts';

/** A feature counts towards the explanation when it carries at least this share of the strongest one. */
const RELATIVE_FLOOR = 0.25;
/**
 * A weaker feature of the same sign joins a phrase it overlaps, so the phrase reads as the model
 * weighed it ("not" + "not helpful" → "not helpful"), but alone it makes no phrase.
 */
const EXTEND_FLOOR = 0.1;
const MAX_TERMS = 10;
/** A phrase is shown when it carries at least this share of the strongest phrase. */
const PHRASE_FLOOR = 0.3;

// Reused between calls (scoring is synchronous), and never shrunk: the phrases of the text being
// explained are the first phraseCount entries. Clearing arrays and Maps per call would give the
// garbage collector work on every scored text.
const phrases: string[] = [];
let sums = new Float64Array(64);
// Where each phrase was first met in the text: a shown Chinese phrase is grown to its words there.
let spanStarts = new Int32Array(64);
let spanEnds = new Int32Array(64);
let order = new Int32Array(64);
let phraseCount = 0;
// Long texts have many phrases: past a few, they are found through a Map instead.
const LINEAR_PHRASES = 32;
const phraseIndex = new Map<string, number>();

function addPhrase(phrase: string, sum: number, start: number, end: number): void {
  if (phrase === '') return;
  let at = -1;
  if (phraseCount <= LINEAR_PHRASES) {
    for (let p = 0; p < phraseCount; p += 1) {
      if (phrases[p] === phrase) {
        at = p;
        break;
      }
    }
  } else {
    if (phraseIndex.size === 0) for (let p = 0; p < phraseCount; p += 1) phraseIndex.set(phrases[p] ?? '', p);
    at = phraseIndex.get(phrase) ?? -1;
  }
  if (at >= 0) {
    sums[at] = (sums[at] ?? 0) + sum;
    return;
  }
  if (phraseIndex.size > 0) phraseIndex.set(phrase, phraseCount);
  if (phraseCount === sums.length) {
    const grown = new Float64Array(sums.length * 2);
    grown.set(sums);
    sums = grown;
    order = new Int32Array(sums.length);
    const grownStarts = new Int32Array(sums.length);
    grownStarts.set(spanStarts);
    spanStarts = grownStarts;
    const grownEnds = new Int32Array(sums.length);
    grownEnds.set(spanEnds);
    spanEnds = grownEnds;
  }
  phrases[phraseCount] = phrase;
  sums[phraseCount] = sum;
  spanStarts[phraseCount] = start;
  spanEnds[phraseCount] = end;
  phraseCount += 1;
}

// Reused between calls (scoring is synchronous): the indices of the features that may make a phrase.
let strong = new Int32Array(256);

/** The span as shown: runs of white space as one space, trimmed; the regex only when there is any. */
function phraseText(text: string, start: number, end: number): string {
  let previousSpace = true;
  for (let k = start; k < end; k += 1) {
    const c = text.charCodeAt(k);
    const space = c === 0x20;
    if ((c < 0x21 && !space) || c >= 0x7f || (space && previousSpace)) return text.slice(start, end).replace(/\s+/g, ' ').trim();
    previousSpace = space;
  }
  return previousSpace ? text.slice(start, end).trim() : text.slice(start, end);
}

// English words that carry no feeling and read as noise at the edge of a shown phrase ("Nobody
// answers emails about the", "at the"). Negators and degree words (no, not, never, too, very) and
// object pronouns (thank you, help me) are not here.
const EDGE_WORDS =
  'a an the at of to for from with about by in on into as and or so that this these those it its i my we our your they their he she his is are was were be been am do does did have has had there here what which who how';
// By length and first letter, so a word is checked in place, without a lower-cased copy per phrase;
// in an array indexed by both (length × 128 + letter) rather than a Map: every shown phrase asks.
const EDGE_LETTERS = 128;
const edgeWordList = EDGE_WORDS.split(' ');
const maxEdgeLength = Math.max(...edgeWordList.map((word) => word.length));
const edgeWords: (string[] | undefined)[] = Array.from({ length: (maxEdgeLength + 1) * EDGE_LETTERS }, () => undefined);
for (const word of edgeWordList) (edgeWords[word.length * EDGE_LETTERS + word.charCodeAt(0)] ??= []).push(word);

/** Whether text[start, end) is an edge word, in any case. */
function isEdgeWord(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start) | 0x20;
  if (end - start > maxEdgeLength || first >= EDGE_LETTERS) return false;
  const candidates = edgeWords[(end - start) * EDGE_LETTERS + first];
  if (!candidates) return false;
  for (const word of candidates) {
    let k = 1;
    while (k < word.length && (text.charCodeAt(start + k) | 0x20) === word.charCodeAt(k)) k += 1;
    if (k === word.length) return true;
  }
  return false;
}

// The first and the last space of phrase[start, end), -1 when there is none: a loop, because
// V8's lastIndexOf calls into the runtime, which costs more than reading a short phrase.
function firstSpace(phrase: string, start: number, end: number): number {
  for (let k = start; k < end; k += 1) if (phrase.charCodeAt(k) === 0x20) return k;
  return -1;
}

function lastSpace(phrase: string, start: number, end: number): number {
  for (let k = end - 1; k >= start; k -= 1) if (phrase.charCodeAt(k) === 0x20) return k;
  return -1;
}

/**
 * The words of phrase `index` as met in `text`: a Chinese phrase that starts or ends inside a word
 * (度很好 of 服务态度很好) grows to that word (态度很好); any other phrase is as the model saw it.
 */
function phraseWords(text: string, index: number): string {
  const start = spanStarts[index] ?? 0;
  const end = spanEnds[index] ?? 0;
  snapToWords(text, start, end);
  return snapped.start === start && snapped.end === end ? (phrases[index] ?? '') : phraseText(text, snapped.start, snapped.end);
}

/**
 * The phrase as shown: English function words trimmed from its edges and a leading 的 (of 的学费)
 * dropped; '' when nothing else is left. The model weighed the whole span; a reader needs the words.
 */
function trimEdges(phrase: string): string {
  let start = 0;
  let end = phrase.length;
  while (phrase.charCodeAt(start) === 0x7684 && end - start > 1) start += 1;
  // Word by word from each end (phrases are single-spaced and trimmed); most phrases need no copy.
  for (let space = firstSpace(phrase, start, end); space > 0 && isEdgeWord(phrase, start, space); space = firstSpace(phrase, start, end)) start = space + 1;
  for (let space = lastSpace(phrase, start, end); space >= 0 && isEdgeWord(phrase, space + 1, end); space = lastSpace(phrase, start, end)) end = space;
  if (isEdgeWord(phrase, start, end)) return '';
  return start === 0 && end === phrase.length ? phrase : phrase.slice(start, end);
}

/**
 * The phrases of `text` that pushed its score towards `sign` (+1 positive, -1 negative), strongest
 * first; with `weights`, each phrase's summed contribution to the model's margin is pushed beside it.
 */
export function explainTerms(text: string, f: Features, contributions: Float64Array, sign: 1 | -1, weights?: number[]): string[] {
  let max = 0;
  for (let k = 0; k < f.count; k += 1) max = Math.max(max, (contributions[k] ?? 0) * sign);
  if (max <= 0) return [];
  if (strong.length < f.count) strong = new Int32Array(f.count * 2);
  // Insertion sort by (start, end, index): the order a stable sort by span gives, without a closure.
  let n = 0;
  for (let k = 0; k < f.count; k += 1) {
    if ((contributions[k] ?? 0) * sign < max * EXTEND_FLOOR) continue;
    const start = f.start[k] ?? 0;
    const end = f.end[k] ?? 0;
    let j = n;
    while (j > 0) {
      const prev = strong[j - 1] ?? 0;
      const prevStart = f.start[prev] ?? 0;
      if (prevStart < start || (prevStart === start && (f.end[prev] ?? 0) <= end)) break;
      strong[j] = prev;
      j -= 1;
    }
    strong[j] = k;
    n += 1;
  }
  // Phrases by their text, summed, in first-seen order; few per text, so a linear search beats a Map.
  phraseCount = 0;
  if (phraseIndex.size > 0) phraseIndex.clear();
  let phraseStart = -1;
  let phraseEnd = 0;
  let phraseSum = 0;
  let phraseStrong = false;
  const floor = max * RELATIVE_FLOOR;
  for (let s = 0; s <= n; s += 1) {
    const k = s < n ? (strong[s] ?? 0) : -1;
    const c = k >= 0 ? (contributions[k] ?? 0) : 0;
    if (k >= 0 && phraseStart >= 0 && (f.start[k] ?? 0) < phraseEnd) {
      phraseEnd = Math.max(phraseEnd, f.end[k] ?? 0);
      phraseSum += c;
      phraseStrong ||= c * sign >= floor;
      continue;
    }
    if (phraseStart >= 0 && phraseStrong) addPhrase(phraseText(text, phraseStart, phraseEnd), phraseSum, phraseStart, phraseEnd);
    if (k < 0) break;
    phraseStart = f.start[k] ?? 0;
    phraseEnd = f.end[k] ?? 0;
    phraseSum = c;
    phraseStrong = c * sign >= floor;
  }
  // Strongest first, the first seen first among equals (a stable insertion sort of a few phrases).
  for (let p = 0; p < phraseCount; p += 1) {
    const strength = Math.abs(sums[p] ?? 0);
    let j = p;
    while (j > 0 && Math.abs(sums[order[j - 1] ?? 0] ?? 0) < strength) {
      order[j] = order[j - 1] ?? 0;
      j -= 1;
    }
    order[j] = p;
  }
  // Trimmed as shown, strongest first, only as far as shown: a long text has many phrases. The
  // strongest phrase left after trimming sets the floor; two spans may trim to the same words.
  let top = -1;
  let grown = false;
  const terms: string[] = [];
  for (let r = 0; r < phraseCount; r += 1) {
    if (terms.length === MAX_TERMS) break;
    const index = order[r] ?? 0;
    const strength = Math.abs(sums[index] ?? 0);
    if (top >= 0 && strength < top * PHRASE_FLOOR) break;
    const term = trimEdges(phraseWords(text, index));
    if (term === '' || terms.includes(term)) continue;
    // Phrases of the model never overlap, but grown to their words one may take in another (快 of
    // 速度也够快, grown to 够快): the words are shown once, with the stronger phrase.
    grown ||= snapped.start !== (spanStarts[index] ?? 0) || snapped.end !== (spanEnds[index] ?? 0);
    if (grown && insideShown(terms.length)) continue;
    shownStarts[terms.length] = snapped.start;
    shownEnds[terms.length] = snapped.end;
    if (top < 0) top = strength;
    terms.push(term);
    weights?.push(sums[index] ?? 0);
  }
  return terms;
}

// The spans of the terms shown so far, as grown to their words.
const shownStarts = new Int32Array(MAX_TERMS);
const shownEnds = new Int32Array(MAX_TERMS);

/** Whether the span in `snapped` lies within one of the first `count` shown spans. */
function insideShown(count: number): boolean {
  for (let t = 0; t < count; t += 1) if ((shownStarts[t] ?? 0) <= snapped.start && snapped.end <= (shownEnds[t] ?? 0)) return true;
  return false;
}
