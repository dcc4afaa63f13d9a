/** One row of a `timestamp,value` series. */
export interface SeriesPoint {
  /** Milliseconds; the wall-clock time as written, read as UTC. */
  time: number;
  value: number;
  /** 1-based line in the file. */
  line: number;
}

/** A series file that cannot be read as `timestamp,value` rows; names the file and line. */
export class SeriesFileError extends Error {
  override name = 'SeriesFileError';
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z)?$/;

/** "2014-07-01 00:00:00" (seconds, fraction, T and Z optional) → ms, or NaN. */
export function parseTimestamp(text: string): number {
  const m = TIMESTAMP.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return Number.NaN;
  const ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s ?? 0), frac ? Math.round(Number(frac) * 1000) : 0);
  // Date.UTC rolls 31 February over into March; a date that does not round-trip is not a date.
  return new Date(ms).getUTCDate() === day ? ms : Number.NaN;
}

/** ms → "YYYY-MM-DD HH:MM:SS", the form NAB and the CLI's JSON use. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `timestamp,value` rows under a header line. A row that cannot be read stops the parse with
 * the file and line: alerts computed over a silently shortened series would be wrong without
 * anyone knowing. Blank lines are skipped.
 */
export function parseSeriesCsv(text: string, file: string): SeriesPoint[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (!/^"?timestamp"?\s*,\s*"?value"?$/i.test(header)) {
    throw new SeriesFileError(`${file}, line 1: expected the header "timestamp,value", got "${header.slice(0, 60)}"`);
  }
  const points: SeriesPoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    const row = (lines[i] as string).trim();
    if (row === '') continue;
    const comma = row.indexOf(',');
    const stamp = comma < 0 ? row : row.slice(0, comma).trim().replace(/^"|"$/g, '');
    const valueText = comma < 0 ? '' : row.slice(comma + 1).trim().replace(/^"|"$/g, '');
    const time = parseTimestamp(stamp);
    if (Number.isNaN(time)) throw new SeriesFileError(`${file}, line ${i + 1}: timestamp "${stamp.slice(0, 40)}" is not YYYY-MM-DD HH:MM:SS`);
    const value = valueText === '' ? Number.NaN : Number(valueText);
    if (!Number.isFinite(value)) throw new SeriesFileError(`${file}, line ${i + 1}: value "${valueText.slice(0, 40)}" is not a number`);
    points.push({ time, value, line: i + 1 });
  }
  return points;
}
