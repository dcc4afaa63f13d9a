import { sql } from 'kysely';
import type { Db } from '../database.ts';

export interface UnscoredRecord {
  community_id: string;
  record_kind: 'mention' | 'ticket';
  record_id: number;
  text: string;
}

/** Mentions and tickets that have no score from this scorer version yet, oldest first. */
export async function findUnscored(db: Db, scorerVersion: string, limit: number): Promise<UnscoredRecord[]> {
  const result = await sql<UnscoredRecord>`
    (select m.community_id, 'mention' as record_kind, m.id as record_id, m.title || E'\n' || m.text as text
       from mentions m
      where not exists (select 1 from scores s
                         where s.community_id = m.community_id and s.record_kind = 'mention'
                           and s.record_id = m.id and s.scorer_version = ${scorerVersion})
      order by m.id limit ${limit})
    union all
    (select t.community_id, 'ticket' as record_kind, t.id as record_id, t.text
       from tickets t
      where not exists (select 1 from scores s
                         where s.community_id = t.community_id and s.record_kind = 'ticket'
                           and s.record_id = t.id and s.scorer_version = ${scorerVersion})
      order by t.id limit ${limit})`.execute(db);
  return result.rows.map((row) => ({ ...row, record_id: Number(row.record_id) }));
}

export interface NewScore {
  community_id: string;
  record_kind: 'mention' | 'ticket';
  record_id: number;
  scorer_version: string;
  label: 'positive' | 'neutral' | 'negative' | 'unscored';
  score: number;
  lang: string;
  terms: string[];
  clause_ids: string[];
}

/** Idempotent: a record already scored by this version keeps its score. */
export async function writeScores(db: Db, scores: NewScore[], scoredAt = new Date()): Promise<number> {
  if (scores.length === 0) return 0;
  const result = await db
    .insertInto('scores')
    .values(scores.map((s) => ({ ...s, terms: JSON.stringify(s.terms), scored_at: scoredAt })))
    .onConflict((oc) => oc.columns(['community_id', 'record_kind', 'record_id', 'scorer_version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Drops scores so `score` computes them again (after a model change); returns how many. */
export async function deleteScores(db: Db, scorerVersion?: string): Promise<number> {
  let query = db.deleteFrom('scores');
  if (scorerVersion) query = query.where('scorer_version', '=', scorerVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
