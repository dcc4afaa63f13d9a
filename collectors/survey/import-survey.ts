import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { insertSurveyResponse, type NewSurveyAnswer, type NewSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import { locateColumns, MissingColumnError } from '../shared/csv-header.ts';
import { readCsvRecords } from '../shared/csv-records.ts';
import { sha256 } from '../shared/hash.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { pseudonymise } from '../shared/privacy.ts';
import { startRun } from '../shared/run-recorder.ts';
import { parseResponse, type SurveyLayout } from './parse-response.ts';

export interface SurveyImport {
  file: string;
  instrument: Instrument;
  /** Secret for pseudonymising respondent ids (config privacy.pseudonym_key). */
  pseudonymKey: string;
}

const BATCH = 200;

/**
 * Imports a survey export: one response per row with its answers scored 0–100. Rows with a bad
 * date or answer are rejected (file, line, column, value, reason) and the rest land. Importing the
 * same file again stores nothing new. A column the instrument needs but the file lacks fails the
 * import before anything is written.
 */
export async function importSurveyCsv(db: Db, { file, instrument, pseudonymKey }: SurveyImport): Promise<ImportSummary> {
  const records = readCsvRecords(file);
  try {
    const header = await records.next();
    if (header.done || 'error' in header.value) throw new MissingColumnError(`${file}: no readable header row`);
    const layout = surveyLayout(file, instrument, header.value.values);

    await ensureCommunity(db, { id: instrument.community });
    await ensureSource(db, { id: instrument.source, kind: 'survey', community_id: instrument.community, name: instrument.name ?? instrument.id, location: file, reach: 1 });
    const run = await startRun(db, instrument.source);
    try {
      // Identical rows without a respondent id are distinct answers: the n-th copy gets key n.
      const occurrences = new Map<string, number>();
      let batch: { response: NewSurveyResponse; answers: NewSurveyAnswer[] }[] = [];
      const write = async () => {
        const fresh = await db.transaction().execute(async (trx) => {
          const out: boolean[] = [];
          for (const row of batch) out.push(await insertSurveyResponse(trx, row.response, row.answers));
          return out;
        });
        for (const isNew of fresh) run.stats[isNew ? 'new' : 'duplicate']++;
        batch = [];
      };
      for await (const item of records) {
        run.stats.read++;
        if ('error' in item) {
          await run.reject({ location: file, row: item.line, field: null, value: null, reason: item.error });
          continue;
        }
        const parsed = parseResponse(instrument, layout, file, item.line, item.values);
        if (!parsed.ok) {
          await run.reject(...parsed.problems);
          continue;
        }
        let responseKey: string;
        if (parsed.respondent !== undefined) {
          responseKey = `p:${pseudonymise(pseudonymKey, parsed.respondent)}`;
        } else {
          const contentHash = sha256(JSON.stringify(item.values)).slice(0, 32);
          const seen = (occurrences.get(contentHash) ?? 0) + 1;
          occurrences.set(contentHash, seen);
          responseKey = `h:${contentHash}:${seen}`;
        }
        batch.push({ response: { ...parsed.response, response_key: responseKey, source_id: instrument.source }, answers: parsed.answers });
        if (batch.length >= BATCH) await write();
      }
      await write();
      return await run.finish();
    } catch (error) {
      await run.finish(`${file}: ${(error as Error).message}`);
      throw error;
    }
  } finally {
    await records.return(undefined);
  }
}

function surveyLayout(file: string, instrument: Instrument, header: readonly string[]): SurveyLayout {
  const wanted: Record<string, string> = { submitted_at: instrument.submitted_at };
  if (instrument.respondent_id) wanted.respondent_id = instrument.respondent_id;
  for (const [name, column] of Object.entries(instrument.segments)) wanted[`segment ${name}`] = column;
  for (const question of instrument.questions) wanted[`question ${question.id}`] = question.column;
  const at = locateColumns(file, header, wanted, `instrument "${instrument.id}"`);
  const index = (role: string) => at[role] as number;
  return {
    submitted: index('submitted_at'),
    respondent: instrument.respondent_id ? index('respondent_id') : undefined,
    segments: Object.keys(instrument.segments).map((name) => [name, index(`segment ${name}`)]),
    questions: instrument.questions.map((question) => [question, index(`question ${question.id}`)]),
    width: header.length,
  };
}
