import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { upsertSurveyInstrument } from '../../warehouse/writers/survey-instruments.ts';
import { countWrite, type ImportSummary } from '../shared/import-summary.ts';
import { jsonField } from '../shared/json-record.ts';
import { JsonFileError, readJsonRecords } from '../shared/json-records-file.ts';
import { startRun } from '../shared/run-recorder.ts';
import { contentKey, jsonSurveyRow, type SurveyRow } from './json-response.ts';
import { RespondentsSeen } from './repeated-respondents.ts';
import { storeSurveyRows } from './store-responses.ts';

export interface SurveyJsonImport {
  file: string;
  instrument: Instrument;
  pseudonymKey: string;
}

const BATCH = 200;

/**
 * Imports SurveyJS results (a JSON array of result objects, or NDJSON): matrix rows addressed as
 * "question.row", checkbox arrays as multi-selects. Bad records are rejected with their position
 * and field; the rest land; importing the file again stores nothing new.
 */
export async function importSurveyJson(db: Db, { file, instrument, pseudonymKey }: SurveyJsonImport): Promise<ImportSummary> {
  const items = readJsonRecords(file);
  // SurveyJS leaves unanswered questions out, so one missing field is normal; none of them at all is the wrong instrument.
  const records = items.flatMap((item) => ('record' in item ? [item.record] : []));
  if (records.length > 0 && !instrument.questions.some((q) => records.some((record) => jsonField(record, q.column) !== undefined))) {
    const seen = Object.keys(records[0] ?? {}).slice(0, 12);
    throw new JsonFileError(`${file}: no record has any question of instrument "${instrument.id}" (first record's fields: ${seen.join(', ')})`);
  }
  // SurveyJS results hold no submission time unless the form records one: every record would be a reject.
  const submitted = instrument.submitted_at;
  if (submitted !== undefined && records.length > 0 && !records.some((record) => jsonField(record, submitted) !== undefined)) {
    throw new JsonFileError(
      `${file}: no record has the submission time field "${submitted}" of instrument "${instrument.id}" (give the instrument submitted_at: the field that holds it, or submitted_on: YYYY-MM-DD for a file of one day)`,
    );
  }

  await ensureCommunity(db, { id: instrument.community });
  await ensureSource(db, { id: instrument.source, kind: 'survey', community_id: instrument.community, name: instrument.name ?? instrument.id, location: file, reach: 1 });
  const run = await startRun(db, instrument.source);
  try {
    const occurrences = new Map<string, number>();
    const respondents = new RespondentsSeen();
    let batch: SurveyRow[] = [];
    const write = async () => {
      const first = respondents.firstRows(batch);
      run.stats.duplicate += batch.length - first.length;
      for (const outcome of await storeSurveyRows(db, first)) countWrite(run.stats, outcome);
      batch = [];
    };
    for (const item of items) {
      run.stats.read++;
      if ('error' in item) {
        await run.reject({ location: file, row: item.row, field: null, value: null, reason: item.error });
        continue;
      }
      // Identical anonymous responses are distinct answers: the n-th copy gets key n, as in CSV imports.
      const key = contentKey(item.record);
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const parsed = jsonSurveyRow(instrument, item.record, { location: file, row: item.row }, { pseudonymKey, occurrence });
      if (!parsed.ok) await run.reject(...parsed.problems);
      else batch.push(parsed.row);
      if (batch.length >= BATCH) await write();
    }
    await write();
    // As a CSV import does: metrics, the Surveys page and the 差评 rectifications read the stored definition.
    await upsertSurveyInstrument(db, instrument);
    return await run.finish();
  } catch (error) {
    await run.finish(`${file}: ${(error as Error).message}`);
    throw error;
  }
}
