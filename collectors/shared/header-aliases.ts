import type { Dialect } from '../../config/table-file.ts';
import { timeZoneSchema } from '../../config/time-zone.ts';

// 问卷星 numbers its questions: "3、题干", "3.题干", "Q3. 题干".
const WJX_NUMBER = /^(?:Q?\d+)\s*[、.．:：]\s*/i;
// LimeSurvey's "question code & text" headings: "G01Q03. How satisfied…", "Q2[SQ001]. Option".
const LIMESURVEY_CODE = /^([A-Za-z][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\])?)\.\s+(.+)$/s;

/**
 * The other names each column answers to, beside the first header row: the text in further header
 * rows (Qualtrics' question text, and the ImportId in its third row's JSON), and what a dialect
 * writes around the name (问卷星's question number, LimeSurvey's question code before the text).
 */
export function headerAliases(headerRows: readonly (readonly string[])[], dialect: Dialect): string[][] {
  const [first = [], ...others] = headerRows;
  return first.map((name, index) => {
    const names: string[] = [];
    for (const row of others) {
      const text = (row[index] ?? '').trim();
      if (text !== '') names.push(text, ...importId(text));
    }
    const trimmed = name.trim();
    if (dialect === 'wjx' && WJX_NUMBER.test(trimmed)) names.push(trimmed.replace(WJX_NUMBER, ''));
    if (dialect === 'limesurvey') {
      const match = LIMESURVEY_CODE.exec(trimmed);
      if (match?.[1] && match[2]) names.push(match[1], match[2].trim());
    }
    return names;
  });
}

/** Qualtrics' third header row holds {"ImportId":"QID1"}; the id is a stable name for the column. */
function importId(text: string): string[] {
  if (!text.startsWith('{')) return [];
  try {
    const parsed = JSON.parse(text) as { ImportId?: unknown };
    return typeof parsed.ImportId === 'string' ? [parsed.ImportId] : [];
  } catch {
    return [];
  }
}

/**
 * The zone a column's times are written in, when a further header row says so: Qualtrics writes
 * {"ImportId":"recordedDate","timeZone":"America/Denver"} (or "Z" for UTC) above its date columns.
 * Undefined for a column whose header names no zone, or one the runtime does not know.
 */
export function headerTimeZone(headerRows: readonly (readonly string[])[], index: number): string | undefined {
  for (const row of headerRows.slice(1)) {
    const text = (row[index] ?? '').trim();
    if (!text.startsWith('{')) continue;
    try {
      const zone = (JSON.parse(text) as { timeZone?: unknown }).timeZone;
      if (zone === 'Z' || zone === 'UTC') return 'UTC';
      if (typeof zone === 'string' && timeZoneSchema.safeParse(zone).success) return zone;
    } catch {
      // Not JSON: a header row of question text that happens to start with a brace.
    }
  }
  return undefined;
}
