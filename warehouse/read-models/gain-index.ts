import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { protectingCommunities } from './community-protection.ts';
import type { Period } from './period.ts';
import type { Moments } from './rollup-stats.ts';

/**
 * 获得感 (sense of gain, DB3701/T 0004—2019 5.1) per community and period: a weighted mean, on a
 * 0–100 scale, of the survey index, the hotline 满意率 and net sentiment of online mentions.
 */
export interface GainWeights {
  survey: number;
  hotline: number;
  sentiment: number;
}

export type GainPart = keyof GainWeights;
export const GAIN_PARTS: readonly GainPart[] = ['survey', 'hotline', 'sentiment'];

/**
 * null: no data; suppressed: a base below the privacy minimum, so it takes no part; or withheld
 * (protects_smaller_cell) so that all communities' part less this one's cannot give a smaller one's.
 */
export type GainComponent = null | { suppressed: true; protects_smaller_cell?: true } | { suppressed: false; n: number; value: number };

export interface GainIndex {
  /** 0–100, or null when no component is published. */
  index: number | null;
  components: Record<GainPart, GainComponent>;
  /** The weights actually applied: the configured ones over the published components, summing to 1. */
  weights: Record<GainPart, number>;
  /** True when a component with a configured weight had no publishable figure. */
  partial: boolean;
}

/** The rollup sums one index is computed from. */
export interface GainSums {
  survey: Moments;
  /** People who gave the survey answers: the privacy minimum counts them, not their answers. */
  respondents: Moments;
  rated: Moments;
  positive: Moments;
  negative: Moments;
}

export function gainMethod(weights: GainWeights, minCell: number): string {
  const w = (part: GainPart) => weights[part].toFixed(2);
  return (
    `获得感 = Σ wᵢ·xᵢ / Σ wᵢ over the published components: survey index 0–100 (w ${w('survey')}), ` +
    `hotline 满意率 × 100 (w ${w('hotline')}), net sentiment of mentions mapped to 0–100 as 50 × (1 + (positive − negative) / scored) ` +
    `(w ${w('sentiment')}); a component with fewer than ${minCell} respondents, rated tickets or scored mentions is left out and the other weights rescaled; ` +
    `when the communities whose component is left out hold fewer than ${minCell} between them, the smallest published ones are left out too (protects_smaller_cell), ` +
    'so that all communities less the others cannot give a small one back'
  );
}

const EMPTY: Moments = { n: 0, sum: 0, sum_sq: 0 };

/** `people` is what the privacy minimum counts when it differs from `n` (survey respondents, not answers). */
function component(n: number, value: () => number, minCell: number, people = n): GainComponent {
  if (n === 0) return null;
  if (people < minCell) return { suppressed: true };
  return { suppressed: false, n, value: value() };
}

/** What the privacy minimum counts for each part: respondents, rated tickets, scored mentions (0 for no data). */
export function gainBases(sums: GainSums): Record<GainPart, number> {
  return { survey: sums.survey.n > 0 ? sums.respondents.n : 0, hotline: sums.rated.n, sentiment: Math.max(sums.positive.n, sums.negative.n) };
}

/**
 * Combines one cell's rollup sums into the index (pure: the unit of what experts check). `protect`:
 * parts withheld although large enough, to protect a smaller community (protectedGainParts).
 */
export function combineGain(sums: GainSums, weights: GainWeights, minCell: number, protect: ReadonlySet<GainPart> = new Set()): GainIndex {
  const mentions = gainBases(sums).sentiment;
  const parts: Record<GainPart, GainComponent> = {
    survey: component(sums.survey.n, () => sums.survey.sum / sums.survey.n, minCell, sums.respondents.n),
    hotline: component(sums.rated.n, () => (100 * sums.rated.sum) / sums.rated.n, minCell),
    sentiment: component(mentions, () => 50 * (1 + (sums.positive.sum - sums.negative.sum) / mentions), minCell),
  };
  const components = Object.fromEntries(
    GAIN_PARTS.map((part) => [part, protect.has(part) && parts[part]?.suppressed === false ? { suppressed: true, protects_smaller_cell: true } : parts[part]]),
  ) as Record<GainPart, GainComponent>;
  const published = GAIN_PARTS.filter((part) => weights[part] > 0 && components[part]?.suppressed === false);
  const total = published.reduce((sum, part) => sum + weights[part], 0);
  const applied = Object.fromEntries(GAIN_PARTS.map((part) => [part, published.includes(part) ? weights[part] / total : 0])) as Record<GainPart, number>;
  let index: number | null = null;
  if (total > 0) {
    index = 0;
    for (const part of published) {
      const c = components[part];
      if (c && !c.suppressed) index += applied[part] * c.value;
    }
  }
  const partial = GAIN_PARTS.some((part) => weights[part] > 0 && !published.includes(part));
  return { index, components, weights: applied, partial };
}

