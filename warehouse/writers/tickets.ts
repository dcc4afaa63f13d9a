import type { Db } from '../database.ts';
import type { NewTicket } from '../schema.ts';

/**
 * Inserts tickets, skipping those already stored (community, source, external id).
 * Returns, for each input ticket in order, whether it was new; a repeat within the batch counts once.
 */
export async function insertTickets(db: Db, tickets: readonly NewTicket[]): Promise<boolean[]> {
  if (tickets.length === 0) return [];
  const inserted = await db
    .insertInto('tickets')
    .values(tickets.map((ticket) => ({ ...ticket })))
    .onConflict((oc) => oc.columns(['community_id', 'source_id', 'external_id']).doNothing())
    .returning(['community_id', 'source_id', 'external_id'])
    .execute();
  const fresh = new Set(inserted.map((row) => `${row.community_id}\u0000${row.source_id}\u0000${row.external_id}`));
  return tickets.map((ticket) => fresh.delete(`${ticket.community_id}\u0000${ticket.source_id}\u0000${ticket.external_id}`));
}
