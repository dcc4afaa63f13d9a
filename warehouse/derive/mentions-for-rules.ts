import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { NegativeMentionDriver } from './negative-windows.ts';
import { scoredMentions } from './scored-mentions.ts';

export interface MentionDriver extends NegativeMentionDriver {
  label: string;
}

interface Scope {
  communityId: string;
  scorerVersion: string;
  /** Publication time after this (exclusive) and up to `to` (inclusive). */
  from: Date;
  to: Date;
}

function scoredInRange(db: Db, q: Scope) {
  return scoredMentions(db, q)
    .select(['m.id', 'm.title', 'm.url', 'm.source_id', 'm.published_at', 'm.reach', 's.score', 's.label', 's.terms', 's.clause_ids'])
    .where('m.published_at', '>', q.from)
    .where('m.published_at', '<=', q.to);
}

const asDriver = <T extends { id: number | string }>(row: T) => ({ ...row, id: Number(row.id) });

/** Negative mentions from sources at least this large: one is enough for comms to look. */
export async function highReachNegatives(db: Db, q: Scope & { minReach: number }): Promise<MentionDriver[]> {
  const rows = await scoredInRange(db, q).where('s.label', '=', 'negative').where('m.reach', '>=', q.minReach).orderBy('m.published_at').limit(200).execute();
  return rows.map(asDriver);
}

/** Mentions whose title or text contains the term, ignoring case. */
export async function mentionsWithTerm(db: Db, q: Scope & { term: string; negativeOnly: boolean }): Promise<MentionDriver[]> {
  let query = scoredInRange(db, q).where(sql<boolean>`strpos(lower(m.title || ' ' || m.text), lower(${q.term})) > 0`);
  if (q.negativeOnly) query = query.where('s.label', '=', 'negative');
  const rows = await query.orderBy('s.score').limit(50).execute();
  return rows.map(asDriver);
}

/** Negative and scored (positive, neutral, negative) mention counts in a time range. */
export async function negativeShareCounts(db: Db, q: Scope): Promise<{ negative: number; scored: number }> {
  const row = await scoredMentions(db, q)
    .select([sql<number>`count(*) filter (where s.label = 'negative')::int`.as('negative'), sql<number>`count(*)::int`.as('scored')])
    .where('s.label', '<>', 'unscored')
    .where('m.published_at', '>', q.from)
    .where('m.published_at', '<=', q.to)
    .executeTakeFirstOrThrow();
  return row;
}
