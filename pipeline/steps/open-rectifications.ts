import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { unrectifiedBadRatings } from '../../warehouse/rectifications/bad-ratings.ts';
import { openRectification } from '../../warehouse/rectifications/open-rectification.ts';

/** Counts working days the way the configured calendar does (public holidays, 调休 make-up days). */
export interface WorkingDayCalendar {
  addWorkingDays(from: Date, days: number): Date;
}

export interface RectificationsOpened {
  opened: number;
}

/**
 * Opens a rectification item for every 差评 (好差评 level 1 or 2) that has none, due the configured
 * number of working days after the rating. Safe to run again: an item exists once per rating.
 */
export async function openRectifications(db: Db, config: Config, calendar: WorkingDayCalendar): Promise<RectificationsOpened> {
  let opened = 0;
  for (;;) {
    const pending = await unrectifiedBadRatings(db, 1_000);
    for (const rating of pending) {
      const due = calendar.addWorkingDays(rating.rated_at, config.rectification.due_working_days);
      if (await openRectification(db, rating, due)) opened++;
    }
    if (pending.length < 1_000) return { opened };
  }
}
