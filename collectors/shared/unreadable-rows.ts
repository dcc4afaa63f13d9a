import type { TableItem } from './table-item.ts';

/** Bytes the file's encoding cannot read, on `line`, and where they are when that is known. */
export interface InvalidLine {
  line: number;
  where: string;
}

/** The lines of a decoded chunk that hold U+FFFD, numbered as the chunk's first line follows `line`. */
export function unreadableLines(chunk: string, line: number): InvalidLine[] {
  const found: InvalidLine[] = [];
  let newlines = 0;
  let from = 0;
  for (let at = chunk.indexOf('\ufffd'); at !== -1; at = chunk.indexOf('\ufffd', at + 1)) {
    for (let next = chunk.indexOf('\n', from); next !== -1 && next < at; next = chunk.indexOf('\n', from)) {
      newlines++;
      from = next + 1;
    }
    if (found.at(-1)?.line !== line + 1 + newlines) found.push({ line: line + 1 + newlines, where: 'read as U+FFFD' });
  }
  return found;
}

/**
 * The record ending at `item.line` as an error naming its bad bytes, if any of `pending` (in file
 * order) are on its lines; they are taken off `pending`. Such a row is read as U+FFFD where the
 * bytes were, so it cannot land as it was written: left out, with the place to correct it, it can
 * be corrected and imported again; stored, its damaged text would stay and a corrected import
 * would store it a second time wherever a row's content is its key.
 */
export function withInvalidBytes(item: TableItem, pending: InvalidLine[], encoding: string): TableItem {
  let count = 0;
  while (count < pending.length && (pending[count]?.line ?? Infinity) <= item.line) count++;
  if (count === 0) return item;
  const found = pending.splice(0, count);
  const where = [...new Set(found.map((bytes) => bytes.where))].join('; ');
  const name = encoding.toUpperCase();
  const reason = `line ${item.line}: bytes that are not ${name} (${where}${encoding === 'utf-8' ? '; bytes counted from 0' : ''}) in a file read as ${name}; the row is left out rather than stored with those characters lost: correct it and import the file again`;
  if ('error' in item) return { line: item.line, error: `${reason}; also: ${item.error}` };
  const column = item.values.findIndex((value) => value.includes('\ufffd'));
  if (column === -1) return { line: item.line, error: reason };
  return { line: item.line, error: reason.replace(`line ${item.line}:`, `line ${item.line}, column ${column + 1}:`), column, value: item.values[column] ?? '' };
}
