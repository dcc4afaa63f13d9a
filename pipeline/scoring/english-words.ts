/**
 * Word evidence for Latin-script text: how many of its words are common English words, and how
 * many are function words of the other Latin-script languages residents write in. Clear English
 * skips the statistical detector (throughput), and a short text with an English word and no
 * foreign one stays English ("thanks!", "Visa delayed again") where n-gram statistics would guess.
 */
import { Script, scriptOf } from './scripts.ts';

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

// Each word of up to ten ASCII letters (or ') packed into a number: pure-ASCII texts, the usual
// case, are then counted without slicing or lower-casing strings.
const MAX_PACKED = 10;
const englishPacked = new Set<number>();
// Longer words, and words with accents, are looked up as strings: few texts have many.
const englishLong = new Set<string>();
const foreignPacked = new Set<number>();
const foreignAccented = new Set<string>();
for (const word of words(english)) {
  const key = packAscii(word, 0, word.length);
  if (key >= 0) englishPacked.add(key);
  else englishLong.add(word);
}
for (const word of words(foreign)) {
  const key = packAscii(word, 0, word.length);
  if (key >= 0) foreignPacked.add(key);
  else foreignAccented.add(word);
}

/** a–z and ' of text[start, end) five bits each, upper case folded; -1 when it holds anything else or is too long. */
function packAscii(text: string, start: number, end: number): number {
  if (end - start > MAX_PACKED) return -1;
  let key = 0;
  for (let k = start; k < end; k += 1) {
    let c = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    // The typographic apostrophe of "don’t" counts as the ASCII one.
    const digit = c === 0x27 || c === 0x2019 ? 27 : c >= 0x61 && c <= 0x7a ? c - 0x60 : -1;
    if (digit < 0) return -1;
    key = key * 32 + digit;
  }
  return key;
}

const isWordCode = (c: number) => scriptOf(c) === Script.Latin || c === 0x27 || c === 0x2019;

export interface WordEvidence {
  /** Latin-script words. */
  words: number;
  english: number;
  foreign: number;
}

/** Counts the Latin-script words of text[start, end) and how many are English or foreign function words. */
export function wordEvidence(text: string, start = 0, end = text.length): WordEvidence {
  const evidence: WordEvidence = { words: 0, english: 0, foreign: 0 };
  let i = start;
  while (i < end) {
    if (!isWordCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let stop = i + 1;
    let apostrophe = false;
    for (let c = text.charCodeAt(stop); stop < end && isWordCode(c); c = text.charCodeAt((stop += 1))) apostrophe ||= c === 0x27 || c === 0x2019;
    evidence.words += 1;
    let key = packAscii(text, i, stop);
    // Contractions count by their letters: "don't" and "dont" are the same word here.
    if (apostrophe && key >= 0) key = packAscii(text.slice(i, stop).replace(/['’]/g, ''), 0, stop - i);
    if (key >= 0) {
      if (englishPacked.has(key)) evidence.english += 1;
      else if (foreignPacked.has(key)) evidence.foreign += 1;
    } else {
      const word = text.slice(i, stop).toLowerCase();
      if (englishLong.has(word)) evidence.english += 1;
      else if (foreignAccented.has(word)) evidence.foreign += 1;
    }
    i = stop;
  }
  return evidence;
}