/**
 * Complementary suppression across communities, part by part: for the communities' sums of one
 * period (or one month), the parts each community withholds to protect a smaller community's.
 */
export function protectedGainParts(byCommunity: ReadonlyMap<string, GainSums>, minCell: number): Map<string, Set<GainPart>> {
  const result = new Map<string, Set<GainPart>>([...byCommunity.keys()].map((id) => [id, new Set<GainPart>()]));
  for (const part of GAIN_PARTS) {
    const cells = [...byCommunity].map(([community_id, sums]) => ({ community_id, n: gainBases(sums)[part] }));
    for (const id of protectingCommunities(cells, minCell)) result.get(id)?.add(part);
  }
  return result;
}

export interface GainReport {
  period: Period;
  min_cell: number;
  method: string;
  /** All communities together. */
  all: GainIndex;
  communities: Array<{ community_id: string } & GainIndex>;
  /** Month by month ('YYYY-MM', in the reporting zone) for `communityId`, or all communities. */
  months: Array<{ month: string } & GainIndex>;
}

export interface GainOptions {
  period: Period;
  weights: GainWeights;
  minCell: number;
  communityId?: string | undefined;
}

/**
 * 获得感 for a period, per community and month by month, from the daily rollups (all clauses, '*').
 * The communities and, for one community, its months withhold the parts that would give a smaller
 * community's away by subtraction from the all-communities figures (protectedGainParts).
 */
export async function gainReport(db: Db, options: GainOptions): Promise<GainReport> {
  const rows = await db
    .selectFrom('daily_rollups')
    .select([
      'community_id',
      sql<string>`to_char(day, 'YYYY-MM')`.as('month'),
      'source_kind',
      'metric',
      sql<number>`sum(n)::int`.as('n'),
      sql<number>`sum(sum)::float8`.as('sum'),
      sql<number>`sum(sum_sq)::float8`.as('sum_sq'),
    ])
    .where('clause_id', '=', '*')
    .where('day', '>=', options.period.from)
    .where('day', '<=', options.period.to)
    .where((eb) =>
      eb.or([
        eb.and([eb('source_kind', '=', 'survey'), eb('metric', 'in', ['index', 'respondents'])]),
        eb.and([eb('source_kind', '=', 'servicedesk'), eb('metric', '=', 'rated_satisfied')]),
        eb.and([eb('source_kind', '=', 'mentions'), eb('metric', 'in', ['positive', 'negative'])]),
      ]),
    )
    .groupBy(['community_id', 'month', 'source_kind', 'metric'])
    .execute();

  const cells = new Map<string, GainSums>();
  const add = (key: string, row: (typeof rows)[number]) => {
    const sums = cells.get(key) ?? { survey: EMPTY, respondents: EMPTY, rated: EMPTY, positive: EMPTY, negative: EMPTY };
    const part: keyof GainSums =
      row.source_kind === 'survey' ? (row.metric === 'respondents' ? 'respondents' : 'survey') : row.source_kind === 'servicedesk' ? 'rated' : row.metric === 'positive' ? 'positive' : 'negative';
    const m = sums[part];
    sums[part] = { n: m.n + row.n, sum: m.sum + row.sum, sum_sq: m.sum_sq + row.sum_sq };
    cells.set(key, sums);
  };
  const communities = new Set<string>();
  const months = new Set<string>();
  for (const row of rows) {
    communities.add(row.community_id);
    add('all', row);
    add(`community:${row.community_id}`, row);
    add(`community-month:${row.community_id}:${row.month}`, row);
    if (options.communityId === undefined || row.community_id === options.communityId) {
      months.add(row.month);
      add(`month:${row.month}`, row);
    }
  }
  const sumsOf = (key: string) => cells.get(key) ?? { survey: EMPTY, respondents: EMPTY, rated: EMPTY, positive: EMPTY, negative: EMPTY };
  const combine = (key: string, protect?: ReadonlySet<GainPart>) => combineGain(sumsOf(key), options.weights, options.minCell, protect);
  const ids = [...communities].sort();
  const protectedOf = (keyOf: (id: string) => string) => protectedGainParts(new Map(ids.map((id) => [id, sumsOf(keyOf(id))])), options.minCell);
  const periodProtected = protectedOf((id) => `community:${id}`);
  const monthProtected = (month: string) => {
    if (options.communityId === undefined) return undefined;
    return protectedOf((id) => `community-month:${id}:${month}`).get(options.communityId);
  };
  return {
    period: options.period,
    min_cell: options.minCell,
    method: gainMethod(options.weights, options.minCell),
    all: combine('all'),
    communities: ids.map((id) => ({ community_id: id, ...combine(`community:${id}`, periodProtected.get(id)) })),
    months: [...months].sort().map((month) => ({ month, ...combine(`month:${month}`, monthProtected(month)) })),
  };
}
