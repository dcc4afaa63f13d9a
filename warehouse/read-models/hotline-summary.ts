import { type RawBuilder, sql } from 'kysely';
import { describeSla, type TicketSla } from '../../config/ticket-sla.ts';
import type { Db } from '../database.ts';
import { protectsSmallerCommunity } from './community-protection.ts';
import type { Period } from './period.ts';
import { periodBounds } from './period-bounds.ts';
import { share } from './rollup-stats.ts';
import { slaDueValues } from './sla-due-values.ts';

export interface HotlineSummary {
  period: Period;
  community_id: string | null;
  sla_hours: number;
  sla_clock: 'working' | 'calendar';
  min_cell: number;
  /** Tickets opened in the period; null (with closed and rated) when fewer than min_cell, as metrics tickets withholds a volume. */
  opened: number | null;
  closed: number | null;
  /** 按时办结率: closed by the export's due time, else within the SLA, over tickets closed after opening; null when suppressed or no base. */
  on_time_rate: number | null;
  /** 满意率: rated at or above satisfied_min_rating (default 3, 基本满意), over rated tickets. */
  satisfied_rate: number | null;
  rated: number | null;
  median_resolution_hours: number | null;
  p90_resolution_hours: number | null;
  /** Which figures were withheld because their base is below the privacy minimum, or to protect a smaller community. */
  suppressed: HotlineFigure[];
  /**
   * Of those, the ones withheld although their base is large enough: all communities' figure less
   * this community's (and the others') would give a smaller community's back (community-protection.ts).
   */
  protects_smaller_cell: HotlineFigure[];
  method: string;
}

type HotlineFigure = 'volume' | 'on_time_rate' | 'satisfied_rate' | 'resolution_hours';

export interface HotlineOptions {
  period: Period;
  timeZone: string;
  /** 按时办结 without the export's due time (config/ticket-sla.ts, as metrics tickets judges it). */
  sla: TicketSla;
  minCell: number;
  /** Lowest 好差评 level counted satisfied (config satisfaction.satisfied_min_rating); 3 when absent. */
  satisfiedMinRating?: number | undefined;
  communityId?: string | undefined;
}

/** 12345 hotline and service-desk performance for tickets opened in the period. */
export async function hotlineSummary(db: Db, options: HotlineOptions): Promise<HotlineSummary> {
  const { start, end } = periodBounds(options.period, options.timeZone);
  const minRating = options.satisfiedMinRating ?? 3;
  // A closing time before the opening is a data-quality problem: no duration, not on time or late.
  const valid = sql<boolean>`closed_at >= opened_at`;
  const hours = sql<number>`case when ${valid} then extract(epoch from (closed_at - opened_at)) / 3600.0 end`;
  const due = sql<Date>`case when due_at >= opened_at then due_at else sla_dues.due end`;
  // The tickets the SLA judges (closed, no usable due time of their own) and their due instants.
  let undue = db
    .selectFrom('tickets')
    .select(['id', 'opened_at'])
    .where('opened_at', '>=', start)
    .where('opened_at', '<', end)
    .where(valid)
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '<', eb.ref('opened_at'))]));
  if (options.communityId !== undefined) undue = undue.where('community_id', '=', options.communityId);
  let query = db
    .selectFrom('tickets')
    .leftJoin(slaDueValues(await undue.execute(), options.sla), (join) => join.on(sql<boolean>`sla_dues.id = tickets.id`))
    .select([
      sql<number>`count(*)::int`.as('opened'),
      sql<number>`count(closed_at)::int`.as('closed'),
      sql<number>`(count(*) filter (where ${valid}))::int`.as('timed'),
      sql<number>`(count(*) filter (where ${valid} and closed_at <= ${due}))::int`.as('on_time'),
      sql<number>`count(rating)::int`.as('rated'),
      sql<number>`(count(*) filter (where rating >= ${minRating}))::int`.as('satisfied'),
      sql<number | null>`(percentile_cont(0.5) within group (order by ${hours}))::float8`.as('median'),
      sql<number | null>`(percentile_cont(0.9) within group (order by ${hours}))::float8`.as('p90'),
    ])
    .where('opened_at', '>=', start)
    .where('opened_at', '<', end);
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);
  const row = await query.executeTakeFirstOrThrow();

  const suppressed: HotlineSummary['suppressed'] = [];
  const protecting: HotlineSummary['protects_smaller_cell'] = [];
  const protects = options.communityId === undefined ? () => false : await protectingBases(db, start, end, options.minCell, options.communityId);
  // The counts too: two tickets in a community's view are two people's calls, whatever their rates.
  let volumeOk = row.opened >= options.minCell;
  if (!volumeOk && row.opened > 0) suppressed.push('volume');
  if (volumeOk && protects('opened')) {
    volumeOk = false;
    suppressed.push('volume');
    protecting.push('volume');
  }
  let closedOk = row.timed >= options.minCell;
  if (!closedOk && row.timed > 0) suppressed.push('on_time_rate', 'resolution_hours');
  if (closedOk && protects('timed')) {
    closedOk = false;
    suppressed.push('on_time_rate', 'resolution_hours');
    protecting.push('on_time_rate', 'resolution_hours');
  }
  const counted = volumeOk || row.opened === 0;
  let ratedOk = row.rated >= options.minCell;
  if (!ratedOk && row.rated > 0) suppressed.push('satisfied_rate');
  if (ratedOk && protects('rated')) {
    ratedOk = false;
    suppressed.push('satisfied_rate');
    protecting.push('satisfied_rate');
  }
  return {
    period: options.period,
    community_id: options.communityId ?? null,
    sla_hours: options.sla.hours,
    sla_clock: options.sla.clock,
    min_cell: options.minCell,
    opened: counted ? row.opened : null,
    closed: counted ? row.closed : null,
    on_time_rate: closedOk ? share(row.on_time, row.timed) : null,
    satisfied_rate: ratedOk ? share(row.satisfied, row.rated) : null,
    rated: counted ? row.rated : null,
    median_resolution_hours: closedOk ? row.median : null,
    p90_resolution_hours: closedOk ? row.p90 : null,
    suppressed,
    protects_smaller_cell: protecting,
    method: `tickets opened in the period; on time = closed by the export's due time, else within ${describeSla(options.sla)}, as talentpulse metrics tickets counts it; 满意率 = rating ≥ ${minRating} of rated; resolution hours by percentile_cont; closings before the opening left out`,
  };
}

/**
 * Every community's bases for the period (tickets opened, with a valid closing time, rated): whether
 * `communityId`'s counts and rates must be withheld so that a smaller community's cannot be worked out.
 */
async function protectingBases(db: Db, start: RawBuilder<Date>, end: RawBuilder<Date>, minCell: number, communityId: string): Promise<(base: 'opened' | 'timed' | 'rated') => boolean> {
  const rows = await db
    .selectFrom('tickets')
    .select(['community_id', sql<number>`count(*)::int`.as('opened'), sql<number>`(count(*) filter (where closed_at >= opened_at))::int`.as('timed'), sql<number>`count(rating)::int`.as('rated')])
    .where('opened_at', '>=', start)
    .where('opened_at', '<', end)
    .groupBy('community_id')
    .execute();
  return (base) => protectsSmallerCommunity(rows.map((r) => ({ community_id: r.community_id, n: r[base] })), communityId, minCell);
}
