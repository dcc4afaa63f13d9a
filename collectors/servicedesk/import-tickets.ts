import type { TicketMapping } from '../../config/ticket-mapping.ts';
import type { Db } from '../../warehouse/database.ts';
import type { NewTicket } from '../../warehouse/schema.ts';
import { upsertTickets } from '../../warehouse/writers/tickets.ts';
import { locateColumns } from '../shared/csv-header.ts';
import { importTable } from '../shared/import-table.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { parseTicket, type TicketColumns } from './parse-ticket.ts';

export interface TicketImport {
  file: string;
  mapping: TicketMapping;
}

const BATCH = 300;

/**
 * Imports a 12345 hotline / service-desk export (CSV or Excel, read as the mapping's `file:` block says). Tickets are keyed by their id in the export, so
 * re-importing stores each ticket once, and an overlapping later export updates the tickets whose
 * status, times, category, rating or text changed (audited). Rows with a bad
 * time, unknown category or rating are rejected with line and reason; the rest land.
 */
export async function importTickets(db: Db, { file, mapping }: TicketImport): Promise<ImportSummary> {
  return importTable<NewTicket>(db, {
    file,
    table: mapping.file,
    source: { id: mapping.source, kind: 'servicedesk', community_id: mapping.community, name: mapping.name ?? mapping.id, location: file, reach: 1 },
    batchSize: BATCH,
    prepare(header, aliases) {
      const wanted = Object.fromEntries(Object.entries(mapping.columns).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const at = locateColumns(file, header, wanted, `ticket mapping "${mapping.id}"`, aliases) as TicketColumns;
      return (line, values) => {
        const parsed = parseTicket(mapping, at, header.length, file, line, values);
        return parsed.ok ? { ok: true, row: parsed.ticket } : parsed;
      };
    },
    // A later export of the same tickets updates what changed (a 差评 re-rated closes its
    // rectification item, naming this run); an unchanged ticket is a duplicate.
    write: (db, rows, _turn, runId) => db.transaction().execute((trx) => upsertTickets(trx, rows, `import:${mapping.source}`, runId)),
  });
}

/** The name importTickets had when it read CSV only. */
export const importTicketsCsv = importTickets;
