import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { readCsvRecords } from './csv-records.ts';
import type { TableItem } from './table-item.ts';

export type { TableItem } from './table-item.ts';

export interface TableOptions {
  /** surveyjs files are JSON and read elsewhere (import-survey-json.ts); asking for them here is a mistake. */
  format?: 'auto' | 'csv' | 'xlsx' | 'surveyjs';
  /** Excel: the sheet's name or position from 1. */
  sheet?: string | number | undefined;
  /** CSV: 'auto' or an encoding name. */
  encoding?: string;
  /** CSV: 'auto' or the field separator. */
  delimiter?: string;
}

/**
 * The rows of an export, whatever its format: CSV in any encoding, or one sheet of an Excel
 * workbook, streamed either way. The header rows come through like any other; the importer reads them.
 */
export async function* readTableRecords(file: string, options: TableOptions = {}): AsyncGenerator<TableItem> {
  if (options.format === 'surveyjs') throw new Error(`${file}: SurveyJS results are JSON; import them as .json or .ndjson`);
  const format = options.format === undefined || options.format === 'auto' ? await sniffFormat(file) : options.format;
  // The workbook reader (zip and XML parsing) is loaded for a workbook only.
  if (format === 'xlsx') yield* (await import('./xlsx-records.ts')).readXlsxRecords(file, { sheet: options.sheet });
  else yield* readCsvRecords(file, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
}

/** Excel by its name, or by the zip signature of a workbook saved under another name; CSV otherwise. */
export async function sniffFormat(file: string): Promise<'csv' | 'xlsx'> {
  if (['.xlsx', '.xlsm'].includes(extname(file).toLowerCase())) return 'xlsx';
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}
