import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** A parsed record, or one the parser had to skip; `line` is where the record ends in the file (1 = header). */
export type CsvItem = { line: number; values: string[] } | { line: number; error: string };

/**
 * Streams a UTF-8 CSV file (a BOM is dropped). Records with a different number of fields come
 * through as they are, for the importer to reject with its own reason; records the parser cannot
 * read at all (a stray quote) come through as errors, and parsing goes on.
 */
export async function* readCsvRecords(file: string): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      skipped.push({ line: Number(error?.lines ?? 0), error: error?.message ?? 'unreadable CSV record' });
      return undefined;
    },
  });
  const input = createReadStream(file);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield { line: item.info.lines, values: item.record };
  }
  yield* skipped.splice(0);
}
