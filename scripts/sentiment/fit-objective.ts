/**
 * The objectivity model: a second, small logistic regression over the same features that tells
 * texts with no feeling (our notices, schedules and questions, and the neutral-rated tweets)
 * from opinionated ones (a seeded sample of the labelled training texts). The scorer scales its
 * sentiment by the chance that a text is opinionated, so a dated notice comes out neutral even
 * where Weibo's positive-labelled news posts taught the sentiment model that dates are good news.
 */
import { createFeatures, extractFeatures } from '../../pipeline/scoring/sentiment-features.ts';
import { HASH_BITS, SentimentModel, encodeModel, type SentimentModelFile } from '../../pipeline/scoring/sentiment-model.ts';
import type { Example } from './data.ts';
import { mulberry32, toMatrix, train, type TrainingText } from './logistic.ts';

export const OBJECTIVE_FEATURES = 40_000;
/** Share of validation opinions the gate may call objective (chance above ½): the bias is set to it. */
export const OBJECTIVE_BUDGET = 0.01;
const OPINION_SAMPLE = 0.1;

/**
 * Each of our own sentences weighs this many texts of the labelled sets on its side: a neutral one
 * (notice, schedule, question) this many neutral-rated tweets or Amazon snippets, which are small
 * talk and product facts, where ours are what a community's feeds and desks post.
 */
export const OWN_NEUTRAL_WEIGHT = 10;

/**
 * `own`: our sentences; their opinions (complaints and thanks about services) stand beside the
 * sample of the labelled sets, each weighing OWN_NEUTRAL_WEIGHT texts of it, so that the words of
 * a service (办, 审批, booking) do not read as notices because only our notices used them.
 */
export function fitObjective(lang: 'zh' | 'en', opinions: readonly Example[], own: Record<'positive' | 'negative' | 'neutral', string[]>, rated: readonly string[], validation: readonly Example[], version: string): SentimentModelFile {
  const random = mulberry32(11);
  const sample = opinions.filter((e) => e.label !== 0.5 && random() < OPINION_SAMPLE);
  const ownOpinions = [...own.positive, ...own.negative];
  // Both sides weigh the same in total, so the few neutral texts are not drowned out.
  const opinionWeight = sample.length + OWN_NEUTRAL_WEIGHT * ownOpinions.length;
  const ratedWeight = opinionWeight / Math.max(1, rated.length + OWN_NEUTRAL_WEIGHT * own.neutral.length);
  const texts: TrainingText[] = [
    ...sample.map((e) => ({ text: e.text, label: 0 })),
    ...ownOpinions.map((text) => ({ text, label: 0, weight: OWN_NEUTRAL_WEIGHT })),
    ...own.neutral.map((text) => ({ text, label: 1, weight: ratedWeight * OWN_NEUTRAL_WEIGHT })),
    ...rated.map((text) => ({ text, label: 1, weight: ratedWeight })),
  ];
  const weights = train(toMatrix(texts, lang), { buckets: 1 << HASH_BITS, epochs: 5, rate: 0.1, l2: 1e-5, seed: 7 });
  const draft = encodeModel(weights.w, { lang, version, bias: weights.bias, neutralMargin: 0 }, OBJECTIVE_FEATURES);
  const model = new SentimentModel(draft);
  const f = createFeatures();
  const margins = validation.filter((e) => e.label !== 0.5).map((e) => {
    extractFeatures(e.text, lang, f);
    return model.sum(f);
  }).sort((a, b) => b - a);
  // Shift the bias so that only the budgeted share of validation opinions lands above ½.
  const cut = margins[Math.floor(margins.length * OBJECTIVE_BUDGET)] ?? 0;
  return { ...draft, bias: draft.bias - Math.max(0, cut) };
}
