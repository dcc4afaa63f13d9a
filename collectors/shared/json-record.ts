/** One record of a JSON export or API: a survey submission, a work order. */
export type JsonRecord = Record<string, unknown>;

/** A field as the importers read it: text, or the choices of a multi-select (checkbox) question. */
export type CellValue = string | readonly string[];

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds a field by the name configuration gives it: the exact key first (Kobo's flat
 * "group_x/q1"), then a dotted path into nested objects (a SurveyJS matrix row "quality.row1"),
 * then a Kobo key that only adds group prefixes ("q1" finds "group_x/q1").
 */
export function jsonField(record: JsonRecord, name: string): unknown {
  if (name in record) return record[name];
  if (name.includes('.')) {
    let value: unknown = record;
    for (const part of name.split('.')) {
      if (!isJsonRecord(value) || !(part in value)) {
        value = undefined;
        break;
      }
      value = value[part];
    }
    if (value !== undefined) return value;
  }
  const grouped = Object.keys(record).filter((key) => key.endsWith(`/${name}`));
  return grouped.length === 1 ? record[grouped[0] as string] : undefined;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // An object where an answer was expected (a matrix addressed without its row): shown as JSON in the reject.
  return JSON.stringify(value);
}

/** The field as text, or as a list of texts when the source gave an array. */
export function jsonCell(record: JsonRecord, name: string): CellValue {
  const value = jsonField(record, name);
  return Array.isArray(value) ? value.map(scalarText) : scalarText(value);
}

/** The field as one text: a multi-select's choices joined by ", ". */
export function jsonText(record: JsonRecord, name: string): string {
  const cell = jsonCell(record, name);
  return typeof cell === 'string' ? cell : cell.join(', ');
}
