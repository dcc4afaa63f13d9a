import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { TableItem } from './table-item.ts';

export interface XlsxOptions {
  /** The sheet's name or its position from 1; the first sheet when omitted. */
  sheet?: string | number | undefined;
}

/** The workbook has no such sheet; nothing from the file is stored. */
export class MissingSheetError extends Error {
  override name = 'MissingSheetError';
}

/**
 * Streams the rows of one sheet of an Excel workbook (exceljs' WorkbookReader: the sheet is never
 * held in memory whole, only its shared strings). Each cell becomes the text a person sees: dates
 * as 'YYYY-MM-DD HH:mm:ss' wall-clock time, numbers as written, formulas as their result. Excel
 * does not store blank cells, so rows are padded to the header's width and blank cells beyond it
 * are dropped.
 */
export async function* readXlsxRecords(file: string, options: XlsxOptions = {}): AsyncGenerator<TableItem> {
  const input = createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const seen: string[] = [];
  let found = false;
  try {
    let position = 0;
    // The reader is read to its end even after the chosen sheet: exceljs parks sheets that come
    // before the shared strings in temporary files, and cutting it short mid-entry left a read of
    // a deleted temporary file to fail later, outside any caller's try.
    for await (const worksheet of reader) {
      position++;
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      const wanted = !found && (options.sheet === undefined ? position === 1 : typeof options.sheet === 'number' ? position === options.sheet : name.trim() === options.sheet.trim());
      if (!wanted) continue;
      found = true;
      let width: number | undefined;
      for await (const row of worksheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        while (cells.length > (width ?? 0) && cells[cells.length - 1] === '') cells.pop();
        width ??= cells.length;
        while (cells.length < width) cells.push('');
        yield { line: row.number, values: cells };
      }
    }
  } finally {
    input.destroy();
  }
  if (found) return;
  const wanted = options.sheet === undefined ? 'a first sheet' : `sheet ${JSON.stringify(options.sheet)}`;
  throw new MissingSheetError(`${file}: the workbook has no ${wanted} (sheets: ${seen.map((name) => `"${name}"`).join(', ') || 'none'})`);
}

/** What a person sees in the cell, as text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((run) => run.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value);
}

/** Excel times carry no zone; exceljs reads them as UTC, so the UTC fields are the wall clock. */
function wallClock(date: Date): string {
  // Excel stores times as fractions of a day; round off the float noise to the second.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return rounded.endsWith('T00:00:00.000Z') ? rounded.slice(0, 10) : `${rounded.slice(0, 10)} ${rounded.slice(11, 19)}`;
}
