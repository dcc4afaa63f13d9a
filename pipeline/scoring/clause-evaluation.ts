/** Precision, recall and F1 of multi-label clause tags against labels, overall and per clause group. */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /** Pooled over every tag. */
  micro: Scores;
  /** Mean over the clauses that occur in the labels or the predictions. */
  macro: { precision: number; recall: number; f1: number; clauses: number };
  /** Per group (the clause's first two levels: 6.2, 8.1, …), pooled. */
  groups: Map<string, Scores>;
  perClause: Map<string, Scores>;
  /** Texts labelled with no clause that got none: the precision of "none of them". */
  noneCorrect: number;
  noneTotal: number;
  exactMatch: number;
}

function scores({ tp, fp, fn }: Counts): Scores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** 8.1.2 → 8.1, 9.2.2.1 → 9.2, 10.2.4 → 10.2, 5.3 → 5. */
export function clauseGroup(id: string): string {
  const parts = id.split('.');
  return parts.length <= 2 ? (parts[0] ?? id) : parts.slice(0, 2).join('.');
}

export function evaluate(pairs: readonly { expected: readonly string[]; predicted: readonly string[] }[]): Evaluation {
  const perClause = new Map<string, Counts>();
  const bump = (id: string, key: keyof Counts) => {
    const counts = perClause.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key] += 1;
    perClause.set(id, counts);
  };
  let noneCorrect = 0;
  let noneTotal = 0;
  let exact = 0;
  for (const { expected, predicted } of pairs) {
    const want = new Set(expected);
    const got = new Set(predicted);
    for (const id of got) bump(id, want.has(id) ? 'tp' : 'fp');
    for (const id of want) if (!got.has(id)) bump(id, 'fn');
    if (want.size === 0) {
      noneTotal += 1;
      if (got.size === 0) noneCorrect += 1;
    }
    if (want.size === got.size && [...want].every((id) => got.has(id))) exact += 1;
  }
  const sum = (list: Iterable<Counts>): Counts => {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (const c of list) {
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
    }
    return total;
  };
  const groups = new Map<string, Counts[]>();
  for (const [id, counts] of perClause) groups.set(clauseGroup(id), [...(groups.get(clauseGroup(id)) ?? []), counts]);
  const clauseScores = [...perClause.values()].map(scores);
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    micro: scores(sum(perClause.values())),
    macro: {
      precision: mean(clauseScores.map((s) => s.precision)),
      recall: mean(clauseScores.map((s) => s.recall)),
      f1: mean(clauseScores.map((s) => s.f1)),
      clauses: clauseScores.length,
    },
    groups: new Map([...groups].map(([group, list]) => [group, scores(sum(list))])),
    perClause: new Map([...perClause].map(([id, counts]) => [id, scores(counts)])),
    noneCorrect,
    noneTotal,
    exactMatch: pairs.length === 0 ? 1 : exact / pairs.length,
  };
}
