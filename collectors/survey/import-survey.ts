import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { upsertSurveyInstrument } from '../../warehouse/writers/survey-instruments.ts';
import { type NewSurveyRecord, type StoredCounts, type SurveyBatchWriter, surveyResponseWriter } from '../../warehouse/writers/survey-responses.ts';
import { locateColumns } from '../shared/csv-header.ts';
import { headerTimeZone } from '../shared/header-aliases.ts';
import { importTable, type ParsedRow } from '../shared/import-table.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { pseudonymise } from '../shared/privacy.ts';
import { responseKeysStored, storesCellKeys } from '../../warehouse/writers/survey-response-keys.ts';
import { parseResponse, type SurveyLayout } from './parse-response.ts';
import { RespondentsSeen } from './repeated-respondents.ts';
import { type ContentKey, ContentKeys } from './response-key.ts';
import { type TimeShift, withoutShiftedTwins } from './time-shift.ts';

export interface SurveyImport {
  file: string;
  instrument: Instrument;
  /** Secret for pseudonymising respondent ids (config privacy.pseudonym_key). */
  pseudonymKey: string;
  /** Responses per write (10,000; smaller in tests, to exercise batches). */
  batchSize?: number;
}

// Responses per write: one COPY on PostgreSQL, one INSERT on PGlite, whatever the
// size (see surveyResponseWriter); a few megabytes of rows held while the next batch is parsed.
const BATCH = 10_000;

/**
 * Imports a survey export (CSV or Excel, read as the instrument's `file:` block says): one response
 * per row with its answers scored 0–100. Rows with a bad date or answer are rejected (file, line,
 * column, value, reason) and the rest land. Importing the same file again stores nothing new; a
 * respondent's response whose answers changed since is updated (see insertSurveyResponses). A
 * column the instrument needs but the file lacks fails the import before anything is written.
 */
export async function importSurvey(db: Db, { file, instrument, pseudonymKey, batchSize = BATCH }: SurveyImport): Promise<ImportSummary> {
  // Responses an earlier version keyed by their cells: this file's rows are checked against those keys too.
  const cellKeys = await storesCellKeys(db, instrument.community, instrument.id);
  const respondents = new RespondentsSeen();
  const writer = surveyResponseWriter();
  // Called in file order, each batch before the next: the first row of a respondent is the one kept.
  const write: SurveyBatchWriter = (db, rows, turn) => writer(db, respondents.firstRows(rows), turn);
  const shift: TimeShift = { minutes: null, twins: 0 };
  let exportZone: string | undefined;
  const summary = await importTable<SurveyRecord>(db, {
    file,
    table: instrument.file,
    source: { id: instrument.source, kind: 'survey', community_id: instrument.community, name: instrument.name ?? instrument.id, location: file, reach: 1 },
    batchSize,
    prepare: (header, aliases, headerRows) => {
      const parse = surveyRowParser(file, instrument, pseudonymKey, header, aliases, cellKeys, headerRows);
      exportZone = parse.submittedZone;
      return parse;
    },
    // A response and its answers are one row: they land together or not at all.
    write: withoutShiftedTwins(instrument, cellKeys ? withoutCellKeyTwins(instrument, write) : write, shift),
    // On PostgreSQL one batch streams in while the one before commits.
    writesInFlight: 2,
  });
  await upsertSurveyInstrument(db, instrument);
  const notes: string[] = [];
  if (exportZone && exportZone !== instrument.timezone) {
    notes.push(`submission times read in ${exportZone}, the zone the export's header gives them in (the instrument says ${instrument.timezone})`);
  }
  if (shift.minutes !== null && shift.twins > 0) notes.push(shiftNote(shift.minutes, shift.twins));
  if (notes.length > 0) summary.notes = notes;
  return summary;
}

/** A response to store, with the key an earlier version gave it when that is still to be checked. */
export interface SurveyRecord extends NewSurveyRecord {
  cellKey?: string;
  /** Without a respondent id: the content key, which can say its key at another time (see time-shift.ts). */
  content?: ContentKey;
}

