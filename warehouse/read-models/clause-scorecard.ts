import { sql } from 'kysely';
import type { Clause } from '../../config/clauses.ts';
import { describeSla } from '../../config/ticket-sla.ts';
import type { Db } from '../database.ts';
import type { SourceKind } from '../schema.ts';
import { clauseTitle, compareClauseIds, type ClauseTitle } from './clause-order.ts';
import { basesLookup, communityBases } from './community-bases.ts';
import type { Period } from './period.ts';
import { meanWithInterval, share, type Moments } from './rollup-stats.ts';
import { protectedScorecardFigures, type ScorecardFigure } from './scorecard-protection.ts';

/**
 * null: no data; suppressed: fewer than the privacy minimum, so no figures at all, or withheld
 * (protects_smaller_cell) so that all communities' figures less it cannot give a smaller one's.
 */
export type Block<T> = null | { suppressed: true; protects_smaller_cell?: true } | ({ suppressed: false; n: number } & T);

export interface ScorecardRow extends ClauseTitle {
  evidence: string[];
  /** Figures of this community withheld although large enough, to protect a smaller community's (scorecard-protection.ts). */
  protects_smaller_cell: ScorecardFigure[];
  survey: Block<{ index: number; ci_low: number | null; ci_high: number | null; satisfied_share: number | null }>;
  mentions: Block<{ mean_sentiment: number | null; net_sentiment: number | null; negative_share: number | null }>;
  tickets: Block<{ on_time_rate: number | null; satisfied_rate: number | null }>;
}

export interface ClauseScorecard {
  period: Period;
  community_id: string | null;
  min_cell: number;
  methods: Record<'survey' | 'mentions' | 'tickets', string>;
  rows: ScorecardRow[];
}

export interface ScorecardOptions {
  period: Period;
  minCell: number;
  clauses: readonly Clause[];
  communityId?: string | undefined;
  tickets: TicketRules;
}

/** How the rollups counted hotline figures (config satisfaction.*), named in the methods. */
export interface TicketRules {
  slaHours: number;
  slaClock: 'working' | 'calendar';
  satisfiedMinRating: number;
}

export function scorecardMethods(rules: TicketRules): ClauseScorecard['methods'] {
  return {
    survey: 'survey index 0–100 with 95% Student t-interval; % satisfied = top-2-box share of answers; n = answers, suppressed below the minimum cell in respondents',
    mentions: 'mentions: mean sentiment in [-1, 1]; net sentiment = (positive − negative) / mentions; negative share = negative / mentions',
    tickets:
      `hotline: tickets opened; on-time rate = closed by the export's due time, else within ${describeSla({ hours: rules.slaHours, clock: rules.slaClock })} of opening, / closed ` +
      `(closed before opened left out); 满意率 = rated ≥ ${rules.satisfiedMinRating} (1 非常不满意 … 5 非常满意) / rated`,
  };
}

type Sums = Map<string, Moments>;

