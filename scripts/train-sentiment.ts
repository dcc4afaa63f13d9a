/**
 * `npm run train:sentiment`: trains the Chinese and English sentiment models on the training
 * parts of ../shared/data/sentiment and writes pipeline/scoring/model/sentiment-{zh,en}.json and
 * SOURCES.md. Deterministic: the same data gives byte-identical files (bar the date in SOURCES.md).
 * `-- --lang en` (or zh) retrains one language and leaves the other's files as they are.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectDir } from '../config/paths.ts';
import { OBJECTIVE_BUDGET, OBJECTIVE_FEATURES, OWN_NEUTRAL_WEIGHT, fitObjective } from './sentiment/fit-objective.ts';
import { NB_ALPHA } from './sentiment/nb-ratios.ts';
import { SENTIMENT_MODEL_VERSION } from '../pipeline/scoring/sentiment-version.ts';
import { SPLIT_SEED, SharedDataMissingError, enSets, loadSet, requireSharedData, zhSets, type Example } from './sentiment/data.ts';
import { enSeed, zhSeed } from './sentiment/domain-seed.ts';
import { MAX_FEATURES, NEUTRAL_MARGIN, NEUTRAL_WEIGHT, SET_WEIGHT, TRAIN_SEED, fitModel, seedTexts, weighted } from './sentiment/fit.ts';

const modelDir = resolve(projectDir, 'pipeline/scoring/model');

try {
  requireSharedData();
} catch (error) {
  if (!(error instanceof SharedDataMissingError)) throw error;
  console.error(`train:sentiment: ${error.message}`);
  process.exit(1);
}

const langAt = process.argv.indexOf('--lang');
const only = langAt >= 0 ? process.argv[langAt + 1] : undefined;
if (only !== undefined && only !== 'zh' && only !== 'en') {
  console.error(`train:sentiment: --lang takes zh or en, got ${JSON.stringify(only)}`);
  process.exit(1);
}

const counts: string[] = [];
for (const [lang, sets, seed] of [['zh', zhSets, zhSeed], ['en', enSets, enSeed]] as const) {
  const examples: Example[] = sets.flatMap((name) => loadSet(name));
  const trainPart = examples.filter((e) => e.split === 'train');
  const validation = examples.filter((e) => e.split === 'validation');
  for (const name of sets) {
    const of = (split: string) => examples.filter((e) => e.set === name && e.split === split).length;
    counts.push(`| ${name} | ${of('train')} | ${of('validation')} | ${of('test')} |`);
  }
  if (only !== undefined && lang !== only) continue;
  console.log(`${lang}: ${trainPart.length} training texts, ${validation.length} validation`);
  const file = fitModel([...weighted(trainPart), ...seedTexts(seed)], validation, { lang, version: SENTIMENT_MODEL_VERSION, log: console.log });
  const path = resolve(modelDir, `sentiment-${lang}.json`);
  writeFileSync(path, JSON.stringify(file) + '\n');
  console.log(`wrote ${path}: ${file.features} features`);
  const rated = trainPart.filter((e) => e.label === 0.5).map((e) => e.text);
  const objective = fitObjective(lang, trainPart, seed, rated, validation, SENTIMENT_MODEL_VERSION);
  const objectivePath = resolve(modelDir, `objective-${lang}.json`);
  writeFileSync(objectivePath, JSON.stringify(objective) + '\n');
  console.log(`wrote ${objectivePath}: ${objective.features} features from ${seed.neutral.length} neutral sentences of ours (×${OWN_NEUTRAL_WEIGHT}) and ${rated.length} neutral-rated texts`);
}

writeFileSync(resolve(modelDir, 'SOURCES.md'), `# Sources of the sentiment weights

Written by \`npm run train:sentiment\` (scripts/train-sentiment.ts) on ${new Date().toISOString().slice(0, 10)}; model version \`${SENTIMENT_MODEL_VERSION}\`.
The files hold weights derived from the sets below, not the texts: the sets stay in ../shared/data and are never copied here.

- Chinese (sentiment-zh.json): waimai_10k.csv and online_shopping_10_cats.csv (SophonPlus/ChineseNlpCorpus), weibo2018_train.txt (dengxiuqi/weibo2018).
- English (sentiment-en.json): sst2_train.tsv (SST-2 phrases, TaoCesc/binary_cls), vader_tweets_groundtruth.tsv and vader_amazon_groundtruth.tsv (cjhutto/vaderSentiment; mean rating > 0.5 positive, < −0.5 negative, the rest neutral and trained toward ½).
- Both: the project's own domain sentences in scripts/sentiment/domain-seed.ts and service-seed.ts (opinions ×4; service-seed.ts: complaints
  without sentiment words, questions and notices about offices, thanks for fixes; courtesy-seed.ts: polite questions and requests,
  trained toward ½, and complaints sharing their words) and neutral notices, schedules and questions
  in scripts/sentiment/neutral-seed.ts and notice-seed.ts (closures, office hours, deadlines, lists of documents; trained toward ½, ×${NEUTRAL_WEIGHT}). Texts of the social-media sets weigh ${Object.entries(SET_WEIGHT).map(([set, w]) => `${set} ×${w}`).join(', ')}.
  scripts/sentiment/domain-check.ts, courtesy-check.ts and notice-check.ts are never trained on: they are the bench's held-out checks.

Splits: each text goes by a hash of the text seeded with ${SPLIT_SEED} to train (80 %), validation (10 %) or test (10 %). Training uses only train;
the epoch count is chosen on validation; the neutral band is fixed at |margin| < ${NEUTRAL_MARGIN}.
An objectivity model (objective-{zh,en}.json, ${OBJECTIVE_FEATURES} weights) tells the neutral texts above (each ×${OWN_NEUTRAL_WEIGHT}) and the neutral-rated tweets and Amazon snippets
from a 10 % sample of the opinions and our own opinions (each ×${OWN_NEUTRAL_WEIGHT}); its bias is set on validation so that ${OBJECTIVE_BUDGET * 100} % of validation opinions read objective. The scorer scales
the sentiment by the chance that a text is opinionated.
test is held out for \`npm run bench:sentiment\`. logistic regression, for Chinese NB-weighted (naive-Bayes log-count ratios, α = ${NB_ALPHA}, folded into the weights), AdaGrad SGD, shuffle seed ${TRAIN_SEED}, ${MAX_FEATURES} strongest weights kept, 16-bit.

| set | train | validation | test |
|---|---|---|---|
${counts.join('\n')}
`);
