/**
 * Word evidence for Latin-script text: how many of its words are English words, and how many
 * are function words of the other Latin-script languages residents write in. Clear English skips
 * the statistical detector (throughput), and a short text with an English word and no foreign
 * one stays English ("thanks!", "Visa delayed again") where n-gram statistics would guess.
 * English words are the hand-made list below plus a broad vocabulary built from English training
 * texts (english-vocabulary.json, `npm run build:english-words`).
 */
import vocabulary from './english-vocabulary.json' with { type: 'json' };

// Left out on purpose: words as common in French, German, Spanish, Italian, Portuguese or Dutch
// (a, in, an, on, no, me, so, son, come, per, also, man, will, war, hat, bin, super, via).
const english = `the and is are was were be been to of it its i you he she we they my your our their for with not this that
these those have has had do does did but or if at by from as about what which who when where why how all any can could would
should there here than then very too just only also still again ever never nobody nothing no one some more most much many
ok okay thanks thank please sorry yes good great nice bad poor worst best terrible awful slow fast late help helpful useless
wait waiting waited again already finally delayed delay problem issue office staff hotline people service get got go went
make made take took say said call called answer answers answered anyone someone will wont cant dont didnt isnt wasnt im ive
after before because while until into out up down over under new old day days week weeks month months year years time
just like well even way work works life love loved feel feels look looks little own see seen seems long world both something
anything everything being between each such may might must off around almost though yet nor quite really rather pretty enough
every through much funny fun boring dull interesting smart clever stupid dumb silly sweet beautiful lovely wonderful amazing
awesome excellent perfect fine happy sad angry upset disappointed disappointing satisfied unhelpful rude friendly kind polite
patient quick quickly slowly hard easy simple difficult better worse worst least less lot lots thing things story movie
character characters performance performances moments moment feeling heart mind life lives man woman women men kids family
friend friends home house room apartment school hospital doctor police bank card account phone number email website online
permit residence center centre desk application apply applied approved rejected refused processing appointment form forms
documents paperwork english chinese foreign foreigner foreigners expat expats community event events city street bus taxi
hate hated like liked enjoy enjoyed recommend recommended worth waste money pay paid free cheap expensive price
totally completely absolutely hardly barely simply truly actually probably maybe perhaps sure certainly definitely
should've could've would've doesnt havent hasnt wouldnt couldnt shouldnt arent werent youre theyre thats theres whats`;

const foreign = `le la les et est des une je pas pour dans du que nous sont avec mais très ne ce il elle qui au aux sur vous leur été
merci bonjour der die das und ist nicht ich ein eine mit zu auf für sind sie es den dem von wie schon noch sehr danke bitte kein
keine leider warum el los las y una por para con muy pero yo está del se lo como hay estoy gracias nadie todo di che non sono
della grazie è ho os não uma com muito estou obrigado ninguém onde fica het een niet zijn voor ook maar dat de en
yang dan ini itu dengan untuk tidak saya ada ve bir bu için çok ile ama của và là không có được người những nie jest się na że jak`;

const words = (list: string) => list.split(/\s+/).filter((w) => w !== '');

/** The foreign function words, for the vocabulary builder (which leaves them out). */
export const foreignWords: readonly string[] = words(foreign);
/** English words left out of the lists above on purpose (see there): the vocabulary builder leaves them out too. */
export const ambiguousWords: readonly string[] = words('a in an on no me so son come per also man will war hat bin super via');

