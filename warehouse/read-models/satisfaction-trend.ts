import { sql } from 'kysely';
import type { Clause } from '../../config/clauses.ts';
import type { Db } from '../database.ts';
import { clauseTitle, compareClauseIds, type ClauseTitle } from './clause-order.ts';
import { basesLookup, communityBases } from './community-bases.ts';
import { protectsSmallerCommunity } from './community-protection.ts';
import type { Period } from './period.ts';
import { meanWithInterval } from './rollup-stats.ts';

/**
 * One clause-month; a cell under the privacy minimum carries no figures at all, nor does one
 * withheld so that the all-communities figure less it cannot give a smaller community's back.
 */
export type TrendPoint =
  | { month: string; suppressed: true; protects_smaller_cell?: true }
  | { month: string; suppressed: false; n: number; mean: number; ci_low: number | null; ci_high: number | null };

export interface TrendSeries extends ClauseTitle {
  points: TrendPoint[];
}

export interface SatisfactionTrend {
  period: Period;
  community_id: string | null;
  min_cell: number;
  method: string;
  series: TrendSeries[];
}

export interface TrendOptions {
  period: Period;
  minCell: number;
  clauses: readonly Clause[];
  /** One community, or all together when omitted. */
  communityId?: string | undefined;
}

export const TREND_METHOD = 'survey index 0–100: mean of item scores per clause and month, 95% Student t-interval';

/** Survey satisfaction index per clause per month, from the daily survey/index rollups. */
export async function satisfactionTrend(db: Db, options: TrendOptions): Promise<SatisfactionTrend> {
  const month = sql<string>`to_char(day, 'YYYY-MM')`;
  let query = db
    .selectFrom('daily_rollups')
    .select([
      month.as('month'),
      'clause_id',
      sql<number>`(sum(n) filter (where metric = 'index'))::int`.as('n'),
      sql<number>`(sum(sum) filter (where metric = 'index'))::float8`.as('sum'),
      sql<number>`(sum(sum_sq) filter (where metric = 'index'))::float8`.as('sum_sq'),
      // The privacy minimum counts respondents: one person's many answers on a clause are one person.
      sql<number>`coalesce(sum(n) filter (where metric = 'respondents'), 0)::int`.as('respondents'),
    ])
    .where('source_kind', '=', 'survey')
    .where('metric', 'in', ['index', 'respondents'])
    .where('day', '>=', options.period.from)
    .where('day', '<=', options.period.to)
    .groupBy([month, 'clause_id'])
    .orderBy('month');
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);
  const rows = await query.execute();
  const protecting = options.communityId === undefined ? () => false : await protectingMonths(db, options, options.communityId);

  const byClause = new Map<string, TrendPoint[]>();
  for (const { respondents, ...row } of rows) {
    if (!row.n) continue;
    const points = byClause.get(row.clause_id) ?? [];
    const stats = respondents >= options.minCell ? meanWithInterval(row) : undefined;
    if (stats && protecting(row.month, row.clause_id)) points.push({ month: row.month, suppressed: true, protects_smaller_cell: true });
    else points.push(stats ? { month: row.month, suppressed: false, ...stats } : { month: row.month, suppressed: true });
    byClause.set(row.clause_id, points);
  }
  const series = [...byClause.keys()]
    .sort(compareClauseIds)
    .map((id) => ({ ...clauseTitle(options.clauses, id), points: byClause.get(id) ?? [] }));
  return { period: options.period, community_id: options.communityId ?? null, min_cell: options.minCell, method: TREND_METHOD, series };
}

/** Which of `communityId`'s clause-months protect a smaller community's, weighed in respondents as above. */
async function protectingMonths(db: Db, options: TrendOptions, communityId: string): Promise<(month: string, clause: string) => boolean> {
  const bases = basesLookup(await communityBases(db, { period: options.period, sourceKind: 'survey', metrics: ['index', 'respondents'], byMonth: true }));
  return (month, clause) => {
    const cells = bases.communities.map((id) => ({
      community_id: id,
      n: bases.n(id, month, clause, 'survey/index') > 0 ? bases.n(id, month, clause, 'survey/respondents') : 0,
    }));
    return protectsSmallerCommunity(cells, communityId, options.minCell);
  };
}
