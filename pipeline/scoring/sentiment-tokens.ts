/**
 * Splits a text into the tokens the sentiment features are built from: one token per Han
 * character (or per cue word such as 没有, 但是, 签证), one per Latin word or number, one per emoji
 * or emoticon, and markers for clause and sentence ends. Offsets point into the original text,
 * so every feature maps back to a readable span.
 */
import { enCourtesyLength } from './sentiment-courtesy.ts';
import { enCues, negativeEmoji, positiveEmoji, zhCues, type Cue } from './sentiment-cues.ts';
import { SocialMark, emoticonLength, linkLength, mentionLength, negativeEmoticons, positiveEmoticons } from './sentiment-social.ts';

export const TokenKind = { Text: 0, Emoji: 1, ClauseBreak: 2, SentenceEnd: 3 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Tokens {
  count: number;
  kind: Uint8Array;
  hash: Int32Array;
  start: Int32Array;
  end: Int32Array;
  cue: (Cue | undefined)[];
  /** +1 / -1 for emoji whose feeling is not in doubt, else 0. */
  mood: Int8Array;
}

export function createTokens(capacity = 256): Tokens {
  return { count: 0, kind: new Uint8Array(capacity), hash: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity), cue: [], mood: new Int8Array(capacity) };
}

function grow(tokens: Tokens): void {
  const size = tokens.kind.length * 2;
  const copy = <T extends Uint8Array | Int32Array | Int8Array>(from: T, to: T): T => (to.set(from), to);
  tokens.kind = copy(tokens.kind, new Uint8Array(size));
  tokens.hash = copy(tokens.hash, new Int32Array(size));
  tokens.start = copy(tokens.start, new Int32Array(size));
  tokens.end = copy(tokens.end, new Int32Array(size));
  tokens.mood = copy(tokens.mood, new Int8Array(size));
}

function push(tokens: Tokens, kind: TokenKind, hash: number, start: number, end: number, cue: Cue | undefined, mood = 0): void {
  if (tokens.count === tokens.kind.length) grow(tokens);
  const i = tokens.count;
  tokens.kind[i] = kind;
  tokens.hash[i] = hash;
  tokens.start[i] = start;
  tokens.end[i] = end;
  tokens.cue[i] = cue;
  tokens.mood[i] = mood;
  tokens.count = i + 1;
}

/** Lower-cases ASCII and folds full-width ASCII (ＡＢＣ！) to half-width; one code unit in, one out. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code === 0x2019 || code === 0x2018) return 0x27;
  return code;
}

export const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isEmoji = (c: number) => (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x2600 && c <= 0x27bf);
// Per code unit, 1 for the marks that end a sentence.
const sentenceEndCodes = new Uint8Array(0x10000);
for (const c of '。！？!?.;；…\n') sentenceEndCodes[c.charCodeAt(0)] = 1;
const negatorCue: Cue = { kind: 'negator' };

// Per UTF-16 code unit, read once where the tokenizer would otherwise test ranges and sets at
// every character: its folded code, and its class (a word letter, a space, or anything else).
const foldTable = Uint16Array.from({ length: 0x10000 }, (_, c) => foldCode(c));
const CodeClass = { Other: 0, Word: 1, Space: 2 } as const;
const codeClass = Uint8Array.from(foldTable, (c) => (isWordChar(c) ? CodeClass.Word : c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0d || c === 0xfe0f || c === 0x200d ? CodeClass.Space : CodeClass.Other));
// Marks that carry feeling or genre (【headline】 and 《title》 are news; ~ and … are chatty): features through their hash.
const markCodes = new Uint8Array(0x10000);
for (const c of '!?#~…【】《》“”「」『』') markCodes[c.charCodeAt(0)] = 1;

/** FNV-1a over folded code units of text[start, end). */
export function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (foldTable[c] ?? c), 0x01000193);
  }
  return h | 0;
}

