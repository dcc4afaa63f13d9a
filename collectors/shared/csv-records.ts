import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { sniffEncoding } from './file-encoding.ts';
import type { TableItem } from './table-item.ts';

export type CsvItem = TableItem;

export interface CsvOptions {
  /** 'auto' or an encoding name (utf-8, gbk, gb18030, big5, utf-16le…). */
  encoding?: string;
  /** 'auto' or the field separator. */
  delimiter?: string;
}

// Enough for the detector's statistics and for the header line of any export we have seen.
const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Streams a CSV file in any encoding (BOM, UTF-8 or the detector's verdict; see sniffEncoding) with
 * its field separator found from the first line. Records with a different number of fields come
 * through as they are, for the importer to reject with its own reason; records the parser cannot
 * read at all (a stray quote) come through as errors, and parsing goes on.
 */
export async function* readCsvRecords(file: string, options: CsvOptions = {}): AsyncGenerator<CsvItem> {
  const { sample, complete } = await readSample(file);
  const { encoding } = sniffEncoding(sample, options.encoding ?? 'auto', complete);
  const native = encoding === 'utf-8';
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : guessDelimiter(native ? sample.toString('utf8') : iconv.decode(sample, encoding));

  const skipped: CsvItem[] = [];
  const parser = parse({
    bom: true,
    delimiter,
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
  if (native) {
    input.pipe(parser);
  } else {
    // iconv drops a UTF-16 byte-order mark itself.
    const decoder = iconv.decodeStream(encoding);
    decoder.on('error', (error: Error) => parser.destroy(error));
    input.pipe(decoder).pipe(parser);
  }
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skipped.splice(0);
      yield { line: item.info.lines, values: item.record };
    }
    yield* skipped.splice(0);
  } finally {
    input.destroy();
  }
}

async function readSample(file: string): Promise<{ sample: Buffer; complete: boolean }> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
  } finally {
    await handle.close();
  }
}

/** The separator that splits the first line (outside quotes) most; a comma when none does. */
function guessDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