function shiftNote(minutes: number, twins: number): string {
  const hours = `${Math.floor(Math.abs(minutes) / 60)}:${String(Math.abs(minutes) % 60).padStart(2, '0')} h ${minutes > 0 ? 'later' : 'earlier'}`;
  return `${twins} responses without a respondent id are stored already, each at a submission time ${hours} than in this file (the export's time zone changed?): counted as duplicates; the stored times are kept`;
}

/**
 * Checks a header against the instrument (MissingColumnError naming the file and columns) and
 * returns how to turn each row into a response keyed by its pseudonymised respondent, or by what it
 * says and its occurrence when it has no respondent id (see ContentKeys). With `cellKeys`, a
 * response without an id also carries the key earlier versions gave it.
 */
export function surveyRowParser(
  file: string,
  instrument: Instrument,
  pseudonymKey: string,
  header: readonly string[],
  aliases: readonly (readonly string[])[] = [],
  cellKeys = false,
  headerRows: readonly (readonly string[])[] = [header],
): RowParser {
  const layout = surveyLayout(file, instrument, header, aliases);
  const zone = layout.submitted === undefined ? undefined : headerTimeZone(headerRows, layout.submitted);
  if (zone) layout.options = { submittedZone: zone };
  const keys = new ContentKeys();
  const parse = (line: number, values: readonly string[]): ParsedRow<SurveyRecord> => {
    const parsed = parseResponse(instrument, layout, file, line, values);
    if (!parsed.ok) return parsed;
    const { response: fields, respondent, answers, segments } = parsed;
    const anonymous = respondent === undefined;
    const content = anonymous ? keys.next(fields.submitted_at, segments, answers) : undefined;
    const responseKey = content?.key ?? `p:${pseudonymise(pseudonymKey, respondent as string)}`;
    // The parsed response is this row's own object: complete it rather than copy it.
    const response: NewSurveyRecord['response'] = Object.assign(fields, { response_key: responseKey, source_id: instrument.source });
    if (!content) return { ok: true, row: { response, answers } };
    return { ok: true, row: cellKeys ? { response, answers, content, cellKey: keys.legacy(values) } : { response, answers, content } };
  };
  return Object.assign(parse, { submittedZone: zone });
}

/** Turns a row into a response; `submittedZone` is the zone the export's header gave its times in, if any. */
export type RowParser = ((line: number, values: readonly string[]) => ParsedRow<SurveyRecord>) & { submittedZone: string | undefined };

/** The writer, leaving out responses stored before under the key an earlier version gave them. */
function withoutCellKeyTwins(instrument: Instrument, write: SurveyBatchWriter): (db: Db, rows: SurveyRecord[], turn: Promise<void>) => Promise<StoredCounts> {
  return async (db, rows, turn) => {
    const stored = await responseKeysStored(db, instrument.community, instrument.id, rows.flatMap((row) => (row.cellKey ? [row.cellKey] : [])));
    return write(db, stored.size === 0 ? rows : rows.filter((row) => !(row.cellKey && stored.has(row.cellKey))), turn);
  };
}

/** The name importSurvey had when it read CSV only. */
export const importSurveyCsv = importSurvey;

function surveyLayout(file: string, instrument: Instrument, header: readonly string[], aliases: readonly (readonly string[])[]): SurveyLayout {
  const wanted: Record<string, string> = {};
  if (instrument.submitted_at) wanted.submitted_at = instrument.submitted_at;
  if (instrument.respondent_id) wanted.respondent_id = instrument.respondent_id;
  for (const [name, column] of Object.entries(instrument.segments)) wanted[`segment ${name}`] = column;
  for (const question of instrument.questions) wanted[`question ${question.id}`] = question.column;
  const at = locateColumns(file, header, wanted, `instrument "${instrument.id}"`, aliases);
  const index = (role: string) => at[role] as number;
  return {
    submitted: instrument.submitted_at ? index('submitted_at') : undefined,
    respondent: instrument.respondent_id ? index('respondent_id') : undefined,
    segments: Object.keys(instrument.segments).map((name) => [name, index(`segment ${name}`)]),
    questions: instrument.questions.map((question) => [question, index(`question ${question.id}`)]),
    width: header.length,
  };
}
