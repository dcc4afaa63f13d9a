import type { Db } from '../database.ts';
import type { TicketState } from '../schema.ts';

/** One ticket as the hotline KPIs read it. */
export interface TicketKpiRow {
  community_id: string;
  category: string | null;
  raw_category: string | null;
  language: string | null;
  channel: string | null;
  status: string | null;
  state: TicketState | null;
  opened_at: Date;
  first_response_at: Date | null;
  closed_at: Date | null;
  due_at: Date | null;
  rating: number | null;
  reopen_count: number | null;
}

export interface TicketKpiQuery {
  /** The instants the period spans, [start, end). */
  start: Date;
  end: Date;
  communityId?: string | undefined;
}

/**
 * Tickets opened in the period, and older ones that may still have been open at its end (for
 * the backlog): opened before the end and not closed before it, or closed at an unknown time.
 */
export async function ticketKpiRows(db: Db, { start, end, communityId }: TicketKpiQuery): Promise<TicketKpiRow[]> {
  let query = db
    .selectFrom('tickets')
    .select(['community_id', 'category', 'raw_category', 'language', 'channel', 'status', 'state', 'opened_at', 'first_response_at', 'closed_at', 'due_at', 'rating', 'reopen_count'])
    .where('opened_at', '<', end)
    .where((eb) => eb.or([eb('opened_at', '>=', start), eb('closed_at', 'is', null), eb('closed_at', '>=', end), eb('state', '<>', 'closed')]));
  if (communityId !== undefined) query = query.where('community_id', '=', communityId);
  return await query.orderBy('opened_at').execute();
}
