import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { ReRating } from './close-rerated.ts';
import { CLOSED_RE_RATED } from './closed-reason.ts';

/** A 差评 (好差评 level 1 or 2) that no rectification item answers for yet. */
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

/**
 * The ticket 差评 still waiting for a rectification item, oldest first: those with none, and those
 * whose items were all closed by a re-rating (the 差评 was given again since: the next round).
 */
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
            .where('r.origin_ref', '=', '')
            .where((eb) => eb.or([eb('r.closed_reason', 'is', null), eb('r.closed_reason', '<>', CLOSED_RE_RATED)])),
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

export interface SurveyRatingPage {
  /** Only responses stored (created_at) at or after this time; all when undefined. */
  storedFrom: Date | undefined;
  /** Responses after this id (the page before's lastId), in id order. */
  afterId: number;
  /** Responses read per page. */
  limit: number;
}

/**
 * The 好差评 answers to an instrument's questions, one page of responses at a time (the whole
 * instrument, or those stored since a time, through survey_responses_stored_idx): the 差评, and the
 * better ratings of answers whose earlier 差评 has an item still in the loop, which close it (a
 * re-export after the respondent changed it; see closeReRatedItems). `lastId` is the page's last response, read or
 * not; undefined when no response is left. Only ids and the level leave the answers: the
 * respondent stays behind its pseudonym.
 */
export async function surveyBadRatings(
  db: Db,
  questions: SurveyRatingQuestions,
  page: SurveyRatingPage,
): Promise<{ ratings: BadRating[]; reRatings: ReRating[]; lastId: number | undefined }> {
  const storedFrom = page.storedFrom === undefined ? sql`true` : sql`created_at >= ${page.storedFrom}`;
  // Each response of the page comes back once with no rating, or once per 差评 or re-rating it holds.
  const result = await sql<{ community_id: string; id: number | string; submitted_at: Date | string; question_id: string | null; score: number | null }>`
    select s.community_id, s.id, s.submitted_at, a.question_id, a.score::float8 as score
      from (select community_id, id, submitted_at, answer_questions, answer_scores
              from survey_responses
             where instrument_id = ${questions.instrumentId} and id > ${page.afterId} and ${storedFrom}
             order by id
             limit ${page.limit}) s
      left join lateral (
            select u.question_id, u.score
              from unnest(s.answer_questions, s.answer_scores) as u(question_id, score)
             where u.question_id = any(${[...questions.questionIds]}::text[])
               and (u.score <= ${questions.maxScore}
                    -- A better rating matters only where an item is still in the loop (through the origin key).
                    or u.score is not null and exists (
                         select 1 from rectifications r
                          where r.community_id = s.community_id and r.origin_kind = 'survey' and r.origin_id = s.id
                            and r.origin_ref = u.question_id and r.status <> 'closed'))) a on true
     order by s.id, a.question_id`.execute(db);
  const ratings: BadRating[] = [];
  const reRatings: ReRating[] = [];
  let lastId: number | undefined;
  for (const row of result.rows) {
    lastId = Number(row.id);
    if (row.question_id === null || row.score === null) continue;
    // Stored on 0–100: level 1 is 0, level 2 is 25.
    const rating = Math.round(Number(row.score) / 25) + 1;
    const origin = { community_id: row.community_id, origin_kind: 'survey' as const, origin_id: lastId, origin_ref: row.question_id };
    if (Number(row.score) <= questions.maxScore) ratings.push({ ...origin, rating, rated_at: new Date(row.submitted_at) });
    else reRatings.push({ ...origin, origin: `survey:${row.community_id}/${questions.instrumentId}/${lastId}/${row.question_id}`, to: rating });
  }
  return { ratings, reRatings, lastId };
}
