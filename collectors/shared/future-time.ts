/**
 * How far past the clock of the import a record's time may lie before it is a mistake: a day covers
 * clocks that run a little fast and a mapping whose time zone is off by a few hours.
 */
const TOLERANCE_MS = 24 * 3_600_000;

/**
 * Why a time read from an export cannot be right, or null: one more than a day after the import is a
 * mistyped year or a wrong clock. Kept, such a record would sit in a period nobody looks at yet
 * (an opening in 2062) or stretch every duration it enters, so it is rejected with its row and field.
 */
export function futureTimeProblem(time: Date, now: number = Date.now()): string | null {
  if (time.getTime() <= now + TOLERANCE_MS) return null;
  return `after the time of import (${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC): a mistyped year or a wrong clock?`;
}
