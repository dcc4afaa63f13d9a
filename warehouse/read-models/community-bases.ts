import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { SourceKind } from '../schema.ts';
import type { Period } from './period.ts';

/** How many values one community's daily rollups hold for a clause, metric (and month) of the period. */
export interface CommunityBaseRow {
  community_id: string;
  /** 'YYYY-MM', or '' when not asked for by month. */
  month: string;
  clause_id: string;
  source_kind: SourceKind;
  metric: string;
  n: number;
}

export interface CommunityBasesOptions {
  period: Period;
  sourceKind?: SourceKind | undefined;
  metrics?: readonly string[] | undefined;
  byMonth?: boolean | undefined;
}

/**
 * Every community's counts for the same figures a one-community view publishes: what
 * community-protection.ts weighs to decide whether that community's figure would give a smaller
 * community's away by subtraction from the all-communities one.
 */
export async function communityBases(db: Db, options: CommunityBasesOptions): Promise<CommunityBaseRow[]> {
  // PostgreSQL refuses a constant in GROUP BY, so the whole-period month is the minimum of ''.
  const month = options.byMonth ? sql<string>`to_char(day, 'YYYY-MM')` : sql<string>`min('')`;
  let query = db
    .selectFrom('daily_rollups')
    .select(['community_id', month.as('month'), 'clause_id', 'source_kind', 'metric', sql<number>`sum(n)::int`.as('n')])
    .where('day', '>=', options.period.from)
    .where('day', '<=', options.period.to)
    .groupBy(['community_id', 'clause_id', 'source_kind', 'metric']);
  if (options.byMonth) query = query.groupBy(month);
  if (options.sourceKind !== undefined) query = query.where('source_kind', '=', options.sourceKind);
  if (options.metrics !== undefined) query = query.where('metric', 'in', [...options.metrics]);
  return query.execute();
}

/** The rows above as a lookup: n of (community, month, clause, kind/metric), 0 when absent. */
export function basesLookup(rows: readonly CommunityBaseRow[]) {
  const key = (community: string, month: string, clause: string, kindMetric: string) => `${community}\u0000${month}\u0000${clause}\u0000${kindMetric}`;
  const counts = new Map(rows.map((r) => [key(r.community_id, r.month, r.clause_id, `${r.source_kind}/${r.metric}`), r.n]));
  return {
    communities: [...new Set(rows.map((r) => r.community_id))].sort(),
    n: (community: string, month: string, clause: string, kindMetric: string) => counts.get(key(community, month, clause, kindMetric)) ?? 0,
  };
}
