import type { TicketApiSource } from '../../config/schema.ts';
import type { TicketMapping } from '../../config/ticket-mapping.ts';
import type { Db } from '../../warehouse/database.ts';
import { upsertTickets } from '../../warehouse/writers/tickets.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { pullApi } from '../shared/api-pull.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { isJsonRecord, jsonField, jsonText, type JsonRecord } from '../shared/json-record.ts';
import { parseTicketCells } from './parse-ticket.ts';

export interface TicketApiPull {
  source: TicketApiSource;
  mapping: TicketMapping;
  fetcher: Fetcher;
}

function pageUrl(source: TicketApiSource, cursor: string | undefined, page: number): string {
  const url = new URL(source.url);
  if (cursor !== undefined) url.searchParams.set(source.cursor_param, cursor);
  if (source.page_param) url.searchParams.set(source.page_param, String(page));
  if (source.page_size_param) url.searchParams.set(source.page_size_param, String(source.page_size));
  return url.href;
}

function itemsOf(source: TicketApiSource, body: unknown, url: string): JsonRecord[] {
  let list: unknown = body;
  if (source.items) list = isJsonRecord(body) ? jsonField(body, source.items) : undefined;
  else if (isJsonRecord(body)) list = body.results ?? body.data ?? body.items ?? body.tickets;
  if (!Array.isArray(list)) throw new Error(`${url}: expected a JSON list of tickets${source.items ? ` at "${source.items}"` : ' (or an object with results/data/items/tickets)'}`);
  if (!list.every(isJsonRecord)) throw new Error(`${url}: the ticket list holds something other than objects`);
  return list;
}

/**
 * Polls a hotline / service-desk API for work orders newer than the source's cursor, page by
 * page, mapping each JSON ticket through the mapping's `columns` (field names, dotted for nested
 * ones). Tickets are keyed by their id, so overlapping pulls store each once, and a later pull of
 * a ticket with a new status, close time or rating updates it (audited). The API's order is
 * not trusted, so the cursor moves only when a pull has read its last page.
 */
export function pullTicketsApi(db: Db, { source, mapping, fetcher }: TicketApiPull): Promise<ImportSummary> {
  let cursorAsked: string | undefined;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (source.auth?.value) headers[source.auth.header] = `${source.auth.prefix}${source.auth.value}`;
  return pullApi(db, {
    source: { id: source.id, kind: 'servicedesk', community_id: mapping.community, name: mapping.name ?? mapping.id, location: new URL(source.url).origin + new URL(source.url).pathname, reach: 1 },
    fetcher,
    headers,
    firstUrl(cursor) {
      cursorAsked = cursor;
      return pageUrl(source, cursor, 1);
    },
    readPage(body, url, page) {
      const records = itemsOf(source, body, url);
      let next: string | undefined;
      if (source.page_param) {
        if (records.length >= source.page_size) next = pageUrl(source, cursorAsked, page + 1);
      } else if (source.next_field && isJsonRecord(body)) {
        const link = jsonField(body, source.next_field);
        if (typeof link === 'string' && link !== '') next = new URL(link, url).href;
      }
      return { records, next };
    },
    parse(record, url, position) {
      const read = (field: keyof TicketMapping['columns']) => {
        const name = mapping.columns[field];
        return name === undefined ? '' : jsonText(record, name);
      };
      const id = read('external_id').trim();
      const parsed = parseTicketCells(mapping, read, id ? `${url} (ticket ${id})` : url, position);
      return parsed.ok ? { ok: true, row: { ...parsed.ticket, source_id: source.id } } : parsed;
    },
    cursorOf: (record) => jsonText(record, source.cursor_field) || undefined,
    sorted: false,
    maxPages: source.max_pages,
    write: (db, rows, alsoInTransaction, runId) =>
      db.transaction().execute(async (trx) => {
        const fresh = await upsertTickets(trx, rows, `collector:${source.id}`, runId);
        await alsoInTransaction(trx);
        return fresh;
      }),
  });
}
