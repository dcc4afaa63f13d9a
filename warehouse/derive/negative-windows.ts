import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { scoredMentions } from './scored-mentions.ts';

export interface WindowCountsQuery {
  communityId: string;
  scorerVersion: string;
  /** End of the newest window (inclusive). */
  end: Date;
  windowMinutes: number;
  /** How many windows to count, newest first: index 0 ends at `end`, index k ends k windows earlier. */
  windows: number;
}

/** Negative mentions per window, newest first; windows with none are 0. Uses publication time. */
export async function negativeMentionCounts(db: Db, q: WindowCountsQuery): Promise<number[]> {
  const seconds = q.windowMinutes * 60;
  const start = new Date(q.end.getTime() - q.windows * seconds * 1000);
  const result = await sql<{ k: number; n: number }>`
    select floor(extract(epoch from (${q.end}::timestamptz - m.published_at)) / ${seconds}::float8)::int as k,
           count(*)::int as n
      from mentions m
      join scores s on s.community_id = m.community_id and s.record_kind = 'mention'
                   and s.record_id = m.id and s.scorer_version = ${q.scorerVersion}
     where m.community_id = ${q.communityId} and s.label = 'negative'
       and m.published_at > ${start}::timestamptz and m.published_at <= ${q.end}::timestamptz
     group by 1`.execute(db);
  const counts = Array.from({ length: q.windows }, () => 0);
  for (const row of result.rows) if (row.k >= 0 && row.k < q.windows) counts[row.k] = row.n;
  return counts;
}

export interface NegativeMentionDriver {
  id: number;
  title: string;
  url: string;
  source_id: string;
  published_at: Date;
  reach: number;
  score: number;
  terms: string[];
  clause_ids: string[];
}

/** The negative mentions behind a window: what comms staff read first. */
export async function negativeMentionsBetween(
  db: Db,
  q: { communityId: string; scorerVersion: string; from: Date; to: Date; limit: number },
): Promise<NegativeMentionDriver[]> {
  const rows = await scoredMentions(db, q)
    .select(['m.id', 'm.title', 'm.url', 'm.source_id', 'm.published_at', 'm.reach', 's.score', 's.terms', 's.clause_ids'])
    .where('s.label', '=', 'negative')
    .where('m.published_at', '>', q.from)
    .where('m.published_at', '<=', q.to)
    .orderBy('s.score', 'asc')
    .limit(q.limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
