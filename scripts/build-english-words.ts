/**
 * `npm run build:english-words`: the broad English vocabulary of language detection
 * (pipeline/scoring/english-vocabulary.json), so that English texts with no word of the short
 * hand-made list in english-words.ts still skip the statistical detector. Words come from the
 * training parts of the English sentiment sets in ../shared/data/sentiment (never the test parts),
 * in at least MIN_TEXTS texts, and only those that eld (small or large) reads as English on their
 * own, clearly ahead of any other plausible language: a word a French, German, Spanish or Italian
 * reader would also claim (dank, final, idea, male, horrible) is left to the detector, as are the
 * words english-words.ts leaves out on purpose. Deterministic: the same data gives a
 * byte-identical file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eld as eldLarge } from 'eld/large';
import { eld as eldSmall } from 'eld/small';
import { projectDir } from '../config/paths.ts';
import { ambiguousWords, foreignWords } from '../pipeline/scoring/english-words.ts';
import { DEFAULT_LANGUAGES } from '../pipeline/scoring/language.ts';
import { SharedDataMissingError, enSets, loadSet, requireSharedData } from './sentiment/data.ts';

/** A word must appear in at least this many training texts. */
const MIN_TEXTS = 3;
/** Two-letter words are too often words of other languages too (da, si, la): the hand-made list has the English ones. */
const MIN_LENGTH = 3;
/**
 * How far eld's English score must lead the runner-up's: cognates score alike in two languages
 * (idea es, male it, normal tr, bus nl) and eld breaks the tie toward English.
 */
const MIN_LEAD = 0.04;

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

/** eld reads the word alone as English, ahead of any other language by MIN_LEAD. */
function clearlyEnglish(detector: typeof eldSmall, word: string): boolean {
  const result = detector.detect(word);
  if (result.language !== 'en') return false;
  const scores = Object.entries(result.getScores()).filter(([lang]) => lang !== 'en').map(([, score]) => score);
  return (result.getScores()['en'] ?? 0) - Math.max(0, ...scores) >= MIN_LEAD;
}

eldSmall.setLanguageSubset([...DEFAULT_LANGUAGES]);
eldLarge.setLanguageSubset([...DEFAULT_LANGUAGES]);
const foreign = new Set([...foreignWords, ...ambiguousWords]);
const kept = [...texts]
  .filter(([word, n]) => n >= MIN_TEXTS && word.length >= MIN_LENGTH && !foreign.has(word))
  .filter(([word]) => clearlyEnglish(eldSmall, word) || clearlyEnglish(eldLarge, word))
  .map(([word]) => word)
  .sort();

const path = resolve(projectDir, 'pipeline/scoring/english-vocabulary.json');
const file = { format: 'talentpulse-english-words/1', source: `scripts/build-english-words.ts: training parts of ${enSets.join(', ')}; in ≥ ${MIN_TEXTS} texts; read as English by eld small or large, ahead of the runner-up by ${MIN_LEAD}`, words: kept.join(' ') };
writeFileSync(path, JSON.stringify(file) + '\n');
console.log(`wrote ${path}: ${kept.length} words of ${texts.size} seen`);
