import { readFileSync } from 'node:fs';
import { isJsonRecord, type JsonRecord } from './json-record.ts';

/** A JSON export that cannot be read at all; nothing from it is stored. */
export class JsonFileError extends Error {
  override name = 'JsonFileError';
}

/** One record with its place in the file: position in the array, or line of an NDJSON file. */
export type JsonFileItem = { row: number; record: JsonRecord } | { row: number; error: string };

/**
 * Reads a JSON export: an array of objects (row = position, from 1), or NDJSON, one object per
 * line (row = line number). A bad NDJSON line or a non-object element is an item with its error,
 * so the rest still land; an array that is not valid JSON fails the whole file.
 */
export function readJsonRecords(file: string): JsonFileItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new JsonFileError(`${file}: ${(error as Error).message}`);
  }
  const asItem = (row: number, value: unknown): JsonFileItem =>
    isJsonRecord(value) ? { row, record: value } : { row, error: `expected a JSON object per response, found ${Array.isArray(value) ? 'an array' : typeof value}` };
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new JsonFileError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    return (parsed as unknown[]).map((value, index) => asItem(index + 1, value));
  }
  const items: JsonFileItem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      items.push(asItem(index + 1, JSON.parse(line)));
    } catch (error) {
      items.push({ row: index + 1, error: `not valid JSON (${(error as Error).message})` });
    }
  });
  return items;
}
