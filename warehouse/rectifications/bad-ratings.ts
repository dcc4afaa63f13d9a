import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** A 差评 (好差评 level 1 or 2) that has no rectification item yet. */
export interface BadRating {
  community_id: string;
  /** A hotline callback (a ticket) or a survey answer (a response). */
  origin_kind: 'ticket' | 'survey';
  origin_id: number;
  /** The survey question rated; '' for a ticket. */
  origin_ref: string;
  rating: number;
  /** When the rating was given: the callback follows closing, so the ticket's close time when known; a survey's submission. */
  rated_at: Date;
}

/** The 差评 still waiting for their rectification item, oldest first. */
export async function unrectifiedBadRatings(db: Db, limit = 5_000): Promise<BadRating[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .select(['t.community_id', 't.id as origin_id', 't.rating', (eb) => eb.fn.coalesce('t.closed_at', 't.opened_at').as('rated_at')])
    .where('t.rating', '<=', 2)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rectifications as r')
            .select('r.id')
            .whereRef('r.community_id', '=', 't.community_id')
            .where('r.origin_kind', '=', 'ticket')
            .whereRef('r.origin_id', '=', 't.id')
            .where('r.origin_ref', '=', ''),
        ),
      ),
    )
    .orderBy('t.opened_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    community_id: row.community_id,
    origin_kind: 'ticket',
    origin_id: Number(row.origin_id),
    origin_ref: '',
    rating: Number(row.rating),
    rated_at: new Date(row.rated_at),
  }));
}

export interface SurveyRatingQuestions {
  instrumentId: string;
  /** The instrument's 好差评 questions. */
  questionIds: readonly string[];
  /** Scores (0–100) at or below this are 差评: 25 is level 2 (不满意) of five. */
  maxScore: number;
}

/**
 * The 差评 given in answers to an instrument's 好差评 questions that have no rectification item yet,
 * oldest first. Only ids and the level leave the answers: the respondent stays behind its pseudonym.
 */
export async function unrectifiedSurveyBadRatings(db: Db, questions: SurveyRatingQuestions, limit = 5_000): Promise<BadRating[]> {
  if (questions.questionIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as s', (join) => join.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.response_id'))
    .select(['s.community_id', 's.id as origin_id', 'a.question_id as origin_ref', sql<number>`a.score::float8`.as('score'), 's.submitted_at as rated_at'])
    .where('s.instrument_id', '=', questions.instrumentId)
    .where('a.question_id', 'in', [...questions.questionIds])
    .where('a.score', '<=', questions.maxScore)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rectifications as r')
            .select('r.id')
            .whereRef('r.community_id', '=', 's.community_id')
            .where('r.origin_kind', '=', 'survey')
            .whereRef('r.origin_id', '=', 's.id')
            .whereRef('r.origin_ref', '=', 'a.question_id'),
        ),
      ),
    )
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    community_id: row.community_id,
    origin_kind: 'survey',
    origin_id: Number(row.origin_id),
    origin_ref: row.origin_ref,
    // Stored on 0–100: level 1 is 0, level 2 is 25.
    rating: Math.round(Number(row.score) / 25) + 1,
    rated_at: new Date(row.rated_at),
  }));
}
