import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { SentimentLabel } from '../schema.ts';
import type { Period } from './period.ts';
import { periodBounds } from './period-bounds.ts';

export interface MentionItem {
  community_id: string;
  id: number;
  source_id: string;
  url: string;
  title: string;
  /** The redacted text, cut to an excerpt for the list. */
  excerpt: string;
  published_at: Date;
  reach: number;
  /** 'unscored' until the pipeline has scored it. */
  label: SentimentLabel;
  score: number | null;
  terms: string[];
  clause_ids: string[];
}

export interface MentionsPage {
  items: MentionItem[];
  total: number;
  page: number;
  page_size: number;
}

export interface MentionsOptions {
  label?: SentimentLabel | undefined;
  communityId?: string | undefined;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

const EXCERPT = 280;

/** Mentions (`m`) each joined to its newest score (`s`, all null while unscored). */
function mentionsWithLatestScore(db: Db) {
  return db.selectFrom('mentions as m').leftJoinLateral(
    (eb) =>
      eb
        .selectFrom('scores as s')
        .select(['s.label', 's.score', 's.terms', 's.clause_ids'])
        .whereRef('s.community_id', '=', 'm.community_id')
        .where('s.record_kind', '=', 'mention')
        .whereRef('s.record_id', '=', 'm.id')
        // Several scorer versions may coexist; the newest scoring wins.
        .orderBy('s.scored_at', 'desc')
        .limit(1)
        .as('s'),
    (join) => join.onTrue(),
  );
}

/** Latest mentions first, each with its most recent sentiment score. */
export async function mentionsList(db: Db, options: MentionsOptions = {}): Promise<MentionsPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  let base = mentionsWithLatestScore(db);
  if (options.communityId !== undefined) base = base.where('m.community_id', '=', options.communityId);
  if (options.label !== undefined) base = base.where(sql<SentimentLabel>`coalesce(s.label, 'unscored')`, '=', options.label);

  // Sequential: PGlite has one connection, and a caller may pass a transaction.
  const rows = await base
    .select([
      'm.community_id',
      'm.id',
      'm.source_id',
      'm.url',
      'm.title',
      sql<string>`left(m.text, ${EXCERPT})`.as('excerpt'),
      'm.published_at',
      'm.reach',
      sql<SentimentLabel>`coalesce(s.label, 'unscored')`.as('label'),
      's.score',
      's.terms',
      's.clause_ids',
    ])
    .orderBy('m.published_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = rows.map((r) => ({ ...r, score: r.score ?? null, terms: r.terms ?? [], clause_ids: r.clause_ids ?? [] }));
  return { items, total: count.n, page, page_size: pageSize };
}

/** How many mentions in the period carry each label (newest score per mention). */
export async function mentionCountsByLabel(
  db: Db,
  options: { period: Period; timeZone: string; communityId?: string | undefined },
): Promise<Record<SentimentLabel, number>> {
  const { start, end } = periodBounds(options.period, options.timeZone);
  let query = mentionsWithLatestScore(db)
    .select([sql<SentimentLabel>`coalesce(s.label, 'unscored')`.as('label'), sql<number>`count(*)::int`.as('n')])
    .where('m.published_at', '>=', start)
    .where('m.published_at', '<', end)
    .groupBy(sql`coalesce(s.label, 'unscored')`);
  if (options.communityId !== undefined) query = query.where('m.community_id', '=', options.communityId);
  const counts: Record<SentimentLabel, number> = { positive: 0, neutral: 0, negative: 0, unscored: 0 };
  for (const row of await query.execute()) counts[row.label] = row.n;
  return counts;
}
