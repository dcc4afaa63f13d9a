/**
 * `npm run build:english-words`: the broad English vocabulary of language detection
 * (pipeline/scoring/english-vocabulary.json), so that English texts with no word of the short
 * hand-made list in english-words.ts still skip the statistical detector. Words come from the
 * training parts of the English sentiment sets in ../shared/data/sentiment (never the test parts),
 * in at least MIN_TEXTS texts, and only those that eld, small and large alike, reads as English on
 * their own: a word a French, German, Spanish or Malay reader would also claim (dank, final, hotel,
 * me) is left to the detector. Deterministic: the same data gives a byte-identical file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eld as eldLarge } from 'eld/large';
import { eld as eldSmall } from 'eld/small';
import { projectDir } from '../config/paths.ts';
import { foreignWords } from '../pipeline/scoring/english-words.ts';
import { DEFAULT_LANGUAGES } from '../pipeline/scoring/language.ts';
import { SharedDataMissingError, enSets, loadSet, requireSharedData } from './sentiment/data.ts';

/** A word must appear in at least this many training texts. */
const MIN_TEXTS = 3;
/** Two-letter words are too often words of other languages too (da, si, la): the hand-made list has the English ones. */
const MIN_LENGTH = 3;

try {
  requireSharedData();
} catch (error) {
  if (!(error instanceof SharedDataMissingError)) throw error;
  console.error(`build:english-words: ${error.message}`);
  process.exit(1);
}

const texts = new Map<string, number>();
for (const set of enSets) {
  for (const example of loadSet(set)) {
    if (example.split !== 'train') continue;
    // Letters only, apostrophes dropped: the detector counts "don't" as "dont".
    const words = new Set(example.text.toLowerCase().replace(/['’]/g, '').match(/[a-z]+/g) ?? []);
    for (const word of words) texts.set(word, (texts.get(word) ?? 0) + 1);
  }
}

eldSmall.setLanguageSubset([...DEFAULT_LANGUAGES]);
eldLarge.setLanguageSubset([...DEFAULT_LANGUAGES]);
const foreign = new Set(foreignWords);
const kept = [...texts]
  .filter(([word, n]) => n >= MIN_TEXTS && word.length >= MIN_LENGTH && !foreign.has(word))
  .filter(([word]) => eldSmall.detect(word).language === 'en' && eldLarge.detect(word).language === 'en')
  .map(([word]) => word)
  .sort();

const path = resolve(projectDir, 'pipeline/scoring/english-vocabulary.json');
const file = { format: 'talentpulse-english-words/1', source: `scripts/build-english-words.ts: training parts of ${enSets.join(', ')}; in ≥ ${MIN_TEXTS} texts; read as English by eld small and large`, words: kept.join(' ') };
writeFileSync(path, JSON.stringify(file) + '\n');
console.log(`wrote ${path}: ${kept.length} words of ${texts.size} seen`);
