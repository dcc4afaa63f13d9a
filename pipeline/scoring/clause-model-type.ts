/**
 * Learned weights of the clause classifier (written by `npm run train:clauses`). A clause's score
 * is a logit: its bias, plus the weight of each catalogue keyword the text contains, plus the
 * weight of each text feature; the clause is tagged when the score is above zero.
 */
export interface ClauseModel {
  /** Changes whenever the weights change; part of the stored scorer version. */
  version: string;
  /** Fingerprints of what the weights were trained on, to notice a stale model. */
  trained_on: { catalogue: string; labelled: string; items: number };
  /** What a clause or keyword the training never saw gets: a keyword alone is enough to tag. */
  prior: { bias: number; keyword: number };
  clauses: Record<string, ClauseWeights>;
}

export interface ClauseWeights {
  bias?: number;
  /** By keyword in lower case; keywords not listed weigh prior.keyword. */
  keywords?: Record<string, number>;
  /** By text feature (see clause-features.ts); features not listed weigh 0. */
  features?: Record<string, number>;
}
