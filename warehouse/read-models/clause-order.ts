import type { Clause } from '../../config/clauses.ts';

export interface ClauseTitle {
  clause_id: string;
  title_zh: string;
  title_en: string;
}

const ALL: ClauseTitle = { clause_id: '*', title_zh: '全部条款', title_en: 'All clauses' };

/** Titles for a clause id; '*' is all clauses together, an id missing from the catalogue keeps its number. */
export function clauseTitle(clauses: readonly Clause[], id: string): ClauseTitle {
  if (id === '*') return ALL;
  const clause = clauses.find((c) => c.id === id);
  return { clause_id: id, title_zh: clause?.title_zh ?? id, title_en: clause?.title_en ?? id };
}

/** '*' first, then clause numbers in numeric order (8.1.2 before 10.2.4). */
export function compareClauseIds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '*') return -1;
  if (b === '*') return 1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
