import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { sniffEncoding } from './file-encoding.ts';
import type { TableItem } from './table-item.ts';
import { type InvalidLine, unreadableLines, withInvalidBytes } from './unreadable-rows.ts';
import { decodeUtf8Chunks, type Utf8Chunk } from './utf8-chunks.ts';

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
 * through as they are, for the importer to reject with its own reason; records that cannot be read
 * at all (a stray quote) come through as errors, and reading goes on.
 *
 * Lines are split here rather than by csv-parse, several times faster on a survey export of a
 * million answers: a line without quotes is split at the separator, a quoted record (one line or
 * several) is read by a small RFC 4180 reader, and only a record that reader finds malformed goes
 * to csv-parse, for its error message. A file whose lines end in a bare CR goes to csv-parse whole.
 */
export async function* readCsvRecords(file: string, options: CsvOptions = {}): AsyncGenerator<CsvItem> {
  const { sample, complete } = await readSample(file);
  const { encoding } = sniffEncoding(sample, options.encoding ?? 'auto', complete);
  const native = encoding === 'utf-8';
  const sampleText = native ? sample.toString('utf8') : iconv.decode(sample, encoding);
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : guessDelimiter(sampleText);
  if (/\r(?!\n)/.test(sampleText.slice(0, -1))) {
    yield* readWithCsvParse(file, encoding, delimiter);
    return;
  }

  const input = createReadStream(file);
  // iconv drops a UTF-16 byte-order mark itself; a UTF-8 one is dropped below.
  const decoder = native ? undefined : iconv.decodeStream(encoding);
  if (decoder) input.on('error', (error) => (decoder as unknown as Readable).destroy(error));
  const chunks: AsyncIterable<Utf8Chunk | string> = decoder ? (input.pipe(decoder) as AsyncIterable<string>) : decodeUtf8Chunks(input as AsyncIterable<Buffer>);
  let line = 0;
  let rest = '';
  let first = true;
  // A quoted record spanning lines: its text so far, and whether its quotes are still open.
  let record = '';
  let open = false;
  // Bytes that are not UTF-8, by the line they are on, for the record that holds them.
  const invalid: InvalidLine[] = [];
  const finish = (raw: string): CsvItem | undefined => {
    const values = readQuotedRecord(raw, delimiter);
    if (values) return { line, values };
    return csvParseError(raw, delimiter, line);
  };
  try {
    for await (const decoded of chunks) {
      let chunk = typeof decoded === 'string' ? decoded : decoded.text;
      if (typeof decoded !== 'string') {
        for (const bytes of decoded.invalid) invalid.push({ line: line + 1 + bytes.newlines, where: `${bytes.hex} at byte ${bytes.offset}${bytes.gbk ? `, which read as GBK "${bytes.gbk}"` : ''}` });
      } else if (chunk.includes('\ufffd')) {
        // iconv reads bytes it cannot decode as U+FFFD and does not say where they were.
        invalid.push(...unreadableLines(chunk, line));
      }
      if (first) {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        first = false;
      }
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() as string;
      for (const raw of lines) {
        line++;
        if (open) {
          record += `\n${raw}`;
          open = quotesOpen(raw, open);
          if (!open) {
            const item = finish(trimCr(record));
            if (item) yield invalid.length === 0 ? item : withInvalidBytes(item, invalid, encoding);
          }
          continue;
        }
        if (!raw.includes('"')) {
          const content = trimCr(raw);
          if (content !== '') yield invalid.length === 0 ? { line, values: content.split(delimiter) } : withInvalidBytes({ line, values: content.split(delimiter) }, invalid, encoding);
          continue;
        }
        // A quote opens a quoted field only at the field's start; elsewhere the line is malformed on its own.
        const quote = raw.indexOf('"');
        open = (quote === 0 || raw.startsWith(delimiter, quote - delimiter.length)) && quotesOpen(raw, false);
        if (open) {
          record = raw;
          continue;
        }
        const item = finish(trimCr(raw));
        if (item) yield invalid.length === 0 ? item : withInvalidBytes(item, invalid, encoding);
      }
    }
    if (rest !== '' || open) {
      if (rest !== '') line++;
      const last = open && rest !== '' ? `${record}\n${rest}` : open ? record : rest;
      if (!open && !last.includes('"')) {
        if (last !== '' && last !== '\r') yield withInvalidBytes({ line, values: trimCr(last).split(delimiter) }, invalid, encoding);
      } else {
        const item = finish(trimCr(last));
        if (item) yield withInvalidBytes(item, invalid, encoding);
      }
    }
  } finally {
    input.destroy();
  }
}

function trimCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Whether quotes are open at the end of the line, given whether they were at its start. */
function quotesOpen(line: string, open: boolean): boolean {
  let at = line.indexOf('"');
  while (at !== -1) {
    open = !open;
    at = line.indexOf('"', at + 1);
  }
  return open;
}

/** One record with quotes (RFC 4180: "" is a quote inside a quoted field); undefined when malformed. */
function readQuotedRecord(text: string, delimiter: string): string[] | undefined {
  const values: string[] = [];
  let at = 0;
  for (;;) {
    if (text.startsWith('"', at)) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return undefined;
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      values.push(value);
      if (at === text.length) return values;
      if (!text.startsWith(delimiter, at)) return undefined;
      at += delimiter.length;
      continue;
    }
    const next = text.indexOf(delimiter, at);
    const value = next === -1 ? text.slice(at) : text.slice(at, next);
    if (value.includes('"')) return undefined;
    values.push(value);
    if (next === -1) return values;
    at = next + delimiter.length;
  }
}

/** csv-parse's account of a record the quoted reader refused (or the record itself, if it reads it). */
function csvParseError(text: string, delimiter: string, line: number): CsvItem | undefined {
  let error: CsvItem | undefined;
  const records = parseSync(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (skipped) => {
      // Its message counts lines from this record's first; the file's count is what a person needs.
      const first = line - (text.split('\n').length - 1);
      const message = (skipped?.message ?? 'unreadable CSV record').replace(/at line (\d+)/, (_all, n: string) => `at line ${first + Number(n) - 1}`);
      error ??= { line, error: message };
      return undefined;
    },
  }) as string[][];
  const [values] = records;
  return error ?? (values ? { line, values } : undefined);
}

/** The whole file through csv-parse (a file whose lines end in a bare CR). */
async function* readWithCsvParse(file: string, encoding: string, delimiter: string): AsyncGenerator<CsvItem> {
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
  // Whether any bytes so far were unreadable: then a record with U+FFFD is one that held them.
  let unreadable = false;
  async function* text(): AsyncGenerator<string> {
    if (encoding === 'utf-8') {
      for await (const chunk of decodeUtf8Chunks(input as AsyncIterable<Buffer>)) {
        if (chunk.invalid.length > 0) unreadable = true;
        yield chunk.text;
      }
      return;
    }
    // iconv drops a UTF-16 byte-order mark itself.
    for await (const chunk of input.pipe(iconv.decodeStream(encoding)) as AsyncIterable<string>) {
      if (chunk.includes('\ufffd')) unreadable = true;
      yield chunk;
    }
  }
  const source = Readable.from(text());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skipped.splice(0);
      const column = unreadable ? item.record.findIndex((value) => value.includes('\ufffd')) : -1;
      if (column === -1) yield { line: item.info.lines, values: item.record };
      else {
        const name = encoding.toUpperCase();
        const error = `line ${item.info.lines}, column ${column + 1}: bytes that are not ${name} in a file read as ${name}; the row is left out rather than stored with those characters lost: correct it and import the file again`;
        yield { line: item.info.lines, error, column, value: item.record[column] ?? '' };
      }
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
