import type { TicketMapping } from '../../config/ticket-mapping.ts';
import type { Db } from '../../warehouse/database.ts';
import type { NewTicket } from '../../warehouse/schema.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { insertTickets } from '../../warehouse/writers/tickets.ts';
import { locateColumns, MissingColumnError } from '../shared/csv-header.ts';
import { readCsvRecords } from '../shared/csv-records.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { startRun } from '../shared/run-recorder.ts';
import { parseTicket, type TicketColumns } from './parse-ticket.ts';

export interface TicketImport {
  file: string;
  mapping: TicketMapping;
}

const BATCH = 300;

/**
 * Imports a 12345 hotline / service-desk export. Tickets are keyed by their id in the export, so
 * re-importing (or importing an overlapping later export) stores each ticket once. Rows with a bad
 * time, unknown category or rating are rejected with line and reason; the rest land.
 */
export async function importTicketsCsv(db: Db, { file, mapping }: TicketImport): Promise<ImportSummary> {
  const records = readCsvRecords(file);
  try {
    const header = await records.next();
    if (header.done || 'error' in header.value) throw new MissingColumnError(`${file}: no readable header row`);
    const wanted = Object.fromEntries(Object.entries(mapping.columns).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const at = locateColumns(file, header.value.values, wanted, `ticket mapping "${mapping.id}"`) as TicketColumns;
    const width = header.value.values.length;

    await ensureCommunity(db, { id: mapping.community });
    await ensureSource(db, { id: mapping.source, kind: 'servicedesk', community_id: mapping.community, name: mapping.name ?? mapping.id, location: file, reach: 1 });
    const run = await startRun(db, mapping.source);
    try {
      let batch: NewTicket[] = [];
      const write = async () => {
        for (const isNew of await insertTickets(db, batch)) run.stats[isNew ? 'new' : 'duplicate']++;
        batch = [];
      };
      for await (const item of records) {
        run.stats.read++;
        if ('error' in item) {
          await run.reject({ location: file, row: item.line, field: null, value: null, reason: item.error });
          continue;
        }
        const parsed = parseTicket(mapping, at, width, file, item.line, item.values);
        if (!parsed.ok) await run.reject(...parsed.problems);
        else batch.push(parsed.ticket);
        if (batch.length >= BATCH) await write();
      }
      await write();
      return await run.finish();
    } catch (error) {
      await run.finish(`${file}: ${(error as Error).message}`);
      throw error;
    }
  } finally {
    await records.return(undefined);
  }
}
