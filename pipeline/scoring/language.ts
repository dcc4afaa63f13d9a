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

function guessLatinLanguage(text: string): string {
  const words = text.toLowerCase().split(nonLetters);
  let best = 'en';
  let bestHits = 0;
  for (const [lang, stopwords] of latinStopwords) {
    let hits = 0;
    for (const word of words) if (stopwords.has(word)) hits += 1;
    // Strictly greater: English wins ties, since it is the working language of most posts.
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * 'zh' when Han characters dominate, 'en' for English, else a best guess ('ja', 'ko', 'ru', 'ar', …);
 * 'und' when the text has no letters at all.
 */
export function detectLanguage(text: string): string {
  const counts = new Map<Script, number>();
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0) ?? 0);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const han = counts.get('han') ?? 0;
  const kana = counts.get('kana') ?? 0;
  const latin = counts.get('latin') ?? 0;
  // Japanese mixes kanji with kana; a Chinese text never has more than a stray kana.
  if (kana > 0 && kana * 5 >= han) return 'ja';
  // One Han character carries about a word, an English word about five letters: compare on that footing.
  if (han > 0 && han * 3 >= latin && han >= maxOther(counts)) return 'zh';
  let top: Script | null = null;
  let topCount = 0;
  for (const [script, count] of counts) {
    if (script === 'han' || script === 'kana') continue;
    if (count > topCount) {
      top = script;
      topCount = count;
    }
  }
  if (top === null) return han > 0 ? 'zh' : 'und';
  if (top === 'latin') return guessLatinLanguage(text);
  return scriptLanguage[top];
}

function maxOther(counts: ReadonlyMap<Script, number>): number {
  let max = 0;
  for (const [script, count] of counts) if (script !== 'han' && script !== 'latin' && count > max) max = count;
  return max;
}
