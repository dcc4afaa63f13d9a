import type { Clause } from '../../config/clauses.ts';
import { createKeywordMatcher } from './clause-keywords.ts';
import { textFeatures } from './clause-features.ts';
import { fnv1a, type LabelledItem } from './clause-labelled.ts';
import type { ClauseModel, ClauseWeights } from './clause-model-type.ts';

/**
 * One-vs-rest logistic regression per clause, regularised towards the catalogue: every keyword
 * starts at a weight that tags on its own, and the labelled set moves it only as far as the
 * evidence goes (a MAP estimate with a Gaussian prior centred on the keyword rule). Text features
 * start at zero and stay at or above it. Full-batch gradient descent with a fixed number of steps: deterministic.
 */
export interface TrainingOptions {
  priorBias: number;
  priorKeyword: number;
  /** Pull of the bias, keyword and feature weights back to their prior, per training text. */
  l2Bias: number;
  l2Keyword: number;
  l2Feature: number;
  /** A feature must occur in this many training texts to be learned. */
  minCount: number;
  steps: number;
  rate: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  // A text with no keyword starts near p = 0.02, so the many texts about other things barely push;
  // one keyword lifts it to p ≈ 0.88.
  priorBias: -4,
  priorKeyword: 6,
  // Chosen by 5-fold cross-validation inside the training part (bench:clauses reports the result).
  l2Bias: 0.1,
  l2Keyword: 0.005,
  l2Feature: 0.002,
  minCount: 2,
  steps: 400,
  rate: 5,
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** A fingerprint of the keywords the model's features depend on. */
export function catalogueFingerprint(clauses: readonly Clause[]): string {
  return fnv1a(JSON.stringify(clauses.map((c) => [c.id, c.keywords_zh, c.keywords_en]))).toString(16);
}

export function labelledFingerprint(items: readonly LabelledItem[]): string {
  return fnv1a(JSON.stringify(items.map((i) => [i.text, i.clauses]))).toString(16);
}

interface Example {
  keywords: Map<string, string[]>;
  features: number[];
  labels: ReadonlySet<string>;
}

export function trainClauseModel(clauses: readonly Clause[], items: readonly LabelledItem[], options: Partial<TrainingOptions> = {}): ClauseModel {
  const o = { ...defaultTrainingOptions, ...options };
  const match = createKeywordMatcher(clauses);
  const counts = new Map<string, number>();
  const raw = items.map((item) => {
    const features = textFeatures(item.text);
    for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
    return { item, features };
  });
  const vocabulary = [...counts].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const examples: Example[] = raw.map(({ item, features }) => ({
    keywords: new Map(match(item.text).map((hit) => [hit.clause, hit.keywords.map((k) => k.toLowerCase())])),
    features: features.flatMap((f) => featureIndex.get(f) ?? []),
    labels: new Set(item.clauses),
  }));

  const weights: Record<string, ClauseWeights> = {};
  for (const clause of clauses) {
    // An ancestor of a labelled clause is neither right nor wrong (the most specific one wins): left out.
    const used = examples.filter((e) => e.labels.has(clause.id) || ![...e.labels].some((l) => l.startsWith(`${clause.id}.`)));
    const n = used.length;
    if (n === 0) continue;
    const ys = used.map((e) => (e.labels.has(clause.id) ? 1 : 0));
    const keywordsOf = used.map((e) => e.keywords.get(clause.id) ?? []);
    const seenKeywords = [...new Set(keywordsOf.flat())].sort();
    if (!ys.includes(1) && seenKeywords.length === 0) continue;

    let bias = o.priorBias;
    const kw = new Map(seenKeywords.map((k) => [k, o.priorKeyword]));
    const w = new Float64Array(vocabulary.length);
    for (let step = 0; step < o.steps; step += 1) {
      let gBias = 0;
      const gKw = new Map(seenKeywords.map((k) => [k, 0]));
      const gW = new Float64Array(vocabulary.length);
      used.forEach((e, i) => {
        let s = bias;
        for (const k of keywordsOf[i] ?? []) s += kw.get(k) ?? 0;
        for (const f of e.features) s += w[f] ?? 0;
        const error = sigmoid(s) - (ys[i] ?? 0);
        gBias += error;
        for (const k of keywordsOf[i] ?? []) gKw.set(k, (gKw.get(k) ?? 0) + error);
        for (const f of e.features) gW[f] = (gW[f] ?? 0) + error;
      });
      bias -= o.rate * (gBias / n + o.l2Bias * (bias - o.priorBias));
      for (const k of seenKeywords) kw.set(k, (kw.get(k) ?? 0) - o.rate * ((gKw.get(k) ?? 0) / n + o.l2Keyword * ((kw.get(k) ?? 0) - o.priorKeyword)));
      // Text features only add evidence: with a few examples per clause, a word seen beside a wrong
      // keyword says little about the next text, while a word seen in texts about the clause does.
      for (let f = 0; f < w.length; f += 1) w[f] = Math.max(0, (w[f] ?? 0) - o.rate * ((gW[f] ?? 0) / n + o.l2Feature * (w[f] ?? 0)));
    }

    const entry: ClauseWeights = {};
    if (Math.abs(bias - o.priorBias) >= 0.01) entry.bias = round(bias);
    const keywords = Object.fromEntries([...kw].filter(([, v]) => Math.abs(v - o.priorKeyword) >= 0.01).map(([k, v]) => [k, round(v)]));
    if (Object.keys(keywords).length > 0) entry.keywords = keywords;
    // Small weights change no decision; dropping them keeps the model file small.
    const features = Object.fromEntries(vocabulary.flatMap((f, i) => (Math.abs(w[i] ?? 0) >= 0.05 ? [[f, round(w[i] ?? 0)]] : [])));
    if (Object.keys(features).length > 0) entry.features = features;
    if (Object.keys(entry).length > 0) weights[clause.id] = entry;
  }

  const trained_on = { catalogue: catalogueFingerprint(clauses), labelled: labelledFingerprint(items), items: items.length };
  const body = { trained_on, prior: { bias: o.priorBias, keyword: o.priorKeyword }, clauses: weights };
  return { version: `lr1-${fnv1a(JSON.stringify(body)).toString(16).padStart(8, '0')}`, ...body };
}
