import type { Clause } from '../../config/clauses.ts';
import { createKeywordMatcher } from './clause-keywords.ts';
import model from './clause-model.json' with { type: 'json' };
import type { ClauseModel } from './clause-model-type.ts';
import { featureLabel, textFeatures } from './clause-features.ts';
import { compareClauseIds, mostSpecific } from './clauses.ts';

export const clauseModel: ClauseModel = model;

/** Bump when the matching or scoring code changes what the same model returns. */
const CODE_VERSION = 1;

/** Stored with every score (with the sentiment version): changes when the weights or the code change. */
export const CLAUSE_TAGGER_VERSION = `clauses-${CODE_VERSION}.${clauseModel.version}`;

/** One clause a text is about, with how sure the classifier is and the words that made it so. */
export interface ClauseMatch {
  id: string;
  /** The logistic probability, 0.5–1 for a tagged clause. */
  probability: number;
  /** Keywords and learned words that pushed the score up, strongest first. */
  terms: string[];
}

export interface ClauseClassifier {
  classify(text: string): ClauseMatch[];
  /** The most specific clause ids, in clause order. */
  tag(text: string): string[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The catalogue keywords weighed by what the labelled set taught (a keyword that often misleads
 * weighs less), plus learned words and character bigrams that point to a clause without any
 * keyword. Compiled once; deterministic; no I/O.
 */
export function createClauseClassifier(clauses: readonly Clause[], weights: ClauseModel = clauseModel): ClauseClassifier {
  const match = createKeywordMatcher(clauses);
  const index = new Map(clauses.map((clause, i) => [clause.id, i]));
  const bias = clauses.map((clause) => weights.clauses[clause.id]?.bias ?? weights.prior.bias);
  const keywordWeight = clauses.map((clause) => new Map(Object.entries(weights.clauses[clause.id]?.keywords ?? {})));
  // Inverted: feature → the clauses it moves, so a text costs its own features, not the catalogue's size.
  const byFeature = new Map<string, [number, number][]>();
  for (const [id, entry] of Object.entries(weights.clauses)) {
    const i = index.get(id);
    if (i === undefined) continue;
    for (const [feature, weight] of Object.entries(entry.features ?? {})) byFeature.set(feature, [...(byFeature.get(feature) ?? []), [i, weight]]);
  }

  function classify(text: string): ClauseMatch[] {
    const score = [...bias];
    const terms = new Map<number, [string, number][]>();
    const push = (i: number, term: string, weight: number) => {
      score[i] = (score[i] ?? 0) + weight;
      if (weight > 0) terms.set(i, [...(terms.get(i) ?? []), [term, weight]]);
    };
    for (const hit of match(text)) {
      const i = index.get(hit.clause) ?? -1;
      for (const keyword of hit.keywords) push(i, keyword, keywordWeight[i]?.get(keyword.toLowerCase()) ?? weights.prior.keyword);
    }
    for (const feature of textFeatures(text)) for (const [i, weight] of byFeature.get(feature) ?? []) push(i, featureLabel(feature), weight);

    const tagged = new Map<string, ClauseMatch>();
    score.forEach((s, i) => {
      const id = clauses[i]?.id;
      if (s <= 0 || id === undefined) return;
      const drivers = (terms.get(i) ?? []).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      tagged.set(id, { id, probability: sigmoid(s), terms: [...new Set(drivers.map(([term]) => term))].slice(0, 5) });
    });
    return mostSpecific(tagged.keys())
      .sort(compareClauseIds)
      .flatMap((id) => tagged.get(id) ?? []);
  }

  return { classify, tag: (text) => classify(text).map((m) => m.id) };
}
