/**
 * `npm run build:chinese-words`: the Chinese word list that shown terms are cut to word
 * boundaries by (pipeline/scoring/chinese-words.json, read by chinese-words.ts). The model's
 * phrases are character n-grams and may start or end inside a word (度很好 of 服务态度很好); the
 * scorer segments a few characters around a shown phrase with these words and their counts, the
 * way jieba segments (the most probable path through the words), without jieba or its 5 MB
 * dictionary at run time. Words come from jieba's segmentation (the default dictionary, no HMM)
 * of the training parts of the Chinese sentiment sets in ../shared/data/sentiment (never the
 * validation or test parts): every Han character, and words of two to MAX_LENGTH Han characters
 * met at least MIN_COUNT times. Deterministic: the same data gives a byte-identical file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { projectDir } from '../config/paths.ts';
import { SharedDataMissingError, loadSet, requireSharedData, zhSets } from './sentiment/data.ts';

/** A word of two or more characters must be met at least this often: once is as often a typo or a name. */
const MIN_COUNT = 2;
/** Longer words are idioms and names (大理白族自治州): the look-up in chinese-words.ts holds words up to this length. */
const MAX_LENGTH = 6;

try {
  requireSharedData();
} catch (error) {
  if (!(error instanceof SharedDataMissingError)) throw error;
  console.error(`build:chinese-words: ${error.message}`);
  process.exit(1);
}

const han = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const jieba = Jieba.withDict(dict);
const counts = new Map<string, number>();
let total = 0;
for (const set of zhSets) {
  for (const example of loadSet(set)) {
    if (example.split !== 'train') continue;
    for (const word of jieba.cut(example.text, false)) {
      if (!han.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      total += 1;
    }
  }
}

// Grouped by count, so the file says each count once: most words are rare.
const byCount = new Map<number, string[]>();
for (const [word, n] of counts) {
  if (word.length > MAX_LENGTH || (word.length > 1 && n < MIN_COUNT)) continue;
  const words = byCount.get(n) ?? [];
  words.push(word);
  byCount.set(n, words);
}
const groups = [...byCount].sort((a, b) => a[0] - b[0]).map(([n, words]) => `${n} ${words.sort().join(' ')}`);
const kept = groups.reduce((sum, group) => sum + group.split(' ').length - 1, 0);

const path = resolve(projectDir, 'pipeline/scoring/chinese-words.json');
const file = {
  format: 'talentpulse-chinese-words/1',
  source: `scripts/build-chinese-words.ts: jieba (default dictionary, no HMM) over the training parts of ${zhSets.join(', ')}; every Han character, and words of 2–${MAX_LENGTH} met ≥ ${MIN_COUNT} times; each group is a count and its words`,
  total,
  counts: groups,
};
writeFileSync(path, JSON.stringify(file) + '\n');
console.log(`wrote ${path}: ${kept} words of ${counts.size} seen, ${total} words counted`);
