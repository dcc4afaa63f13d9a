import { sql } from 'kysely';
import type { Db } from '../database.ts';

export interface ClauseMoments {
  clause_id: string;
  n: number;
  sum: number;
  sum_sq: number;
}

/** Survey index answers per clause ('*' for all) over local days [from, to], from the daily rollups. */
export async function surveyIndexMoments(db: Db, q: { communityId: string; from: string; to: string }): Promise<ClauseMoments[]> {
  return db
    .selectFrom('daily_rollups')
    .select(['clause_id', sql<number>`sum(n)::int`.as('n'), sql<number>`sum(sum)::float8`.as('sum'), sql<number>`sum(sum_sq)::float8`.as('sum_sq')])
    .where('community_id', '=', q.communityId)
    .where('source_kind', '=', 'survey')
    .where('metric', '=', 'index')
    .where('day', '>=', q.from)
    .where('day', '<=', q.to)
    .groupBy('clause_id')
    .execute();
}
