import { z } from 'zod';

/** A reporting period in the configured zone: inclusive days 'YYYY-MM-DD'. */
export interface Period {
  from: string;
  to: string;
}

// The round trip catches days the pattern lets through, such as 2024-13-01 or 2023-02-29.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'a day that exists');

export class PeriodError extends Error {
  override name = 'PeriodError';
}

/** Today's date in a time zone, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The period from query parameters; by default the twelve months up to today. */
export function parsePeriod(query: { from?: unknown; to?: unknown }, timeZone: string, now = new Date()): Period {
  const to = query.to === undefined ? todayIn(timeZone, now) : day.safeParse(query.to).data;
  if (to === undefined) throw new PeriodError(`to: expected a day as YYYY-MM-DD, got "${String(query.to)}"`);
  let from: string | undefined;
  if (query.from === undefined) {
    const start = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() - 11);
    from = start.toISOString().slice(0, 10);
  } else {
    from = day.safeParse(query.from).data;
    if (from === undefined) throw new PeriodError(`from: expected a day as YYYY-MM-DD, got "${String(query.from)}"`);
  }
  if (from > to) throw new PeriodError(`from (${from}) must not be after to (${to})`);
  return { from, to };
}
