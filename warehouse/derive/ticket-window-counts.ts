import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Tickets of a category opened per window, newest first (index 0 ends at `end`); empty windows are 0. */
export async function ticketWindowCounts(
  db: Db,
  q: { communityId: string; category: string; end: Date; windowMinutes: number; windows: number },
): Promise<number[]> {
  const seconds = q.windowMinutes * 60;
  const start = new Date(q.end.getTime() - q.windows * seconds * 1000);
  const result = await sql<{ k: number; n: number }>`
    select floor(extract(epoch from (${q.end}::timestamptz - opened_at)) / ${seconds}::float8)::int as k, count(*)::int as n
      from tickets
     where community_id = ${q.communityId} and category = ${q.category}
       and opened_at > ${start}::timestamptz and opened_at <= ${q.end}::timestamptz
     group by 1`.execute(db);
  const counts = Array.from({ length: q.windows }, () => 0);
  for (const row of result.rows) if (row.k >= 0 && row.k < q.windows) counts[row.k] = row.n;
  return counts;
}

/** The tickets of a category opened in a range, for an alert's drivers. */
export async function ticketsBetween(db: Db, q: { communityId: string; category: string; from: Date; to: Date; limit: number }) {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'external_id', 'opened_at', 'channel', 'language', 'text', 'clause_ids', 'source_id'])
    .where('community_id', '=', q.communityId)
    .where('category', '=', q.category)
    .where('opened_at', '>', q.from)
    .where('opened_at', '<=', q.to)
    .orderBy('opened_at', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