/** Clause-by-clause evaluation of a period from the daily rollups, '*' (all clauses) first. */
export async function clauseScorecard(db: Db, options: ScorecardOptions): Promise<ClauseScorecard> {
  let query = db
    .selectFrom('daily_rollups')
    .select([
      'clause_id',
      'source_kind',
      'metric',
      sql<number>`sum(n)::int`.as('n'),
      sql<number>`sum(sum)::float8`.as('sum'),
      sql<number>`sum(sum_sq)::float8`.as('sum_sq'),
    ])
    .where('day', '>=', options.period.from)
    .where('day', '<=', options.period.to)
    .groupBy(['clause_id', 'source_kind', 'metric']);
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);

  const byClause = new Map<string, Sums>();
  for (const row of await query.execute()) {
    const sums = byClause.get(row.clause_id) ?? new Map<string, Moments>();
    sums.set(`${row.source_kind}/${row.metric}`, row);
    byClause.set(row.clause_id, sums);
  }
  const protectedOf = options.communityId === undefined ? () => new Set<ScorecardFigure>() : await protectedFigures(db, options, options.communityId);
  const ids = new Set(['*', ...options.clauses.map((c) => c.id), ...byClause.keys()]);
  const rows = [...ids].sort(compareClauseIds).map((id): ScorecardRow => {
    const sums = byClause.get(id) ?? new Map<string, Moments>();
    const get = (kind: SourceKind, metric: string) => sums.get(`${kind}/${metric}`) ?? { n: 0, sum: 0, sum_sq: 0 };
    const row: ScorecardRow = {
      ...clauseTitle(options.clauses, id),
      evidence: options.clauses.find((c) => c.id === id)?.evidence ?? [],
      protects_smaller_cell: [],
      survey: surveyBlock(get('survey', 'index'), get('survey', 'satisfied'), get('survey', 'respondents').n, options.minCell),
      mentions: mentionsBlock(get('mentions', 'sentiment'), get('mentions', 'positive'), get('mentions', 'negative'), options.minCell),
      tickets: ticketsBlock(get('servicedesk', 'opened'), get('servicedesk', 'on_time'), get('servicedesk', 'rated_satisfied'), options.minCell),
    };
    for (const figure of protectedOf(id)) withhold(row, figure);
    return row;
  });
  return { period: options.period, community_id: options.communityId ?? null, min_cell: options.minCell, methods: scorecardMethods(options.tickets), rows };
}

/** For `communityId`, clause by clause: the figures withheld to protect a smaller community's. */
async function protectedFigures(db: Db, options: ScorecardOptions, communityId: string): Promise<(clause: string) => Set<ScorecardFigure>> {
  const bases = basesLookup(await communityBases(db, { period: options.period }));
  return (clause) => {
    const byCommunity = new Map(bases.communities.map((id) => [id, (kind: SourceKind, metric: string) => bases.n(id, '', clause, `${kind}/${metric}`)]));
    return protectedScorecardFigures(byCommunity, options.minCell).get(communityId) ?? new Set();
  };
}

/** Withholds one published figure of a row (a block, or a rate inside one), saying why. */
function withhold(row: ScorecardRow, figure: ScorecardFigure): void {
  const [blockName, rate] = figure.split('.') as ['survey' | 'mentions' | 'tickets', string | undefined];
  const block = row[blockName];
  if (!block || block.suppressed) return;
  row.protects_smaller_cell.push(figure);
  if (rate === undefined) row[blockName] = { suppressed: true, protects_smaller_cell: true };
  else Object.assign(block, { [rate]: null });
}

function rateOrNull(m: Moments, minCell: number): number | null {
  return m.n >= minCell ? share(m.sum, m.n) : null;
}

/** Suppressed below `minCell` respondents: their answers (n, the mean's base) may be many more. */
function surveyBlock(index: Moments, satisfied: Moments, respondents: number, minCell: number): ScorecardRow['survey'] {
  if (index.n === 0) return null;
  const stats = respondents >= minCell ? meanWithInterval(index) : undefined;
  if (!stats) return { suppressed: true };
  return { suppressed: false, n: stats.n, index: stats.mean, ci_low: stats.ci_low, ci_high: stats.ci_high, satisfied_share: rateOrNull(satisfied, minCell) };
}

function mentionsBlock(sentiment: Moments, positive: Moments, negative: Moments, minCell: number): ScorecardRow['mentions'] {
  const n = Math.max(negative.n, positive.n, sentiment.n);
  if (n === 0) return null;
  if (n < minCell) return { suppressed: true };
  const base = negative.n || positive.n;
  return {
    suppressed: false,
    n,
    mean_sentiment: sentiment.n >= minCell ? sentiment.sum / sentiment.n : null,
    net_sentiment: base >= minCell ? (positive.sum - negative.sum) / base : null,
    negative_share: rateOrNull(negative, minCell),
  };
}

function ticketsBlock(opened: Moments, onTime: Moments, rated: Moments, minCell: number): ScorecardRow['tickets'] {
  const n = opened.n;
  if (n === 0 && onTime.n === 0 && rated.n === 0) return null;
  if (n < minCell) return { suppressed: true };
  return { suppressed: false, n, on_time_rate: rateOrNull(onTime, minCell), satisfied_rate: rateOrNull(rated, minCell) };
}
