import { HAOCHAPING_BAD_MAX, haochapingQuestionIds } from '../../config/instrument.ts';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { storedInstruments } from '../../warehouse/read-models/survey-instrument.ts';
import { type BadRating, unrectifiedBadRatings, unrectifiedSurveyBadRatings } from '../../warehouse/rectifications/bad-ratings.ts';
import { openRectification } from '../../warehouse/rectifications/open-rectification.ts';

/** Counts working days the way the configured calendar does (public holidays, 调休 make-up days). */
export interface WorkingDayCalendar {
  addWorkingDays(from: Date, days: number): Date;
}

export interface RectificationsOpened {
  opened: number;
}

const BATCH = 1_000;

/** A 好差评 level stored on 0–100 (level 1 = 0 … level 5 = 100). */
const BAD_MAX_SCORE = ((HAOCHAPING_BAD_MAX - 1) / 4) * 100;

/**
 * Opens a rectification item for every 差评 (好差评 level 1 or 2) that has none, due the configured
 * number of working days after the rating: hotline callbacks, and answers to the 好差评 questions of
 * every imported survey instrument. Safe to run again: an item exists once per rating.
 */
export async function openRectifications(db: Db, config: Config, calendar: WorkingDayCalendar): Promise<RectificationsOpened> {
  const open = async (next: () => Promise<BadRating[]>): Promise<number> => {
    let opened = 0;
    for (;;) {
      const pending = await next();
      for (const rating of pending) {
        const due = calendar.addWorkingDays(rating.rated_at, config.rectification.due_working_days);
        if (await openRectification(db, rating, due)) opened++;
      }
      if (pending.length < BATCH) return opened;
    }
  };
  let opened = await open(() => unrectifiedBadRatings(db, BATCH));
  for (const { instrument } of await storedInstruments(db)) {
    const questionIds = haochapingQuestionIds(instrument);
    if (questionIds.length === 0) continue;
    opened += await open(() => unrectifiedSurveyBadRatings(db, { instrumentId: instrument.id, questionIds, maxScore: BAD_MAX_SCORE }, BATCH));
  }
  return { opened };
}