// English cue words by the hash of their folded letters: a word's hash is computed anyway, so most
// words are ruled out without building a lower-cased string.
const enCuesByHash = new Map<number, [string, Cue][]>();
for (const [word, cue] of enCues) {
  const h = hashSpan(word, 0, word.length);
  enCuesByHash.set(h, [...(enCuesByHash.get(h) ?? []), [word, cue]]);
}

// A 4096-bit sketch of those hashes: one array read rules out nearly every word that is not a cue.
const enCueSketch = new Uint8Array(512);
for (const h of enCuesByHash.keys()) enCueSketch[(h & 4095) >>> 3] = (enCueSketch[(h & 4095) >>> 3] ?? 0) | (1 << (h & 7));

function sameFolded(text: string, start: number, end: number, word: string): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k += 1) if (foldCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Length of a clitic ending the folded word (n't 's 're 've 'll 'd 'm), as SST-2 splits them, else 0. */
function cliticLength(text: string, start: number, end: number): number {
  if (end - start <= 3) return 0;
  const last = foldCode(text.charCodeAt(end - 1));
  const second = foldCode(text.charCodeAt(end - 2));
  if (second === 0x27 && (last === 0x73 || last === 0x64 || last === 0x6d)) return 2;
  const third = foldCode(text.charCodeAt(end - 3));
  if (third === 0x27 && ((second === 0x72 && last === 0x65) || (second === 0x76 && last === 0x65) || (second === 0x6c && last === 0x6c))) return 3;
  if (third === 0x6e && second === 0x27 && last === 0x74) return 3;
  return 0;
}

function enCueOf(text: string, start: number, end: number, hash: number): Cue | undefined {
  if (((enCueSketch[(hash & 4095) >>> 3] ?? 0) & (1 << (hash & 7))) === 0) return undefined;
  const candidates = enCuesByHash.get(hash);
  if (candidates === undefined) return undefined;
  for (const [word, cue] of candidates) if (sameFolded(text, start, end, word)) return cue;
  return undefined;
}

/** Where the word pushEnglishWord last read ends. */
let wordEnd = 0;

/**
 * The English word beginning at text[i] (a word character) in plain ASCII (and ’‘), without string
 * allocation, found and hashed in one pass: FNV-1a runs left to right, so the stem's hash (the word
 * less a clitic of two or three code units) is a state the pass went through, kept from its last
 * steps. Its end in wordEnd; false, having pushed nothing, when a code unit is beyond ASCII: such
 * words take the general path.
 */
function pushEnglishWord(tokens: Tokens, text: string, i: number, length: number): boolean {
  // The hash of the word less its last 0, 1, 2 and 3 code units.
  let h = 0x811c9dc5;
  let less1 = h;
  let less2 = h;
  let less3 = h;
  let start = i;
  let leading = true;
  let plain = true;
  let end = i;
  for (; end < length; end += 1) {
    const c = text.charCodeAt(end);
    if (codeClass[c] !== CodeClass.Word) break;
    // Apostrophes before a word are not part of it, but one alone is a word: while they last, the word starts again.
    if (leading) {
      start = end;
      h = less1 = less2 = 0x811c9dc5;
      leading = c === 0x27;
    }
    if (c >= 0x80 && c !== 0x2019 && c !== 0x2018) plain = false;
    less3 = less2;
    less2 = less1;
    less1 = h;
    h = Math.imul(h ^ (foldTable[c] ?? c), 0x01000193);
  }
  wordEnd = end;
  if (!plain) return false;
  const clitic = cliticLength(text, start, end);
  const stem = end - clitic;
  const hash = (clitic === 0 ? h : clitic === 2 ? less2 : less3) | 0;
  const cue = enCueOf(text, start, stem, hash);
  if (cue?.kind === 'courtesy' && clitic === 0) {
    wordEnd = pushCourtesyOrWord(tokens, text, start, end, hash, cue);
    return true;
  }
  push(tokens, TokenKind.Text, hash, start, stem, cue);
  if (clitic > 0) push(tokens, TokenKind.Text, hashSpan(text, stem, end), stem, end, foldCode(text.charCodeAt(stem)) === 0x6e ? negatorCue : undefined);
  return true;
}

/**
 * From a word that may open an English courtesy formula (sorry, excuse…; no clitic): the formula
 * as one token when it follows ("sorry to bother you"), else the word as a plain one. Where the
 * token ends.
 */
function pushCourtesyOrWord(tokens: Tokens, text: string, start: number, end: number, hash: number, cue: Cue): number {
  const length = enCourtesyLength(text, start);
  if (length === 0) {
    push(tokens, TokenKind.Text, hash, start, end, undefined);
    return end;
  }
  push(tokens, TokenKind.Text, hashSpan(text, start, start + length), start, start + length, cue);
  return start + length;
}

function emoticonAt(text: string, i: number): string | undefined {
  for (const length of [3, 2]) {
    const candidate = text.slice(i, i + length).toLowerCase();
    if (positiveEmoji.has(candidate) || negativeEmoji.has(candidate)) return candidate;
  }
  return undefined;
}

// Chinese cues by their first code unit, longest first, as code units: a cue is matched where it
// stands in the text, without slicing a string at every character that may begin one.
const zhCueCandidates = new Map<number, { codes: Uint16Array; cue: Cue }[]>();
for (const [word, cue] of zhCues) {
  const first = word.charCodeAt(0);
  zhCueCandidates.set(first, [...(zhCueCandidates.get(first) ?? []), { codes: Uint16Array.from(word, (c) => c.charCodeAt(0)), cue }]);
}
for (const candidates of zhCueCandidates.values()) candidates.sort((a, b) => b.codes.length - a.codes.length);
// Per UTF-16 code unit, whether a cue begins with it: one array read rules out most characters.
const zhCueFirst = new Uint8Array(0x10000);
for (const first of zhCueCandidates.keys()) zhCueFirst[first] = 1;

/** Length of the cue zhCueAt last found. */
let zhCueLength = 0;

/** The longest Chinese cue at text[i] (its length in zhCueLength), else undefined. */
function zhCueAt(text: string, i: number): Cue | undefined {
  const first = text.charCodeAt(i);
  if (zhCueFirst[first] !== 1) return undefined;
  for (const { codes, cue } of zhCueCandidates.get(first) ?? []) {
    if (i + codes.length > text.length) continue;
    let k = 1;
    while (k < codes.length && text.charCodeAt(i + k) === codes[k]) k += 1;
    // 打扰了 is a courtesy formula before a comma, not in 噪音打扰了居民.
    if (k === codes.length && !(cue.kind === 'courtesy' && cue.beforeBreak && i + k < text.length && isHan(text.charCodeAt(i + k)))) {
      zhCueLength = k;
      return cue;
    }
  }
  return undefined;
}

/** Tokenises `text` into `tokens` (reused between calls to spare allocation). */
export function tokenize(text: string, lang: 'zh' | 'en', tokens: Tokens): void {
  tokens.count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const raw = text.charCodeAt(i);
    const code = foldTable[raw] ?? raw;
    const type = codeClass[raw];
    // Spaces and words first: nearly every character of an English text is one or the other.
    if (type === CodeClass.Space) {
      // In Chinese a space separates phrases (Weibo writes it for a comma); in English it only separates words.
      if (lang === 'zh' && code !== 0xfe0f && code !== 0x200d) push(tokens, TokenKind.ClauseBreak, 0, i, i + 1, undefined);
      i += 1;
    } else if (type === CodeClass.Word) {
      if ((code === 0x68 || code === 0x77) && linkLength(text, i) > 0) {
        const end = i + linkLength(text, i);
        push(tokens, TokenKind.Emoji, SocialMark.Link, i, end, undefined);
        i = end;
        continue;
      }
      if (lang === 'en' && pushEnglishWord(tokens, text, i, length)) {
        i = wordEnd;
        continue;
      }
      let end = i + 1;
      while (end < length && codeClass[text.charCodeAt(end)] === CodeClass.Word) end += 1;
      let start = i;
      while (start < end - 1 && text.charCodeAt(start) === 0x27) start += 1;
      i = end;
      const word = text.slice(start, end).toLowerCase().replace(/[’‘]/g, "'");
      // Split clitics the way SST-2 is tokenised: wasn't → was n't, it's → it 's.
      const clitic = lang === 'en' && word.length > 3 ? /(n't|'s|'re|'ve|'ll|'d|'m)$/.exec(word) : null;
      const stem = clitic ? end - (clitic[1] ?? '').length : end;
      const stemWord = clitic ? word.slice(0, stem - start) : word;
      const cue = lang === 'en' ? enCues.get(stemWord) : zhCues.get(word);
      if (cue?.kind === 'courtesy' && !clitic) {
        i = pushCourtesyOrWord(tokens, text, start, end, hashSpan(text, start, end), cue);
        continue;
      }
      push(tokens, TokenKind.Text, hashSpan(text, start, stem), start, stem, cue);
      if (clitic) push(tokens, TokenKind.Text, hashSpan(text, stem, end), stem, end, clitic[1] === "n't" ? negatorCue : undefined);
    } else if (isHan(code)) {
      const cue = lang === 'zh' ? zhCueAt(text, i) : undefined;
      const end = cue === undefined ? i + 1 : i + zhCueLength;
      push(tokens, TokenKind.Text, hashSpan(text, i, end), i, end, cue);
      i = end;
    } else if (code === 0x3a || code === 0x3b || code === 0x3c) {
      const emoticon = emoticonAt(text, i);
      if (emoticon) {
        push(tokens, TokenKind.Emoji, hashSpan(emoticon, 0, emoticon.length), i, i + emoticon.length, undefined, positiveEmoji.has(emoticon) ? 1 : -1);
        i += emoticon.length;
      } else {
        push(tokens, sentenceEndCodes[code] === 1 ? TokenKind.SentenceEnd : TokenKind.ClauseBreak, 0, i, i + 1, undefined);
        i += 1;
      }
    } else if (code === 0x5b && emoticonLength(text, i) > 0) {
      const end = i + emoticonLength(text, i);
      const mark = text.slice(i, end).toLowerCase();
      push(tokens, TokenKind.Emoji, hashSpan(text, i, end), i, end, undefined, positiveEmoticons.has(mark) ? 1 : negativeEmoticons.has(mark) ? -1 : 0);
      i = end;
    } else if (code === 0x40 && mentionLength(text, i) > 0) {
      const end = i + mentionLength(text, i);
      push(tokens, TokenKind.Emoji, SocialMark.Mention, i, end, undefined);
      i = end;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const point = text.codePointAt(i) ?? 0;
      if (isEmoji(point)) {
        const char = String.fromCodePoint(point);
        push(tokens, TokenKind.Emoji, point | 0, i, i + 2, undefined, positiveEmoji.has(char) ? 1 : negativeEmoji.has(char) ? -1 : 0);
      }
      i += 2;
    } else if (isEmoji(code)) {
      const char = String.fromCharCode(code);
      push(tokens, TokenKind.Emoji, code, i, i + 1, undefined, positiveEmoji.has(char) ? 1 : negativeEmoji.has(char) ? -1 : 0);
      i += 1;
    } else {
      const kind = sentenceEndCodes[code] === 1 ? TokenKind.SentenceEnd : TokenKind.ClauseBreak;
      // '!' and '?' carry feeling of their own: keep them as features through their hash.
      push(tokens, kind, markCodes[code] === 1 ? code : 0, i, i + 1, undefined);
      i += 1;
    }
  }
}
