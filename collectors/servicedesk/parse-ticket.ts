import { ticketCategories, type TicketMapping } from '../../config/ticket-mapping.ts';
import type { NewTicket } from '../../warehouse/schema.ts';
import { futureTimeProblem } from '../shared/future-time.ts';
import { redactPersonalData } from '../shared/privacy.ts';
import type { Reject } from '../shared/run-recorder.ts';
import { exportTimeReader } from '../shared/date-pattern.ts';

export type TicketColumns = Partial<Record<keyof TicketMapping['columns'], number>> & { external_id: number; opened_at: number };

export type ParsedTicket = { ok: true; ticket: NewTicket } | { ok: false; problems: Reject[] };

const canonical = new Set<string>(ticketCategories);
const YES = new Set(['是', '有', 'y', 'yes', 'true']);
const NO = new Set(['否', '无', 'n', 'no', 'false']);

/** Reads a ticket field by its role; blank when the mapping or the record lacks it. */
export type TicketCellReader = (field: keyof TicketMapping['columns']) => string;

/**
 * Reads one export row into a ticket (free text redacted), or lists every problem with the row.
 * An unmapped category or status is kept as the export wrote it (the KPIs count it as a
 * data-quality problem); impossible time orders are kept too and flagged there, not here. A time
 * after the import (other than the due time) is a reject: no period would show it.
 */
export function parseTicket(mapping: TicketMapping, at: TicketColumns, width: number, file: string, line: number, values: readonly string[]): ParsedTicket {
  if (values.length !== width) {
    return { ok: false, problems: [{ location: file, row: line, field: null, value: null, reason: `expected ${width} fields as in the header, found ${values.length}` }] };
  }
  return parseTicketCells(
    mapping,
    (field) => {
      const index = at[field];
      return index === undefined ? '' : (values[index] ?? '');
    },
    file,
    line,
  );
}

/** Reads one ticket from any source (a CSV row, an API's JSON object) through its field reader. */
export function parseTicketCells(mapping: TicketMapping, read: TicketCellReader, location: string, line: number | null): ParsedTicket {
  const reject = (field: string | null, value: string | null, reason: string): Reject => ({ location, row: line, field, value, reason });
  const problems: Reject[] = [];
  const cell = (field: keyof TicketMapping['columns']): string => read(field).trim();
  const column = (field: keyof TicketMapping['columns']) => mapping.columns[field] ?? field;

  const externalId = cell('external_id');
  if (externalId === '') problems.push(reject(column('external_id'), '', 'the ticket id is blank'));

  const readTime = exportTimeReader(mapping.date_format, mapping.timezone);
  const expected = mapping.date_format ? `"${mapping.date_format}"` : 'ISO or YYYY-MM-DD HH:mm[:ss]';
  const time = (field: 'opened_at' | 'first_response_at' | 'closed_at' | 'due_at', required: boolean): Date | null => {
    const text = cell(field);
    if (text === '') {
      if (required) problems.push(reject(column(field), '', 'the time is blank'));
      return null;
    }
    const date = readTime(text);
    if (!date) problems.push(reject(column(field), text, `not a date (expected ${expected})`));
    const future = date && field !== 'due_at' ? futureTimeProblem(date) : null;
    if (future) problems.push(reject(column(field), text, future));
    return date ?? null;
  };
  const openedAt = time('opened_at', true);
  const firstResponseAt = time('first_response_at', false);
  const closedAt = time('closed_at', false);
  const dueAt = time('due_at', false);

  const rawCategory = cell('category');
  const category = mapping.categories[rawCategory] ?? (canonical.has(rawCategory) ? rawCategory : null);

  const rawRating = cell('rating');
  const rating = rawRating === '' ? null : (mapping.ratings[rawRating] ?? (/^[1-5]$/.test(rawRating) ? Number(rawRating) : undefined));
  if (rating === undefined) problems.push(reject(column('rating'), rawRating, 'unknown rating (expected a 好差评 level or 1–5)'));

  const status = cell('status');
  const state = mapping.statuses[status] ?? mapping.statuses[status.toLowerCase()] ?? null;

  const rawReopened = cell('reopened');
  const flag = rawReopened.toLowerCase();
  let reopenCount = rawReopened === '' ? null : YES.has(flag) ? 1 : NO.has(flag) ? 0 : /^\d+$/.test(rawReopened) ? Number(rawReopened) : undefined;
  if (reopenCount === undefined) problems.push(reject(column('reopened'), rawReopened, 'not a reopen count or yes/no flag'));
  if (state === 'reopened') reopenCount = Math.max(1, reopenCount ?? 0);

  if (problems.length > 0 || !openedAt || rating === undefined || reopenCount === undefined) return { ok: false, problems };
  const optional = (field: 'language' | 'channel') => cell(field) || null;
  return {
    ok: true,
    ticket: {
      community_id: mapping.community,
      source_id: mapping.source,
      external_id: externalId,
      opened_at: openedAt,
      first_response_at: firstResponseAt,
      closed_at: closedAt,
      due_at: dueAt,
      category,
      raw_category: rawCategory || null,
      language: optional('language'),
      channel: optional('channel'),
      status: status || null,
      state,
      reopen_count: reopenCount,
      rating,
      // Callers leave phone numbers and ID numbers in their complaints; they never reach the warehouse.
      text: redactPersonalData(cell('text')),
      // The pipeline tags clauses from category and text; the export itself names none.
      clause_ids: [],
      source_row: line,
    },
  };
}
