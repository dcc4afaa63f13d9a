import type { Db } from '../database.ts';

export interface OpenTicket {
  id: number;
  external_id: string;
  opened_at: Date;
  due_at: Date | null;
  category: string | null;
  channel: string | null;
}

/** A community's tickets not closed (reopened ones included), oldest first. */
export async function openTickets(db: Db, communityId: string, limit = 20_000): Promise<OpenTicket[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'external_id', 'opened_at', 'due_at', 'category', 'channel'])
    .where('community_id', '=', communityId)
    .where('closed_at', 'is', null)
    .where((eb) => eb.or([eb('state', 'is', null), eb('state', '<>', 'closed')]))
    .orderBy('opened_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), opened_at: new Date(row.opened_at), due_at: row.due_at === null ? null : new Date(row.due_at) }));
}
