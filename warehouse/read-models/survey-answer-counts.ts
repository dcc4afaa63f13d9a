import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { periodBounds } from './period-bounds.ts';
import type { Period } from './period.ts';

/** How many answers of one question had one score (0–100), within one segment value. */
export interface SurveyAnswerCount {
  question_id: string;
  /** The segment value when grouped by a segment; null when not grouped, or the response has none. */
  segment: string | null;
  score: number;
  n: number;
}

export interface AnswerCountOptions {
  instrumentId: string;
  /** All time when omitted. */
  period?: Period | undefined;
  timeZone: string;
  /** A segment name of the instrument (segments JSON key). */
  by?: string | undefined;
}

/**
 * The distribution of scored answers per question (and segment value): a few rows per question,
 * from which means, variances, top-2-box and NPS classes follow exactly. Answers that left the
 * base (don't know, blank) have no score and are not counted.
 */
export async function surveyAnswerCounts(db: Db, options: AnswerCountOptions): Promise<SurveyAnswerCount[]> {
  const segment = options.by === undefined ? sql<string | null>`null::text` : sql<string | null>`r.segments ->> ${options.by}`;
  let answers = db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', (join) => join.onRef('r.community_id', '=', 'a.community_id').onRef('r.id', '=', 'a.response_id'))
    .select(['a.question_id', segment.as('segment'), sql<number>`a.score::float8`.as('score')])
    .where('r.instrument_id', '=', options.instrumentId)
    .where('a.score', 'is not', null);
  if (options.period) {
    const { start, end } = periodBounds(options.period, options.timeZone);
    answers = answers.where('r.submitted_at', '>=', start).where('r.submitted_at', '<', end);
  }
  // Grouped outside: a bound segment name in both SELECT and GROUP BY would be two different expressions.
  const query = db
    .selectFrom(answers.as('x'))
    .select(['x.question_id', 'x.segment', 'x.score', sql<number>`count(*)::int`.as('n')])
    .groupBy(['x.question_id', 'x.segment', 'x.score'])
    .orderBy('x.question_id')
    .orderBy('x.score');
  return query.execute();
}