// Letters of a word fold to lower case for the look-up: ASCII and Latin-1 by arithmetic, the
// rest of Latin Extended through a table made once from toLowerCase.
const LATIN_END = 0x250;
const lowerTable = new Uint16Array(LATIN_END);
for (let c = 0; c < LATIN_END; c += 1) {
  const lower = String.fromCharCode(c).toLowerCase();
  lowerTable[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;
/** Latin letters (as scriptOf counts them) and apostrophes: what a word is made of here. */
const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isApostrophe(c) || (c >= 0xc0 && c < LATIN_END && c !== 0xd7 && c !== 0xf7);

const ENGLISH = 1;
const FOREIGN = 2;

// Open addressing over FNV-1a hashes of the folded letters (apostrophes skipped: "don't" is
// "dont"), each slot checked against its word's letters, which lie side by side in one typed
// array: a text is read without slicing or lower-casing, and a check touches no string on the heap.
const all: [string, number][] = [
  ...words(english).map((w) => [w.replace(/'/g, ''), ENGLISH] as [string, number]),
  ...words(vocabulary.words).map((w) => [w, ENGLISH] as [string, number]),
  ...words(foreign).map((w) => [w, FOREIGN] as [string, number]),
];
let size = 1;
while (size < all.length * 2) size *= 2;
const mask = size - 1;
// Slot s at 2s and 2s + 1: the word's hash, then where its letters start in `letters` (low 24
// bits; -1 for an empty slot) with its length above them. One probe reads one cache line.
const slots = new Int32Array(size * 2);
for (let s = 0; s < size; s += 1) slots[2 * s + 1] = -1;
const slotClass = new Uint8Array(size);
const letters = new Uint16Array(all.reduce((sum, [w]) => sum + w.length, 0));

// Per code unit below LATIN_END: 1 for a letter of a word, 2 for an apostrophe, 0 for the rest
// (beyond it only ’ is part of a word): one read where isWordCode tests ranges.
const LETTER = 1;
const APOSTROPHE = 2;
const wordClass = Uint8Array.from({ length: LATIN_END }, (_, c) => (isApostrophe(c) ? APOSTROPHE : isWordCode(c) ? LETTER : 0));
const classOf = (c: number) => (c < LATIN_END ? (wordClass[c] ?? 0) : c === 0x2019 ? APOSTROPHE : 0);

function hashWord(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k += 1) {
    const c = text.charCodeAt(k);
    if (isApostrophe(c)) continue;
    h = Math.imul(h ^ (c < LATIN_END ? (lowerTable[c] ?? c) : c), 0x01000193);
  }
  return h | 0;
}

/** The slot holding text[start, end) (folded, without apostrophes) as a word, else -1. */
function find(text: string, start: number, end: number, hash: number): number {
  for (let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
    const info = slots[2 * slot + 1] ?? -1;
    if (info < 0) return -1;
    if (slots[2 * slot] !== hash) continue;
    let w = info & 0xffffff;
    const stop = w + (info >>> 24);
    let same = true;
    for (let k = start; k < end && same; k += 1) {
      const c = text.charCodeAt(k);
      if (isApostrophe(c)) continue;
      same = w < stop && (c < LATIN_END ? (lowerTable[c] ?? c) : c) === letters[w];
      w += 1;
    }
    if (same && w === stop) return slot;
  }
}

let used = 0;
for (const [word, kind] of all) {
  const hash = hashWord(word, 0, word.length);
  // The first class wins: a hand-made English word stays English, a foreign one stays foreign.
  if (word === '' || find(word, 0, word.length, hash) >= 0) continue;
  let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
  while ((slots[2 * slot + 1] ?? -1) >= 0) slot = (slot + 1) & mask;
  slots[2 * slot] = hash;
  slots[2 * slot + 1] = used | (word.length << 24);
  slotClass[slot] = kind;
  for (let k = 0; k < word.length; k += 1) letters[used + k] = word.charCodeAt(k);
  used += word.length;
}

export interface WordEvidence {
  /** Latin-script words. */
  words: number;
  english: number;
  foreign: number;
  /** Whether text[start, end) is all ASCII: then its letters are all Latin, and the script count can be skipped. */
  ascii: boolean;
  /** Whether it has a Latin letter (a word may be apostrophes alone). */
  letters: boolean;
}

/** Counts the Latin-script words of text[start, end) and how many are English or foreign function words. */
export function wordEvidence(text: string, start = 0, end = text.length): WordEvidence {
  let words = 0;
  let english = 0;
  let foreign = 0;
  let ascii = true;
  let letters = false;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    let type = classOf(c);
    if (type === 0) {
      if (c >= 0x80) ascii = false;
      i += 1;
      continue;
    }
    // The word's hash as it is read, so that most words cost one pass.
    const wordStart = i;
    let h = 0x811c9dc5;
    do {
      if (c >= 0x80) ascii = false;
      if (type === LETTER) {
        h = Math.imul(h ^ (lowerTable[c] ?? c), 0x01000193);
        letters = true;
      }
      i += 1;
      // Not read past the end: charCodeAt's NaN there would make the loop's numbers doubles.
      if (i === end) break;
      c = text.charCodeAt(i);
      type = classOf(c);
    } while (type !== 0);
    words += 1;
    const slot = find(text, wordStart, i, h | 0);
    if (slot >= 0) {
      if (slotClass[slot] === ENGLISH) english += 1;
      else foreign += 1;
    }
  }
  return { words, english, foreign, ascii, letters };
}
