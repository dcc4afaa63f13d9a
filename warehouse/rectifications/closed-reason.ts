import type { ClosedReason } from '../schema.ts';

// Why an item was closed decides whether a 差评 of its origin seen later is new. Closed by staff
// after the fix and the follow-up call: the 差评 was dealt with, and the same rating seen again is
// not new. Closed by the rater's own good re-rating: a 差评 given after that takes the good verdict
// back, and opens the next round.

/** Closed by staff after the follow-up (updateRectification's close). */
export const CLOSED_FOLLOWED_UP = 'followed-up' satisfies ClosedReason;

/** Closed by a re-rating to 基本满意 or better: what any such closure sets, for tickets and survey answers alike. */
export const CLOSED_RE_RATED = 're-rated' satisfies ClosedReason;

/** Whether an item still answers for a 差评 of its origin: every item does, unless a re-rating closed it. */
export const coversBadRating = (item: { closed_reason: string | null }): boolean => item.closed_reason !== CLOSED_RE_RATED;
