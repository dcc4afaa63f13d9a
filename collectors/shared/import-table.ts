import type { TableFile } from '../../config/table-file.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource, type SourceRow } from '../../warehouse/writers/sources.ts';
import { MissingColumnError } from './csv-header.ts';
import { headerAliases } from './header-aliases.ts';
import { countWrite, countWrites, type ImportSummary, isWriteCounts, type WriteCounts, type WriteOutcome } from './import-summary.ts';
import { type Reject, startRun } from './run-recorder.ts';
import { readTableRecords } from './table-records.ts';

export type ParsedRow<Row> = { ok: true; row: Row } | { ok: false; problems: Reject[] };

export interface TableImport<Row> {
  file: string;
  /** How to read the file (format, sheet, encoding, dialect, header rows). */
  table: TableFile;
  source: SourceRow;
  batchSize: number;
  /**
   * Checks the header before anything is written (throwing MissingColumnError naming the file and
   * column) and returns how to read each data row (line number in the file, cell values).
   * `aliases[i]` are the other names column i answers to (see headerAliases).
   */
  prepare(header: readonly string[], aliases: readonly (readonly string[])[], headerRows: readonly (readonly string[])[]): (line: number, values: readonly string[]) => ParsedRow<Row>;
  /**
   * Stores a batch idempotently; says for each row whether it was new (or, for sources that update,
   * changed), or only how many were new (bulk writers that never update). `runId` is the
   * collector run, for writers that audit what they change.
   */
  write(db: Db, rows: Row[], turn: Promise<void>, runId: number): Promise<readonly WriteOutcome[] | WriteCounts>;
  /**
   * Batches being written at once (1 by default). With more, a writer gets the next batch while the
   * last is still being written, and must wait for `turn` (every earlier batch written; rejected if
   * one failed) before the part that has to follow them in file order — for the survey writer,
   * COPY into its own staging table first, then the INSERT into the keyed table after its turn.
   */
  writesInFlight?: number;
}

/**
 * The import loop every export shares: stream the file (CSV or Excel), read its header rows, parse
 * each row, keep rejects with their line and reason, store the rest in batches, and record the run.
 * Importing a file twice equals once.
 */
export async function importTable<Row>(db: Db, spec: TableImport<Row>): Promise<ImportSummary> {
  const { file, source, table } = spec;
  const records = readTableRecords(file, table);
  try {
    const headerRows: string[][] = [];
    while (headerRows.length < table.header_rows) {
      const next = await records.next();
      if (next.done || 'error' in next.value) {
        const why = !next.done && 'error' in next.value ? `: ${next.value.error}` : '';
        throw new MissingColumnError(`${file}: no readable header row ${headerRows.length + 1} (the file's format says ${table.header_rows} header rows)${why}`);
      }
      headerRows.push(next.value.values);
    }
    const header = headerRows[0] ?? [];
    const parse = spec.prepare(header, headerAliases(headerRows, table.dialect), headerRows);

    await ensureCommunity(db, { id: source.community_id });
    await ensureSource(db, source);
    const run = await startRun(db, source.id);
    // Writes in flight, oldest first; `written` settles when the newest has (rejected if any failed).
    const writing: Promise<void>[] = [];
    let written: Promise<void> = Promise.resolve();
    const depth = Math.max(1, spec.writesInFlight ?? 1);
    try {
      let batch: Row[] = [];
      // One batch is written while the next is parsed (on PostgreSQL the server works on another
      // core meanwhile); a failed write is thrown at the next batch or at the end.
      let failure: { error: unknown } | undefined;
      const settle = async (limit: number) => {
        while (writing.length > limit) await writing.shift();
        if (failure) throw failure.error;
      };
      const write = async () => {
        const rows = batch;
        batch = [];
        await settle(depth - 1);
        if (rows.length === 0) return;
        const turn = written;
        const done = spec.write(db, rows, turn, run.runId).then((fresh) => {
          if (isWriteCounts(fresh)) countWrites(run.stats, fresh, rows.length);
          else for (const outcome of fresh) countWrite(run.stats, outcome);
        });
        // The next batch's turn comes when this one is written, and never after a failure.
        written = turn.then(() => done);
        written.catch(() => undefined);
        writing.push(
          done.catch((error: unknown) => {
            failure ??= { error };
          }),
        );
      };
      for await (const item of records) {
        run.stats.read++;
        if ('error' in item) {
          const field = item.column === undefined ? null : (header[item.column] ?? `column ${item.column + 1}`);
          await run.reject({ location: file, row: item.line, field, value: item.value ?? null, reason: item.error });
          continue;
        }
        const parsed = parse(item.line, item.values);
        if (!parsed.ok) await run.reject(...parsed.problems);
        else batch.push(parsed.row);
        if (batch.length >= spec.batchSize) await write();
      }
      await write();
      await settle(0);
      return await run.finish();
    } catch (error) {
      await Promise.all(writing);
      await run.finish(`${file}: ${(error as Error).message}`);
      throw error;
    }
  } finally {
    await records.return(undefined);
  }
}
