import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { upsertSurveyInstrument } from '../../warehouse/writers/survey-instruments.ts';
import { type NewSurveyRecord, surveyResponseWriter } from '../../warehouse/writers/survey-responses.ts';
import { locateColumns } from '../shared/csv-header.ts';
import { importTable, type ParsedRow } from '../shared/import-table.ts';
import { sha256 } from '../shared/hash.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { pseudonymise } from '../shared/privacy.ts';
import { parseResponse, type SurveyLayout } from './parse-response.ts';

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
 * column, value, reason) and the rest land. Importing the same file again stores nothing new. A
 * column the instrument needs but the file lacks fails the import before anything is written.
 */
export async function importSurvey(db: Db, { file, instrument, pseudonymKey, batchSize = BATCH }: SurveyImport): Promise<ImportSummary> {
  const summary = await importTable<NewSurveyRecord>(db, {
    file,
    table: instrument.file,
    source: { id: instrument.source, kind: 'survey', community_id: instrument.community, name: instrument.name ?? instrument.id, location: file, reach: 1 },
    batchSize,
    prepare: (header, aliases) => surveyRowParser(file, instrument, pseudonymKey, header, aliases),
    // A response and its answers are one row: they land together or not at all.
    write: surveyResponseWriter(),
    // On PostgreSQL one batch streams in while the one before commits.
    writesInFlight: 2,
  });
  await upsertSurveyInstrument(db, instrument);
  return summary;
}

/**
 * Checks a header against the instrument (MissingColumnError naming the file and columns) and
 * returns how to turn each row into a response keyed by its pseudonymised respondent, or by its
 * content and occurrence when the instrument names no respondent column.
 */
export function surveyRowParser(
  file: string,
  instrument: Instrument,
  pseudonymKey: string,
  header: readonly string[],
  aliases: readonly (readonly string[])[] = [],
): (line: number, values: readonly string[]) => ParsedRow<NewSurveyRecord> {
  const layout = surveyLayout(file, instrument, header, aliases);
  // Identical rows without a respondent id are distinct answers: the n-th copy gets key n.
  const occurrences = new Map<string, number>();
  return (line, values) => {
    const parsed = parseResponse(instrument, layout, file, line, values);
    if (!parsed.ok) return parsed;
    let responseKey: string;
    if (parsed.respondent !== undefined) {
      responseKey = `p:${pseudonymise(pseudonymKey, parsed.respondent)}`;
    } else {
      const contentHash = sha256(JSON.stringify(values)).slice(0, 32);
      const seen = (occurrences.get(contentHash) ?? 0) + 1;
      occurrences.set(contentHash, seen);
      responseKey = `h:${contentHash}:${seen}`;
    }
    // The parsed response is this row's own object: complete it rather than copy it.
    const response: NewSurveyRecord['response'] = Object.assign(parsed.response, { response_key: responseKey, source_id: instrument.source });
    return { ok: true, row: { response, answers: parsed.answers } };
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
