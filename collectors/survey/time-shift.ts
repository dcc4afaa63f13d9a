import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { responseKeysStored } from '../../warehouse/writers/survey-response-keys.ts';
import type { StoredCounts } from '../../warehouse/writers/survey-responses.ts';
import type { ContentKey } from './response-key.ts';

/** Shifts tried, in minutes: every quarter of an hour up to 14 hours either way, as time zones differ. */
const SHIFTS = Array.from({ length: 112 }, (_, i) => (i < 56 ? i - 56 : i - 55) * 15);
/** Responses without an id, from the file's first batch, whose shifted keys are looked up. */
const SAMPLE = 100;

/** A response to store, and its content key when it has no respondent id. */
export interface KeyedRecord {
  content?: ContentKey;
}

/** What the time-shift check found: the shift, and how many responses it left out as stored already. */
export interface TimeShift {
  minutes: number | null;
  twins: number;
}

/**
 * The writer, leaving out responses without a respondent id that are stored already at times a
 * whole time-zone offset apart: the same export, re-exported after the account's or the server's
 * time zone changed, whose every submission time moved by the same hours. The first batch decides:
 * when at least half its sampled responses (and at least 3) are stored under one shift, every
 * response whose key under that shift is stored counts as a duplicate, and `found` says so. A
 * response that merely resembles another at another time is never left out on its own.
 */
export function withoutShiftedTwins<Row extends KeyedRecord>(
  instrument: Instrument,
  write: (db: Db, rows: Row[], turn: Promise<void>) => Promise<StoredCounts>,
  found: TimeShift,
): (db: Db, rows: Row[], turn: Promise<void>) => Promise<StoredCounts> {
  let decided: Promise<number | null> | undefined;
  return async (db, rows, turn) => {
    const anonymous = rows.filter((row): row is Row & { content: ContentKey } => row.content !== undefined);
    if (anonymous.length === 0 && !decided) return write(db, rows, turn);
    // Batches are written two at a time: every one waits for the first's decision.
    decided ??= detectShift(db, instrument, anonymous.slice(0, SAMPLE).map((row) => row.content));
    const minutes = await decided;
    if (minutes === null || anonymous.length === 0) return write(db, rows, turn);
    found.minutes = minutes;
    const shifted = new Map(anonymous.map((row) => [row, row.content.shifted(minutes)]));
    const stored = await responseKeysStored(db, instrument.community, instrument.id, [...shifted.values()]);
    const kept = stored.size === 0 ? rows : rows.filter((row) => !stored.has(shifted.get(row as Row & { content: ContentKey }) ?? ''));
    found.twins += rows.length - kept.length;
    return write(db, kept, turn);
  };
}

async function detectShift(db: Db, instrument: Instrument, sample: readonly ContentKey[]): Promise<number | null> {
  const needed = Math.max(3, Math.ceil(sample.length / 2));
  if (sample.length < needed) return null;
  const candidates = new Map<string, number>();
  for (const minutes of SHIFTS) for (const content of sample) candidates.set(content.shifted(minutes), minutes);
  const stored = await responseKeysStored(db, instrument.community, instrument.id, [...candidates.keys()]);
  const matches = new Map<number, number>();
  for (const key of stored) {
    const minutes = candidates.get(key) as number;
    matches.set(minutes, (matches.get(minutes) ?? 0) + 1);
  }
  const [best] = [...matches].sort((a, b) => b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0]));
  return best && best[1] >= needed ? best[0] : null;
}
