/**
 * Chinese word boundaries around a shown phrase. The sentiment model weighs character n-grams, so a
 * phrase may start or end inside a word (度很好 of 服务态度很好, 续太麻烦 of 手续太麻烦), which reads
 * as nonsense. A few characters around the phrase are segmented the way jieba segments (the most
 * probable path through known words, each as likely as its count), with the words and counts of
 * chinese-words.json (`npm run build:chinese-words`), and the phrase is grown to the words it cuts.
 * Only shown phrases ask, so this costs a few look-ups per text; no string is made per look-up.
 */
import wordsFile from './chinese-words.json' with { type: 'json' };
import { isHan } from './sentiment-tokens.ts';

/** Characters on each side of a phrase that are segmented with it: jieba's choices a few words away do not reach the edge. */
const CONTEXT = 4;
/**
 * A phrase grows by at most this many characters at an edge; a longer word there (an idiom, a
 * name) is cut off instead, so the phrase stays about what the model weighed.
 */
const MAX_GROWTH = 3;

interface WordsFile { format: string; total: number; counts: string[] }

// The words and their beginnings (服务 of 服务态度) in one open-addressing table, each slot four
// 32-bit numbers in one cache line: the entry's characters, two to a number (words are at most
// MAX_LENGTH characters, and a Han character is never 0, so the zeros after a short word tell its
// length), and (cost << 1) | 1 when a longer word begins with it, where cost is the word's -log
// probability in 1/LOG_SCALE (0: a beginning that is no word itself). A look-up reads one slot, mostly, and stops at the first characters no word goes on
// with, so most positions cost one or two reads: this table is read while the model's weights
// should stay in the cache, and a table with the words elsewhere took three cache misses a look-up.
const file = wordsFile as WordsFile;
if (file.format !== 'talentpulse-chinese-words/1') throw new Error(`pipeline/scoring/chinese-words.json: expected format talentpulse-chinese-words/1, got ${file.format}`);
const MAX_LENGTH = 6;
const known = new Map<string, { count: number; goesOn: boolean }>();
for (const group of file.counts) {
  const [count, ...words] = group.split(' ');
  for (const word of words) {
    if (word.length > MAX_LENGTH) throw new Error(`pipeline/scoring/chinese-words.json: ${word} is longer than ${MAX_LENGTH} characters`);
    const entry = known.get(word);
    if (entry) entry.count = Number(count);
    else known.set(word, { count: Number(count), goesOn: false });
    for (let length = 1; length < word.length; length += 1) {
      const beginning = word.slice(0, length);
      const before = known.get(beginning);
      if (before) before.goesOn = true;
      else known.set(beginning, { count: 0, goesOn: true });
    }
  }
}

// Only chooses the first slot to look in: the characters themselves are compared.
const step = (h: number, c: number) => Math.imul(h ^ c, 0x9e3779b1);
const HASH_SEED = 0x811c9dc5 | 0;

let size = 1;
while (size * 0.75 < known.size) size *= 2;
const mask = size - 1;
const slots = new Int32Array(size * 4);
const logTotal = Math.log(file.total);
// A word's -log probability is kept as a whole number of 1/LOG_SCALE: no Math.log per look-up.
const LOG_SCALE = 1 << 16;
for (const [word, { count, goesOn }] of known) {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k += 1) h = step(h, word.charCodeAt(k));
  let slot = (h >>> 16) & mask;
  while ((slots[slot * 4 + 3] ?? 0) !== 0) slot = (slot + 1) & mask;
  for (let k = 0; k < word.length; k += 1) slots[slot * 4 + (k >> 1)] = (slots[slot * 4 + (k >> 1)] ?? 0) | (word.charCodeAt(k) << ((k & 1) * 16));
  slots[slot * 4 + 3] = (count > 0 ? Math.round((logTotal - Math.log(count)) * LOG_SCALE) << 1 : 0) | (goesOn ? 1 : 0);
}

