import type { Readable } from 'node:stream';
import { Parser } from 'htmlparser2';
import yauzl from 'yauzl';
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
 * Streams the rows of one sheet of an Excel workbook. Each cell becomes the text a person sees:
 * dates as 'YYYY-MM-DD HH:mm:ss' wall-clock time, numbers as written, formulas as their result.
 * Excel does not store blank cells, so rows are padded to the header's width and blank cells
 * beyond it are dropped.
 *
 * The workbook is read through its zip directory (yauzl), so the parts are found wherever the
 * writing program put them, and the sheet is parsed as it streams: only the shared strings are held
 * whole. (exceljs' streaming reader, used before, reads the zip front to back; now and then it lost
 * the parts after the sheets, and it parks sheets in temporary files that failed as uncaught errors.)
 */
export async function* readXlsxRecords(file: string, options: XlsxOptions = {}): AsyncGenerator<TableItem> {
  const zip = await openWorkbook(file);
  try {
    const parts = await listParts(zip, file);
    const workbook = readWorkbook(await readPart(zip, parts, file, 'xl/workbook.xml'));
    const targets = readRelationships(await readPart(zip, parts, file, 'xl/_rels/workbook.xml.rels'));
    const sheet = chooseSheet(workbook.sheets, options.sheet);
    if (!sheet) {
      const wanted = options.sheet === undefined ? 'a first sheet' : `sheet ${JSON.stringify(options.sheet)}`;
      throw new MissingSheetError(`${file}: the workbook has no ${wanted} (sheets: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none'})`);
    }
    const sharedStrings = parts.has('xl/sharedStrings.xml') ? readSharedStrings(await readPart(zip, parts, file, 'xl/sharedStrings.xml')) : [];
    const dateStyles = parts.has('xl/styles.xml') ? readDateStyles(await readPart(zip, parts, file, 'xl/styles.xml')) : new Set<number>();
    const sheetPath = partPath(targets.get(sheet.relId) ?? '');
    const entry = parts.get(sheetPath);
    if (!entry) throw new Error(`${file}: sheet "${sheet.name}" names part ${JSON.stringify(sheetPath)}, which the workbook does not contain`);
    const rows = new SheetRows({ sharedStrings, dateStyles, date1904: workbook.date1904 });
    let width: number | undefined;
    for await (const batch of rows.parse(await zip.openReadStreamPromise(entry))) {
      for (const { line, cells } of batch) {
        while (cells.length > (width ?? 0) && cells[cells.length - 1] === '') cells.pop();
        width ??= cells.length;
        while (cells.length < width) cells.push('');
        yield { line, values: cells };
      }
    }
  } finally {
    zip.close();
  }
}

async function openWorkbook(file: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new Error(`${file}: not an Excel workbook (${(error as Error).message})`, { cause: error });
  }
}

/** The zip's directory, by part name. */
function listParts(zip: yauzl.ZipFile, file: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      parts.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(parts));
    zip.on('error', (error: Error) => reject(new Error(`${file}: not an Excel workbook (${error.message})`, { cause: error })));
    zip.readEntry();
  });
}

async function readPart(zip: yauzl.ZipFile, parts: Map<string, yauzl.Entry>, file: string, name: string): Promise<string> {
  const entry = parts.get(name);
  if (!entry) throw new Error(`${file}: not an Excel workbook (it has no ${name})`);
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A part named from xl/_rels/workbook.xml.rels: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

interface SheetEntry {
  name: string;
  relId: string;
}

function chooseSheet(sheets: readonly SheetEntry[], wanted: string | number | undefined): SheetEntry | undefined {
  if (wanted === undefined) return sheets[0];
  if (typeof wanted === 'number') return sheets[wanted - 1];
  return sheets.find((sheet) => sheet.name.trim() === wanted.trim());
}

function readWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name === 'sheet') sheets.push({ name: attributes.name ?? '', relId: prefixedAttribute(attributes, 'id') ?? '' });
    },
  });
  return { sheets, date1904 };
}

function readRelationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
    },
  });
  return targets;
}

