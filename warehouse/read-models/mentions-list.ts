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
  /** The scorer version of the score shown; null while unscored. */
  scorer_version: string | null;
  /** Scored, but only by an older scorer than the current one: awaiting `score --rescore`. */
  stale: boolean;
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
  /** The scorer version rollups and alerts read; its score is shown when the mention has one. */
  currentVersion?: string | undefined;
}

const EXCERPT = 280;

/**
 * Mentions (`m`) each joined to the score to show (`s`, all null while unscored): the current
 * scorer version's, so the list and its counts agree with the rollups, alerts and clause table
 * beside them; until a mention has one (a new model, before `score --rescore` reaches it), its
 * newest score of any version, marked stale, rather than nothing.
 */
function mentionsWithShownScore(db: Db, currentVersion: string | undefined) {
  return db.selectFrom('mentions as m').leftJoinLateral(
    (eb) =>
      eb
        .selectFrom('scores as s')
        .select(['s.label', 's.score', 's.terms', 's.clause_ids', 's.scorer_version'])
        .whereRef('s.community_id', '=', 'm.community_id')
        .where('s.record_kind', '=', 'mention')
        .whereRef('s.record_id', '=', 'm.id')
        .orderBy(sql`coalesce(s.scorer_version = ${currentVersion ?? null}, false)`, 'desc')
        .orderBy('s.scored_at', 'desc')
        .limit(1)
        .as('s'),
    (join) => join.onTrue(),
  );
}

/** Latest mentions first, each with its score (the current version's, else its newest). */
export async function mentionsList(db: Db, options: MentionsOptions = {}): Promise<MentionsPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  let base = mentionsWithShownScore(db, options.currentVersion);
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
      's.scorer_version',
    ])
    .orderBy('m.published_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = rows.map((r) => ({
    ...r,
    score: r.score ?? null,
    terms: r.terms ?? [],
    clause_ids: r.clause_ids ?? [],
    scorer_version: r.scorer_version ?? null,
    stale: r.scorer_version != null && options.currentVersion !== undefined && r.scorer_version !== options.currentVersion,
  }));
  return { items, total: count.n, page, page_size: pageSize };
}

/** How many mentions in the period carry each label (the score shown per mention, as in the list). */
export async function mentionCountsByLabel(
  db: Db,
  options: { period: Period; timeZone: string; communityId?: string | undefined; currentVersion?: string | undefined },
): Promise<Record<SentimentLabel, number>> {
  const { start, end } = periodBounds(options.period, options.timeZone);
  let query = mentionsWithShownScore(db, options.currentVersion)
    .select([sql<SentimentLabel>`coalesce(s.label, 'unscored')`.as('label'), sql<number>`count(*)::int`.as('n')])
    .where('m.published_at', '>=', start)
    .where('m.published_at', '<', end)
    .groupBy(sql`coalesce(s.label, 'unscored')`);
  if (options.communityId !== undefined) query = query.where('m.community_id', '=', options.communityId);
  const counts: Record<SentimentLabel, number> = { positive: 0, neutral: 0, negative: 0, unscored: 0 };
  for (const row of await query.execute()) counts[row.label] = row.n;
  return counts;
}