// Every two characters side by side in a word, as one bit each in a 64 KB bitmap (by their hash)
// that stays in the cache: most pairs of characters are in no word, and the bitmap says so
// without reading the 1 MB table, whose reads would push the model's weights out. An edge of a
// phrase whose two characters are in no word together needs no segmenting at all.
const PAIR_BITS = 19;
const pairs = new Int32Array(1 << (PAIR_BITS - 5));
const pairBit = (h: number) => h >>> (32 - PAIR_BITS);
const pairHash = (first: number, second: number) => step(step(HASH_SEED, first), second);
for (const word of known.keys()) {
  for (let k = 1; k < word.length; k += 1) {
    const bit = pairBit(pairHash(word.charCodeAt(k - 1), word.charCodeAt(k)));
    pairs[bit >>> 5] = (pairs[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
}
/** Whether two characters (as their pairHash `h`) may stand side by side in a word (no: they never do). */
const inWord = (h: number) => ((pairs[pairBit(h) >>> 5] ?? 0) & (1 << (pairBit(h) & 31))) !== 0;

/** An unknown character counts once, as jieba counts a character missing from its dictionary. */
const UNKNOWN = -logTotal;

// The characters looked up, as the table holds them: the caller adds one character at a time.
const key = new Int32Array(3);

/** Starts a key at text[start]; returns the hash that entryOf needs. */
function firstCharacter(text: string, start: number): number {
  const c = text.charCodeAt(start);
  key[0] = c;
  key[1] = 0;
  key[2] = 0;
  return step(HASH_SEED, c);
}

/** Adds text[start + length - 1] as the key's character `length`; returns the new hash. */
function nextCharacter(text: string, start: number, length: number, h: number): number {
  const c = text.charCodeAt(start + length - 1);
  const part = (length - 1) >> 1;
  key[part] = (key[part] ?? 0) | (c << (((length - 1) & 1) * 16));
  return step(h, c);
}

/** What the table knows of the key (hash `h`): (cost << 1) | goes on; 0 when no word is or begins with it. */
function entryOf(h: number): number {
  const k0 = key[0] ?? 0;
  const k1 = key[1] ?? 0;
  const k2 = key[2] ?? 0;
  for (let slot = (h >>> 16) & mask; ; slot = (slot + 1) & mask) {
    const at = slot * 4;
    const entry = slots[at + 3] ?? 0;
    if (entry === 0 || (slots[at] === k0 && slots[at + 1] === k1 && slots[at + 2] === k2)) return entry;
  }
}

// Reused between calls (scoring is synchronous): per position of the window, the best log
// probability of the rest of it and the length of the first word on that path.
let best = new Float64Array(64);
let next = new Int32Array(64);

/**
 * Segments text[from, to) (Han characters only) as jieba does without HMM: from the end, each
 * position takes the word that, with the best path after it, is most probable; ties go to the
 * longer word. Fills `next` with the word length at each position, relative to `from`.
 */
function segment(text: string, from: number, to: number): void {
  const n = to - from;
  if (best.length <= n) {
    best = new Float64Array(n * 2 + 1);
    next = new Int32Array(n * 2 + 1);
  }
  best[n] = 0;
  for (let p = n - 1; p >= 0; p -= 1) {
    // A single character is always a way on, known or not.
    let topLength = 1;
    let top = UNKNOWN + (best[p + 1] ?? 0);
    let h = firstCharacter(text, from + p);
    for (let length = 1; length <= MAX_LENGTH && p + length <= n; length += 1) {
      if (length > 1) h = nextCharacter(text, from + p, length, h);
      if (length === 2 && !inWord(h)) break;
      const entry = entryOf(h);
      const cost = entry >>> 1;
      if (cost > 0) {
        const score = (best[p + length] ?? 0) - cost / LOG_SCALE;
        if (score >= top) {
          top = score;
          topLength = length;
        }
      }
      if ((entry & 1) === 0) break;
    }
    best[p] = top;
    next[p] = topLength;
  }
}

/**
 * Whether a known word of two or more characters in text[from, to) holds both text[at - 1] and
 * text[at]: when none does, no segmentation cuts there, and most edges of a phrase are such.
 */
function crossed(text: string, from: number, to: number, at: number): boolean {
  for (let a = at - 1; a >= from && at - a < MAX_LENGTH; a -= 1) {
    // From two characters on: a single one never crosses, and no word begins with an unknown one.
    let h = firstCharacter(text, a);
    for (let length = 2; length <= MAX_LENGTH && a + length <= to; length += 1) {
      h = nextCharacter(text, a, length, h);
      if (length === 2 && !inWord(h)) break;
      const entry = entryOf(h);
      if (a + length > at && entry > 1) return true;
      if ((entry & 1) === 0) break;
    }
  }
  return false;
}

/** Start and end of the span as grown to word boundaries; read them after snapToWords. */
export const snapped = { start: 0, end: 0 };

/**
 * Grows text[start, end) to the words it cuts, as far as MAX_GROWTH characters at either edge,
 * and cuts off a longer word at an edge instead (when something is left). An edge between a Han
 * character and anything else is a boundary already. The result is in `snapped`.
 */
export function snapToWords(text: string, start: number, end: number): void {
  snapped.start = start;
  snapped.end = end;
  const cutsStart = start > 0 && isHan(text.charCodeAt(start - 1)) && isHan(text.charCodeAt(start));
  const cutsEnd = end < text.length && isHan(text.charCodeAt(end - 1)) && isHan(text.charCodeAt(end));
  if (!cutsStart && !cutsEnd) return;
  const inStart = cutsStart && inWord(pairHash(text.charCodeAt(start - 1), text.charCodeAt(start)));
  const inEnd = cutsEnd && inWord(pairHash(text.charCodeAt(end - 1), text.charCodeAt(end)));
  if (!inStart && !inEnd) return;
  // The window: the run of Han characters around the span, CONTEXT characters past each edge at most.
  let from = start;
  while (from > 0 && start - from < CONTEXT && isHan(text.charCodeAt(from - 1))) from -= 1;
  let to = end;
  while (to < text.length && to - end < CONTEXT && isHan(text.charCodeAt(to))) to += 1;
  if (!(inStart && crossed(text, from, to, start)) && !(inEnd && crossed(text, from, to, end))) return;
  segment(text, from, to);
  // Walk the words of the best path: the word holding each edge decides where the phrase goes.
  let newStart = start;
  let newEnd = end;
  for (let p = from; p < to; p += next[p - from] ?? 1) {
    const wordEnd = p + (next[p - from] ?? 1);
    if (p < start && start < wordEnd) newStart = start - p <= MAX_GROWTH ? p : wordEnd;
    if (p < end && end < wordEnd) newEnd = wordEnd - end <= MAX_GROWTH ? wordEnd : p;
  }
  // Cutting off a long word left nothing (the phrase lay inside it): the phrase is that word.
  if (newStart >= newEnd) {
    for (let p = from; p < to; p += next[p - from] ?? 1) {
      const wordEnd = p + (next[p - from] ?? 1);
      if (p <= start && start < wordEnd) newStart = p;
      if (p < end && end <= wordEnd) newEnd = wordEnd;
    }
  }
  snapped.start = newStart;
  snapped.end = newEnd;
}
