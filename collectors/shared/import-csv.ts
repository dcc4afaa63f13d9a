import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource, type SourceRow } from '../../warehouse/writers/sources.ts';
import { MissingColumnError } from './csv-header.ts';
import { readCsvRecords } from './csv-records.ts';
import type { ImportSummary } from './import-summary.ts';
import { type Reject, startRun } from './run-recorder.ts';

export type ParsedRow<Row> = { ok: true; row: Row } | { ok: false; problems: Reject[] };

export interface CsvImport<Row> {
  file: string;
  source: SourceRow;
  batchSize: number;
  /**
   * Checks the header before anything is written (throwing MissingColumnError naming the file and
   * column) and returns how to read each data row (line number in the file, cell values).
   */
  prepare(header: readonly string[]): (line: number, values: readonly string[]) => ParsedRow<Row>;
  /** Stores a batch idempotently; says for each row whether it was new. */
  write(db: Db, rows: Row[]): Promise<boolean[]>;
}

/**
 * The import loop every export shares: stream the file, parse each row, keep rejects with their line
 * and reason, store the rest in batches, and record the run. Importing a file twice equals once.
 */
export async function importCsv<Row>(db: Db, spec: CsvImport<Row>): Promise<ImportSummary> {
  const { file, source } = spec;
  const records = readCsvRecords(file);
  try {
    const header = await records.next();
    if (header.done || 'error' in header.value) throw new MissingColumnError(`${file}: no readable header row`);
    const parse = spec.prepare(header.value.values);

    await ensureCommunity(db, { id: source.community_id });
    await ensureSource(db, source);
    const run = await startRun(db, source.id);
    try {
      let batch: Row[] = [];
      const write = async () => {
        for (const isNew of await spec.write(db, batch)) run.stats[isNew ? 'new' : 'duplicate']++;
        batch = [];
      };
      for await (const item of records) {
        run.stats.read++;
        if ('error' in item) {
          await run.reject({ location: file, row: item.line, field: null, value: null, reason: item.error });
          continue;
        }
        const parsed = parse(item.line, item.values);
        if (!parsed.ok) await run.reject(...parsed.problems);
        else batch.push(parsed.row);
        if (batch.length >= spec.batchSize) await write();
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
