import { sql } from 'kysely';
import type { Clause } from '../../config/clauses.ts';
import type { Db } from '../database.ts';
import { clauseTitle, compareClauseIds, type ClauseTitle } from './clause-order.ts';
import { basesLookup, communityBases } from './community-bases.ts';
import { protectsSmallerCommunity } from './community-protection.ts';
import type { Period } from './period.ts';

/**
 * One clause's scored mentions in the period; a clause under the privacy minimum carries no figures,
 * nor one withheld so that all communities' figures less it cannot give a smaller community's back.
 */
export type MentionClauseRow = ClauseTitle &
  ({ suppressed: true; protects_smaller_cell?: true } | { suppressed: false; n: number; negative: number; negative_share: number; net_sentiment: number });

export interface MentionClauses {
  min_cell: number;
  method: string;
  rows: MentionClauseRow[];
}

export interface MentionClausesOptions {
  period: Period;
  minCell: number;
  clauses: readonly Clause[];
  communityId?: string | undefined;
}

export const MENTION_CLAUSES_METHOD =
  'scored mentions per clause they are tagged with (a mention may bear on several); negative share = negative / scored; net sentiment = (positive − negative) / scored';

/**
 * What the mentions of the period were about and how they felt, per clause of the standard, from
 * the daily rollups of the current scorer version: most negative mentions first, so leaders read
 * "9 negative of 14 about 8.1.2 one-stop service" instead of a bare count.
 */
export async function mentionClauses(db: Db, options: MentionClausesOptions): Promise<MentionClauses> {
  let query = db
    .selectFrom('daily_rollups')
    .select(['clause_id', 'metric', sql<number>`sum(n)::int`.as('n'), sql<number>`sum(sum)::float8`.as('sum')])
    .where('source_kind', '=', 'mentions')
    .where('metric', 'in', ['negative', 'positive'])
    .where('clause_id', '<>', '*')
    .where('day', '>=', options.period.from)
    .where('day', '<=', options.period.to)
    .groupBy(['clause_id', 'metric']);
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);

  const protecting = options.communityId === undefined ? new Set<string>() : await protectingClauses(db, options, options.communityId);
  const byClause = new Map<string, { n: number; negative: number; positive: number; protecting: boolean }>();
  for (const row of await query.execute()) {
    const counts = byClause.get(row.clause_id) ?? { n: 0, negative: 0, positive: 0, protecting: protecting.has(row.clause_id) };
    counts.n = Math.max(counts.n, row.n);
    if (row.metric === 'negative') counts.negative = Math.round(row.sum);
    else counts.positive = Math.round(row.sum);
    byClause.set(row.clause_id, counts);
  }
  // Published clauses by their negative count; suppressed ones after, in clause order, so their place tells nothing.
  const published = (c: { n: number; protecting: boolean }) => c.n >= options.minCell && !c.protecting;
  const rows = [...byClause.entries()]
    .sort(([a, x], [b, y]) => Number(published(y)) - Number(published(x)) || (published(x) ? y.negative - x.negative : 0) || compareClauseIds(a, b))
    .map(([id, c]): MentionClauseRow => {
      const title = clauseTitle(options.clauses, id);
      if (c.protecting && c.n >= options.minCell) return { ...title, suppressed: true, protects_smaller_cell: true };
      if (!published(c)) return { ...title, suppressed: true };
      return { ...title, suppressed: false, n: c.n, negative: c.negative, negative_share: c.negative / c.n, net_sentiment: (c.positive - c.negative) / c.n };
    });
  return { min_cell: options.minCell, method: MENTION_CLAUSES_METHOD, rows };
}

/** The clauses whose figures for `communityId` protect a smaller community's, weighed in scored mentions. */
async function protectingClauses(db: Db, options: MentionClausesOptions, communityId: string): Promise<Set<string>> {
  const rows = await communityBases(db, { period: options.period, sourceKind: 'mentions', metrics: ['negative', 'positive'] });
  const bases = basesLookup(rows);
  const scored = (id: string, clause: string) => Math.max(bases.n(id, '', clause, 'mentions/negative'), bases.n(id, '', clause, 'mentions/positive'));
  const clauses = new Set(rows.filter((r) => r.clause_id !== '*').map((r) => r.clause_id));
  return new Set(
    [...clauses].filter((clause) =>
      protectsSmallerCommunity(bases.communities.map((id) => ({ community_id: id, n: scored(id, clause) })), communityId, options.minCell),
    ),
  );
}
