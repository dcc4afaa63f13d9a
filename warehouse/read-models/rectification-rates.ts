import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../database.ts';
import type { Period } from './period.ts';
import { periodBounds } from './period-bounds.ts';
import { haochapingQuestionIds } from '../../config/instrument.ts';
import { storedInstruments } from './survey-instrument.ts';

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
  /** 差评率: 差评 among 好差评 ratings (hotline callbacks and survey answers), by when the rating was given; a ticket counts once, at its latest level, whatever its rounds. */
  bad_rate: Rate;
  /**
   * Of the 差评 of the period already fixed or past due: fixed by the due time. Counted by item, so
   * each round of a ticket (a 差评 given again after a re-rating closed the round before) counts
   * once, in the period of its own rating.
   */
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
  const s = await surveyRatingCounts(db, start, end, community);
  const i = await items.executeTakeFirstOrThrow();
  return {
    period: options.period,
    bad_rate: rate(r.bad + s.bad, r.rated + s.rated, options.minCell),
    fixed_on_time: rate(i.on_time, i.due, options.minCell),
    follow_up: rate(i.followed_up, i.fixed, options.minCell),
    overdue: i.overdue,
  };
}

/** 好差评 answers of every instrument's rating questions submitted in [start, end): rated and 差评 (levels 1–2, scores 0 and 25). */
async function surveyRatingCounts(db: Db, start: RawBuilder<Date>, end: RawBuilder<Date>, community: string | undefined): Promise<{ rated: number; bad: number }> {
  const counts = { rated: 0, bad: 0 };
  for (const { instrument } of await storedInstruments(db)) {
    const questionIds = haochapingQuestionIds(instrument);
    if (questionIds.length === 0 || (community !== undefined && instrument.community !== community)) continue;
    const row = await db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as s', (join) => join.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.response_id'))
      .select([sql<number>`count(*)::int`.as('rated'), sql<number>`count(*) filter (where a.score <= 25)::int`.as('bad')])
      .where('s.instrument_id', '=', instrument.id)
      .where('a.question_id', 'in', questionIds)
      .where('a.score', 'is not', null)
      .where('s.submitted_at', '>=', start)
      .where('s.submitted_at', '<', end)
      .executeTakeFirstOrThrow();
    counts.rated += row.rated;
    counts.bad += row.bad;
  }
  return counts;
}
