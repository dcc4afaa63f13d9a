import type { Config } from '../../config/schema.ts';
import { ticketSlaOf } from '../../config/ticket-sla.ts';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';

/** The local calendar day `daysBack` days before `now`, in the reporting zone. */
export function localDay(now: Date, timezone: string, daysBack = 0): string {
  const shifted = new Date(now.getTime() - daysBack * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted);
}

/**
 * Rebuilds the daily rollups from the scores of `version` (the current scorer's by default); `days`
 * limits it to the recent past (the scheduled run), else everything.
 */
export async function rollUp(db: Db, config: Pick<Config, 'timezone' | 'satisfaction' | 'working_time'>, options: { days?: number; now?: Date; version?: string } = {}): Promise<number> {
  return recomputeRollups(db, {
    timezone: config.timezone,
    scorerVersion: options.version ?? scorerVersion(),
    ticketSla: ticketSlaOf(config),
    satisfiedMinRating: config.satisfaction.satisfied_min_rating,
    ...(options.days !== undefined ? { fromDay: localDay(options.now ?? new Date(), config.timezone, options.days) } : {}),
  });
}
