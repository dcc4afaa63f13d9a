import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A fresh temporary folder for files a test writes. */
export function tempDir(prefix = 'talentpulse-exports-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes rows as CSV text (quoted where needed) in the given encoding, with a UTF-8 BOM if asked. */
export function writeCsv(file: string, rows: readonly (readonly (string | number)[])[], options: { encoding?: string; bom?: boolean; delimiter?: string; quoteAll?: boolean; eol?: string } = {}): string {
  const { encoding = 'utf-8', bom = false, delimiter = ',', quoteAll = false, eol = '\n' } = options;
  const quote = (value: string | number) => {
    const text = String(value);
    return quoteAll || /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = rows.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
  const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  writeFileSync(file, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  return file;
}

/** Writes a workbook with the given sheets (name → rows); Date cells stay dates, as Excel keeps them. */
export async function writeXlsx(file: string, sheets: Record<string, readonly (readonly (string | number | Date | null)[])[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  await workbook.xlsx.writeFile(file);
  return file;
}
