/**
 * Script-based language guess. Good enough to route a text to the right lexicon and to count
 * tickets by language; a later issue may swap in a statistical identifier behind the same function.
 */

type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'arabic' | 'thai' | 'devanagari';

function scriptOf(code: number): Script | null {
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return 'han';
  if (code >= 0x3040 && code <= 0x30ff) return 'kana';
  if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 'hangul';
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) return 'latin';
  if (code >= 0x400 && code <= 0x4ff) return 'cyrillic';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f)) return 'arabic';
  if (code >= 0xe00 && code <= 0xe7f) return 'thai';
  if (code >= 0x900 && code <= 0x97f) return 'devanagari';
  return null;
}

const scriptLanguage: Record<Exclude<Script, 'han' | 'kana' | 'latin'>, string> = {
  hangul: 'ko',
  cyrillic: 'ru',
  arabic: 'ar',
  thai: 'th',
  devanagari: 'hi',
};

// Function words that tell the common Latin-script languages of expatriates apart.
const latinStopwords: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['en', new Set(['the', 'and', 'is', 'are', 'was', 'to', 'of', 'in', 'it', 'i', 'you', 'my', 'for', 'with', 'not', 'this', 'that', 'have'])],
  ['fr', new Set(['le', 'la', 'les', 'et', 'est', 'des', 'une', 'je', 'pas', 'pour', 'dans', 'du', 'que', 'nous', 'sont'])],
  ['de', new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'ein', 'eine', 'mit', 'zu', 'auf', 'für', 'sind', 'wir'])],
  ['es', new Set(['el', 'los', 'las', 'y', 'es', 'una', 'por', 'para', 'con', 'muy', 'pero', 'yo', 'está', 'del', 'que'])],
];

const nonLetters = /[^\p{L}']+/u;

// Each stopword up to five ASCII letters (or ') packed into a number, with the languages that list it:
// pure-ASCII texts, the usual case, are then counted without splitting or lower-casing strings.
const packedStopwords = new Map<number, number[]>();
latinStopwords.forEach(([, stopwords], index) => {
  for (const word of stopwords) {
    const key = packAscii(word, 0, word.length);
    if (key >= 0) packedStopwords.set(key, [...(packedStopwords.get(key) ?? []), index]);
  }
});

/** a–z and ' of text[start, end) five bits each, upper case folded; -1 when it cannot be a stopword. */
function packAscii(text: string, start: number, end: number): number {
  if (end - start > 5) return -1;
  let key = 0;
  for (let k = start; k < end; k += 1) {
    let c = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    const digit = c === 0x27 ? 27 : c >= 0x61 && c <= 0x7a ? c - 0x60 : -1;
    if (digit < 0) return -1;
    key = key * 32 + digit;
  }
  return key;
}

const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x27;

function latinHits(text: string, ascii: boolean): number[] {
  const hits = latinStopwords.map(() => 0);
  if (ascii) {
    // In ASCII, \p{L} is exactly A–Z and a–z: the same words as the split below.
    let i = 0;
    while (i < text.length) {
      if (!isAsciiLetter(text.charCodeAt(i))) {
        i += 1;
        continue;
      }
      let end = i + 1;
      while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end += 1;
      const langs = packedStopwords.get(packAscii(text, i, end));
      if (langs) for (const index of langs) hits[index] = (hits[index] ?? 0) + 1;
      i = end;
    }
    return hits;
  }
  const words = text.toLowerCase().split(nonLetters);
  latinStopwords.forEach(([, stopwords], index) => {
    for (const word of words) if (stopwords.has(word)) hits[index] = (hits[index] ?? 0) + 1;
  });
  return hits;
}

function guessLatinLanguage(text: string, ascii: boolean): string {
  const hits = latinHits(text, ascii);
  let best = 'en';
  let bestHits = 0;
  latinStopwords.forEach(([lang], index) => {
    // Strictly greater: English wins ties, since it is the working language of most posts.
    if ((hits[index] ?? 0) > bestHits) {
      best = lang;
      bestHits = hits[index] ?? 0;
    }
  });
  return best;
}

const scripts: readonly Script[] = ['han', 'kana', 'hangul', 'latin', 'cyrillic', 'arabic', 'thai', 'devanagari'];
// Reused between calls (detection is synchronous).
const counts = new Int32Array(scripts.length);
const order: number[] = [];

/**
 * 'zh' when Han characters dominate, 'en' for English, else a best guess ('ja', 'ko', 'ru', 'ar', …);
 * 'und' when the text has no letters at all.
 */
export function detectLanguage(text: string): string {
  // Counts per script, in the order the scripts first appear (ties go to the first seen).
  counts.fill(0);
  order.length = 0;
  let ascii = true;
  // Code units, not code points: every script counted here lies in the BMP, and no surrogate is in one.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) ascii = false;
    const script = scriptIndexOf(code);
    if (script < 0) continue;
    if (counts[script] === 0) order.push(script);
    counts[script] = (counts[script] ?? 0) + 1;
  }
  const han = counts[0] ?? 0;
  const kana = counts[1] ?? 0;
  const latin = counts[3] ?? 0;
  // Japanese mixes kanji with kana; a Chinese text never has more than a stray kana.
  if (kana > 0 && kana * 5 >= han) return 'ja';
  let maxOther = 0;
  for (const script of order) if (script !== 0 && script !== 3 && (counts[script] ?? 0) > maxOther) maxOther = counts[script] ?? 0;
  // One Han character carries about a word, an English word about five letters: compare on that footing.
  if (han > 0 && han * 3 >= latin && han >= maxOther) return 'zh';
  let top = -1;
  let topCount = 0;
  for (const script of order) {
    if (script === 0 || script === 1) continue;
    if ((counts[script] ?? 0) > topCount) {
      top = script;
      topCount = counts[script] ?? 0;
    }
  }
  if (top < 0) return han > 0 ? 'zh' : 'und';
  if (top === 3) return guessLatinLanguage(text, ascii);
  return scriptLanguage[scripts[top] as Exclude<Script, 'han' | 'kana' | 'latin'>];
}

function scriptIndexOf(code: number): number {
  // Plain ASCII letters first: most texts are mostly these.
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 3 : -1;
  const script = scriptOf(code);
  return script === null ? -1 : scripts.indexOf(script);
}
