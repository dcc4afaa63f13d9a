import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { Period } from './period.ts';
import { periodBounds } from './period-bounds.ts';

/** A rate with its counts; below the minimum cell size only the denominator is shown. */
export interface Rate {
  numerator: number | null;
  denominator: number;
  rate: number | null;
  suppressed: boolean;
}

/** The 好差评 figures published per period. */
export interface RectificationRates {
  period: Period;
  /** 差评率: 差评 among rated tickets, by when the rating was given. */
  bad_rate: Rate;
  /** Of the 差评 of the period already fixed or past due: fixed by the due time. */
  fixed_on_time: Rate;
  /** Of the fixed items: followed up with the person who rated. */
  follow_up: Rate;
  /** Items of the period not fixed and past due now. */
  overdue: number;
}

export interface RatesOptions {
  communityId?: string | undefined;
  period: Period;
  timeZone: string;
  minCell: number;
  now?: Date;
}

function rate(numerator: number, denominator: number, minCell: number): Rate {
  if (denominator < minCell) return { numerator: null, denominator, rate: null, suppressed: true };
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator, suppressed: false };
}

export async function rectificationRates(db: Db, options: RatesOptions): Promise<RectificationRates> {
  const { start, end } = periodBounds(options.period, options.timeZone);
  const now = options.now ?? new Date();
  const community = options.communityId;

  let rated = db
    .selectFrom('tickets')
    .select([sql<number>`count(*)::int`.as('rated'), sql<number>`count(*) filter (where rating <= 2)::int`.as('bad')])
    .where('rating', 'is not', null)
    .where(sql<boolean>`coalesce(closed_at, opened_at) >= ${start} and coalesce(closed_at, opened_at) < ${end}`);
  if (community !== undefined) rated = rated.where('community_id', '=', community);

  let items = db
    .selectFrom('rectifications')
    .select([
      sql<number>`count(*) filter (where fixed_at is not null or due_at <= ${now})::int`.as('due'),
      sql<number>`count(*) filter (where fixed_at is not null and fixed_at <= due_at)::int`.as('on_time'),
      sql<number>`count(*) filter (where fixed_at is not null)::int`.as('fixed'),
      sql<number>`count(*) filter (where fixed_at is not null and followed_up_at is not null)::int`.as('followed_up'),
      sql<number>`count(*) filter (where fixed_at is null and status in ('open', 'in_progress') and due_at < ${now})::int`.as('overdue'),
    ])
    .where('rated_at', '>=', start)
    .where('rated_at', '<', end);
  if (community !== undefined) items = items.where('community_id', '=', community);

  const r = await rated.executeTakeFirstOrThrow();
  const i = await items.executeTakeFirstOrThrow();
  return {
    period: options.period,
    bad_rate: rate(r.bad, r.rated, options.minCell),
    fixed_on_time: rate(i.on_time, i.due, options.minCell),
    follow_up: rate(i.followed_up, i.fixed, options.minCell),
    overdue: i.overdue,
  };
}
