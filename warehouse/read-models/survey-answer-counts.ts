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
  const segment = options.by === undefined ? sql`null::text` : sql`r.segments ->> ${options.by}`;
  const bounds = options.period ? periodBounds(options.period, options.timeZone) : undefined;
  const during = bounds ? sql`and r.submitted_at >= ${bounds.start} and r.submitted_at < ${bounds.end}` : sql``;
  // The answers are arrays in the response's row (see the survey_answers view), one row each here.
  // Grouped outside: a bound segment name in both SELECT and GROUP BY would be two different expressions.
  const counts = await sql<SurveyAnswerCount>`
    select x.question_id, x.segment, x.score, count(*)::int as n
      from (select a.question_id, ${segment} as segment, a.score::float8 as score
              from survey_responses r
             cross join lateral unnest(r.answer_questions, r.answer_scores) as a(question_id, score)
             where r.instrument_id = ${options.instrumentId} and a.score is not null ${during}) x
     group by x.question_id, x.segment, x.score
     order by x.question_id, x.score`.execute(db);
  return counts.rows;
}
