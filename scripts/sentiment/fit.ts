/**
 * Fits one language's model on the training parts (NB-weighted logistic regression), picks the
 * epoch on validation, prunes and quantises. Shared by the trainer and the bench.
 */
import { HASH_BITS, encodeModel, type SentimentModelFile } from '../../pipeline/scoring/sentiment-model.ts';
import type { Example } from './data.ts';
import { SEED_WEIGHT } from './domain-seed.ts';
import { margin, toMatrix, train, type TrainingText } from './logistic.ts';
import { nbRatios, scaleByRatios } from './nb-ratios.ts';

export const TRAIN_SEED = 7;
export const MAX_FEATURES = 300_000;
/**
 * The neutral band, in margin (log-odds) units. Fixed rather than tuned on validation: the tuned
 * band (the widest costing at most 2 points of validation accuracy) came out 0.15 for both
 * languages in nb-logreg-5, and a band that moves with each retrain moves every score with it.
 */
export const NEUTRAL_MARGIN = 0.15;

/**
 * Social-media sets are small beside the review and movie sets but closest to what a community's
 * feeds carry, so each of their texts weighs more (chosen on validation: Weibo gains, reviews hold).
 */
export const SET_WEIGHT: Readonly<Record<string, number>> = { weibo: 4, tweets: 4 };

export const weighted = (examples: readonly Example[]): TrainingText[] => examples.map((e) => ({ text: e.text, label: e.label, weight: SET_WEIGHT[e.set] ?? 1 }));

export interface FitOptions { lang: 'zh' | 'en'; version: string; epochs?: number; log?: (line: string) => void }

/**
 * Notices are a hundred against tens of thousands of opinionated texts, and Weibo labels its news
 * posts positive: each weighs ten times a seed opinion, enough that a dated notice reads neutral.
 */
export const NEUTRAL_WEIGHT = SEED_WEIGHT * 10;

export function seedTexts(seed: Record<'positive' | 'negative' | 'neutral', string[]>): TrainingText[] {
  return [
    ...seed.positive.map((text) => ({ text, label: 1, weight: SEED_WEIGHT })),
    ...seed.negative.map((text) => ({ text, label: 0, weight: SEED_WEIGHT })),
    ...seed.neutral.map((text) => ({ text, label: 0.5, weight: NEUTRAL_WEIGHT })),
  ];
}

export function fitModel(trainSet: readonly TrainingText[], validation: readonly Example[], options: FitOptions): SentimentModelFile {
  const log = options.log ?? (() => {});
  const binaryValidation = validation.filter((e) => e.label !== 0.5);
  const trainMatrix = toMatrix(trainSet, options.lang);
  const validMatrix = toMatrix(binaryValidation, options.lang);
  // Chinese only: in English the ratios made the negator itself the strongest word, so "not bad"
  // read negative; plain regression keeps negation scope doing that work.
  const ratios = options.lang === 'zh' ? nbRatios(trainMatrix, 1 << HASH_BITS) : new Float32Array(1 << HASH_BITS).fill(1);
  scaleByRatios(trainMatrix, ratios);
  scaleByRatios(validMatrix, ratios);
  let best = { epoch: 0, accuracy: -1, w: new Float32Array(0), bias: 0 };
  train(trainMatrix, { buckets: 1 << HASH_BITS, epochs: options.epochs ?? 10, rate: 0.1, l2: 1e-6, seed: TRAIN_SEED }, (epoch, weights) => {
    let correct = 0;
    for (let row = 0; row < binaryValidation.length; row += 1) if ((margin(validMatrix, row, weights) > 0 ? 1 : 0) === validMatrix.label[row]) correct += 1;
    const accuracy = correct / Math.max(1, binaryValidation.length);
    log(`  ${options.lang} epoch ${epoch}: validation accuracy ${accuracy.toFixed(4)}`);
    if (accuracy > best.accuracy) best = { epoch, accuracy, w: weights.w.slice(), bias: weights.bias };
  });
  log(`  ${options.lang}: keeping epoch ${best.epoch}`);
  // The scorer sees unscaled features: fold the ratios into the weights.
  for (let b = 0; b < best.w.length; b += 1) best.w[b] = (best.w[b] ?? 0) * (ratios[b] ?? 0);
  return encodeModel(best.w, { lang: options.lang, version: options.version, bias: best.bias, neutralMargin: NEUTRAL_MARGIN }, MAX_FEATURES);
}
