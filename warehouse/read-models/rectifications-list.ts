import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { RECTIFICATION_COLUMNS, type RectificationItem, toItem } from '../rectifications/rectification-item.ts';
import type { RectificationStatus } from '../schema.ts';

export interface RectificationsOptions {
  communityId?: string | undefined;
  status?: RectificationStatus | undefined;
  /** Only items past due and not yet fixed. */
  overdueOnly?: boolean;
  now?: Date;
  limit?: number;
}

/** A queued item with what its owner needs to find the complaint behind it. */
export interface RectificationListItem extends RectificationItem {
  /**
   * What was rated, in the words of its source: a ticket's source and own number with its category
   * ("hotline 2026-0412 · 投诉"), a survey's instrument and the question's label, or its id when it
   * has none ("csat-2026 · Overall satisfaction").
   */
  origin_title: string;
  /** A ticket's description (redacted at ingestion), cut for the list; '' for a survey answer. */
  origin_excerpt: string;
}

const EXCERPT = 140;

/** The rectification queue: overdue first, then by due time, so what is late is at the top. */
export async function rectificationsList(db: Db, options: RectificationsOptions = {}): Promise<RectificationListItem[]> {
  const now = options.now ?? new Date();
  let query = db
    .selectFrom('rectifications as r')
    .leftJoin('tickets as t', (join) =>
      join.on('r.origin_kind', '=', 'ticket').onRef('t.community_id', '=', 'r.community_id').onRef('t.id', '=', 'r.origin_id'),
    )
    .leftJoin('survey_responses as sr', (join) =>
      join.on('r.origin_kind', '=', 'survey').onRef('sr.community_id', '=', 'r.community_id').onRef('sr.id', '=', 'r.origin_id'),
    )
    .leftJoin('survey_instruments as si', 'si.id', 'sr.instrument_id')
    .select(RECTIFICATION_COLUMNS.map((column) => `r.${column}` as const))
    .select([
      sql<string | null>`t.source_id || ' ' || t.external_id || coalesce(' · ' || t.category, '')`.as('ticket_title'),
      sql<string | null>`left(t.text, ${EXCERPT})`.as('ticket_text'),
      'sr.instrument_id',
      sql<string | null>`(select q ->> 'label' from jsonb_array_elements(si.definition -> 'questions') q where q ->> 'id' = r.origin_ref limit 1)`.as(
        'question_label',
      ),
    ])
    .orderBy('r.due_at')
    .orderBy('r.id')
    .limit(options.limit ?? 500);
  if (options.communityId !== undefined) query = query.where('r.community_id', '=', options.communityId);
  if (options.status !== undefined) query = query.where('r.status', '=', options.status);
  if (options.overdueOnly) query = query.where('r.status', 'in', ['open', 'in_progress']).where('r.due_at', '<', now);
  const items = (await query.execute()).map(({ ticket_title, ticket_text, instrument_id, question_label, ...row }): RectificationListItem => {
    const item = toItem(row, now);
    // A survey item names its instrument and question; either source row may since have been deleted.
    const originTitle =
      item.origin_kind === 'ticket'
        ? (ticket_title ?? `ticket #${item.origin_id}`)
        : [instrument_id ?? `response #${item.origin_id}`, question_label ?? item.origin_ref].filter((part) => part !== '').join(' · ');
    return { ...item, origin_title: originTitle, origin_excerpt: ticket_text ?? '' };
  });
  return [...items.filter((item) => item.overdue), ...items.filter((item) => !item.overdue)];
}
