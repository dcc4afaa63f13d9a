import { HAOCHAPING_BAD_MAX, haochapingQuestionIds } from '../../config/instrument.ts';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { storedInstruments } from '../../warehouse/read-models/survey-instrument.ts';
import { type BadRating, surveyBadRatings, unrectifiedBadRatings } from '../../warehouse/rectifications/bad-ratings.ts';
import { closeReRatedItems } from '../../warehouse/rectifications/close-rerated.ts';
import { analyzeRectifications, openRectificationItems } from '../../warehouse/rectifications/open-rectification.ts';
import { readSurveyRatingScan, saveSurveyRatingScan, surveyRatingHorizon } from '../../warehouse/rectifications/survey-rating-scans.ts';

/** Counts working days the way the configured calendar does (public holidays, 调休 make-up days). */
export interface WorkingDayCalendar {
  addWorkingDays(from: Date, days: number): Date;
}

export interface RectificationsOpened {
  opened: number;
}

/** Ticket 差评 opened per query. */
const TICKET_PAGE = 5_000;
/** Survey responses read per query. */
const RESPONSE_PAGE = 5_000;

/** A 好差评 level stored on 0–100 (level 1 = 0 … level 5 = 100). */
const BAD_MAX_SCORE = ((HAOCHAPING_BAD_MAX - 1) / 4) * 100;

/**
 * Opens a rectification item for every 差评 (好差评 level 1 or 2) that has none, due the configured
 * number of working days after the rating: hotline callbacks, and answers to the 好差评 questions of
 * every imported survey instrument. Safe to run again: an item exists once per rating, and once
 * more (the next round) for a 差评 given again after a re-rating closed the item before. Survey
 * responses are read once: each pass reads only those stored (or changed) since the pass before,
 * and an answer re-rated 基本满意 or better closes the item its 差评 opened.
 */
export async function openRectifications(db: Db, config: Config, calendar: WorkingDayCalendar): Promise<RectificationsOpened> {
  const due = (rating: BadRating): Date => calendar.addWorkingDays(rating.rated_at, config.rectification.due_working_days);
  let opened = 0;
  for (let sinceAnalyze = 0; ; ) {
    const pending = await unrectifiedBadRatings(db, TICKET_PAGE);
    const count = await openRectificationItems(db, pending, due);
    opened += count;
    // A full page that opened nothing holds only tickets a writer has locked: they wait for the next pass.
    if (pending.length < TICKET_PAGE || count === 0) break;
    // The query anti-joins the items. Planned on statistics from before this pass's thousands of new
    // items, it became a nested loop over all of them (minutes per page): refresh them as they grow.
    sinceAnalyze += count;
    if (sinceAnalyze >= TICKET_PAGE) {
      await analyzeRectifications(db);
      sinceAnalyze = 0;
    }
  }
  for (const { instrument } of await storedInstruments(db)) {
    const questionIds = haochapingQuestionIds(instrument);
    if (questionIds.length > 0) opened += await openSurveyRectifications(db, instrument.id, questionIds, due);
  }
  return { opened };
}

/** One instrument's 差评 among the responses stored since its last scan (all of them when its 好差评 questions changed). */
async function openSurveyRectifications(db: Db, instrumentId: string, questionIds: string[], due: (rating: BadRating) => Date): Promise<number> {
  // Taken before reading: whatever is stored later, or is still being stored, is read next time.
  const horizon = await surveyRatingHorizon(db);
  const scan = await readSurveyRatingScan(db, instrumentId);
  const sameQuestions = scan !== undefined && [...scan.question_ids].sort().join('\n') === [...questionIds].sort().join('\n');
  const storedFrom = sameQuestions ? scan.scanned_through : undefined;
  let opened = 0;
  for (let afterId = 0; ; ) {
    const page = await surveyBadRatings(db, { instrumentId, questionIds, maxScore: BAD_MAX_SCORE }, { storedFrom, afterId, limit: RESPONSE_PAGE });
    opened += await openRectificationItems(db, page.ratings, due);
    await closeReRatedItems(db, page.reRatings, { actor: 'pipeline' });
    if (page.lastId === undefined) break;
    afterId = page.lastId;
  }
  await saveSurveyRatingScan(db, instrumentId, { question_ids: questionIds, scanned_through: horizon });
  return opened;
}