/** Each shared string is the text of its runs; phonetic guides (rPh) are not what a person reads. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = true;
    },
    text(text) {
      if (inText && phonetic === 0) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(unescapeOoxml(current));
    },
  });
  return strings;
}

/** The cell styles (indexes into cellXfs) whose number format shows a date or time. */
function readDateStyles(xml: string): Set<number> {
  const customFormats = new Map<number, string>();
  const styles = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = customFormats.get(id);
        if (code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code)) styles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** ECMA-376 built-in formats that show dates or times, with the ids East Asian locales use for theirs. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when a date or time token is left after quoted text, escapes and [colour]/[condition] blocks go. */
function isDateFormat(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

/** The rows of a sheet's XML as it streams in, one batch per chunk read. */
class SheetRows {
  private readonly context: SheetContext;
  private batch: { line: number; cells: string[] }[] = [];
  private line = 0;
  private cells: string[] = [];
  private column = 0;
  private cellType = '';
  private cellStyle = 0;
  private value = '';
  private inValue = false;
  /** Inside an inline string's phonetic guide (rPh), which is not what a person reads. */
  private phonetic = 0;

  constructor(context: SheetContext) {
    this.context = context;
  }

  async *parse(stream: Readable): AsyncGenerator<{ line: number; cells: string[] }[]> {
    const parser = this.parser();
    stream.setEncoding('utf8');
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (this.batch.length) yield this.take();
    }
    parser.end();
    if (this.batch.length) yield this.take();
  }

  private take(): { line: number; cells: string[] }[] {
    const batch = this.batch;
    this.batch = [];
    return batch;
  }

  private parser(): Parser {
    return new Parser(
      {
        onopentag: (qualified, attributes) => {
          const name = localName(qualified);
          if (name === 'row') {
            this.line = attributes.r ? Number(attributes.r) : this.line + 1;
            this.cells = [];
            this.column = 0;
          } else if (name === 'c') {
            this.column = attributes.r ? columnIndex(attributes.r) : this.column + 1;
            this.cellType = attributes.t ?? 'n';
            this.cellStyle = Number(attributes.s ?? 0);
            this.value = '';
          } else if (name === 'rPh') {
            this.phonetic++;
          } else if (name === 'v' || (name === 't' && this.cellType === 'inlineStr' && this.phonetic === 0)) {
            this.inValue = true;
          }
        },
        ontext: (text) => {
          if (this.inValue) this.value += text;
        },
        onclosetag: (qualified) => {
          const name = localName(qualified);
          if (name === 'v' || name === 't') this.inValue = false;
          else if (name === 'rPh') this.phonetic--;
          else if (name === 'c') {
            while (this.cells.length < this.column - 1) this.cells.push('');
            this.cells[this.column - 1] = this.cellText();
          } else if (name === 'row') this.batch.push({ line: this.line, cells: this.cells });
        },
      },
      { xmlMode: true },
    );
  }

  /** What a person sees in the cell just read, as text. */
  private cellText(): string {
    const value = this.value;
    switch (this.cellType) {
      case 's':
        return value === '' ? '' : (this.context.sharedStrings[Number(value)] ?? '');
      case 'inlineStr':
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return value === '1' ? 'true' : value === '0' ? 'false' : value;
      case 'e':
        return value;
      case 'd':
        return value === '' ? '' : wallClock(new Date(value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`));
      default: {
        if (value === '') return '';
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        return this.context.dateStyles.has(this.cellStyle) ? wallClock(excelDate(number, this.context.date1904)) : String(number);
      }
    }
  }
}

/** Column A is 1; the row digits are ignored. */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + code - 64;
  }
  return index;
}

/** An Excel serial day number as the UTC instant whose fields are its wall-clock time. */
function excelDate(serial: number, date1904: boolean): Date {
  const epochDays = date1904 ? 24107 : 25569;
  return new Date(Math.round((serial - epochDays) * 86400) * 1000);
}

/** Excel times carry no zone; the UTC fields are the wall clock, shown to the second. */
function wallClock(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return rounded.endsWith('T00:00:00.000Z') ? rounded.slice(0, 10) : `${rounded.slice(0, 10)} ${rounded.slice(11, 19)}`;
}

/** OOXML writes characters XML cannot hold, a carriage return among them, as _xHHHH_. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Some writers qualify every element (x:row); the parts are matched on local names. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** r:id, whatever prefix the writer bound the relationships namespace to. */
function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function scanXml(xml: string, handlers: XmlHandlers): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(localName(name), attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(localName(name)),
    },
    { xmlMode: true },
  );
  parser.end(xml);
}
