import { audit } from '../auth/audit.ts';
import type { Db } from '../database.ts';
import { closeReRatedItems, isReRatingGood, type ReRating } from '../rectifications/close-rerated.ts';
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

/** What storing one ticket did: new, changed fields of a stored one, or nothing. */
export type TicketWrite = true | false | 'updated';

/** The fields a later export or pull may change: the life of a work order after it was first seen. */
export const TICKET_UPDATABLE = [
  'opened_at',
  'first_response_at',
  'closed_at',
  'due_at',
  'category',
  'raw_category',
  'language',
  'channel',
  'status',
  'state',
  'reopen_count',
  'rating',
  'text',
] as const;
type Field = (typeof TICKET_UPDATABLE)[number];
type Values = Partial<Record<Field, unknown>>;

const keyOf = (t: Pick<NewTicket, 'community_id' | 'source_id' | 'external_id'>) => `${t.community_id}\u0000${t.source_id}\u0000${t.external_id}`;

/** Comparable form: times by instant, whatever type the driver or parser gave. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : (v ?? null));
  return norm(a) === norm(b);
}

/** How an audit entry shows a value; ticket text is only said to have changed (it is in the ticket itself). */
function shown(field: Field, value: unknown): unknown {
  if (field === 'text') return typeof value === 'string' ? `${value.length} characters` : null;
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/**
 * Stores tickets by their natural key (community, source, external id): a new ticket is inserted;
 * a stored one whose status, times, category, rating or text changed is updated to the latest
 * values, its sentiment score dropped when the text changed (the pipeline scores it again), and
 * the change written to the audit log as `ticket.update` by `actor` (the source) in collector run
 * `runId`; an unchanged one is left alone. A rating changed to one that is no 差评 closes the
 * ticket's rectification item, if it has one still in the loop (see closeReRatedItems). Call it
 * inside a transaction so a ticket never changes without its audit entry and its item.
 */
export async function upsertTickets(db: Db, tickets: readonly NewTicket[], actor: string, runId?: number): Promise<TicketWrite[]> {
  if (tickets.length === 0) return [];
  const stored = new Map<string, { id: number } & Values>();
  const sources = [...new Set(tickets.map((t) => `${t.community_id}\u0000${t.source_id}`))];
  for (const pair of sources) {
    const [community, source] = pair.split('\u0000') as [string, string];
    const ids = [...new Set(tickets.filter((t) => t.community_id === community && t.source_id === source).map((t) => t.external_id))];
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'community_id', 'source_id', 'external_id', ...TICKET_UPDATABLE])
      .where('community_id', '=', community)
      .where('source_id', '=', source)
      .where('external_id', 'in', ids)
      .forUpdate()
      .execute();
    for (const row of rows) stored.set(keyOf(row), { ...row, id: Number(row.id) });
  }

  // First sightings are inserted; later ones (a stored ticket, or a repeat within the batch) are compared.
  const inserts: NewTicket[] = [];
  const latest = new Map<string, Values>();
  const original = new Map<string, Values>();
  const outcomes = tickets.map((ticket): TicketWrite => {
    const key = keyOf(ticket);
    const before = latest.get(key) ?? stored.get(key);
    if (!before) {
      inserts.push(ticket);
      latest.set(key, ticket);
      return true;
    }
    const changed = TICKET_UPDATABLE.filter((field) => ticket[field] !== undefined && !same(before[field], ticket[field]));
    if (changed.length === 0) return false;
    if (!original.has(key)) original.set(key, before);
    latest.set(key, { ...before, ...Object.fromEntries(changed.map((field) => [field, ticket[field]])) });
    return 'updated';
  });

  const ids = new Map([...stored].map(([key, row]) => [key, row.id]));
  if (inserts.length > 0) {
    const inserted = await db
      .insertInto('tickets')
      .values(inserts.map((ticket) => ({ ...ticket })))
      .onConflict((oc) => oc.columns(['community_id', 'source_id', 'external_id']).doNothing())
      .returning(['id', 'community_id', 'source_id', 'external_id'])
      .execute();
    for (const row of inserted) ids.set(keyOf(row), Number(row.id));
  }

  const reRatings: ReRating[] = [];
  for (const [key, before] of original) {
    const id = ids.get(key);
    const after = latest.get(key);
    // Inserted by someone else between our read and our insert: theirs stands, the next pull compares again.
    if (id === undefined || !after) continue;
    const changed = TICKET_UPDATABLE.filter((field) => !same(before[field], after[field]));
    if (changed.length === 0) continue;
    const [community, source, external] = key.split('\u0000') as [string, string, string];
    await db
      .updateTable('tickets')
      .set(Object.fromEntries(changed.map((field) => [field, after[field]])))
      .where('community_id', '=', community)
      .where('id', '=', id)
      .execute();
    if (changed.includes('text')) {
      await db.deleteFrom('scores').where('community_id', '=', community).where('record_kind', '=', 'ticket').where('record_id', '=', id).execute();
    }
    await audit(db, {
      actor,
      action: 'ticket.update',
      target: `ticket:${community}/${source}/${external}`,
      details: {
        id,
        changed: Object.fromEntries(changed.map((field) => [field, { from: shown(field, before[field]), to: shown(field, after[field]) }])),
        ...(runId === undefined ? {} : { run_id: runId }),
      },
    });
    if (changed.includes('rating') && isReRatingGood(after.rating)) {
      const from = before.rating;
      reRatings.push({
        community_id: community,
        origin_kind: 'ticket',
        origin_id: id,
        origin_ref: '',
        origin: `ticket:${community}/${source}/${external}`,
        from: typeof from === 'number' ? from : null,
        to: after.rating,
      });
    }
  }
  await closeReRatedItems(db, reRatings, { actor, runId });
  // A ticket inserted concurrently by another writer was not ours to insert: a duplicate.
  return outcomes.map((outcome, i) => {
    const ticket = tickets[i];
    return outcome === true && ticket && !ids.has(keyOf(ticket)) ? false : outcome;
  });
}
