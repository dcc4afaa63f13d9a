import type { Instrument } from '../../config/instrument.ts';
import type { NewSurveyAnswer, NewSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import { sha256 } from '../shared/hash.ts';
import type { ParsedRow } from '../shared/import-table.ts';
import { jsonCell, type JsonRecord } from '../shared/json-record.ts';
import { pseudonymise } from '../shared/privacy.ts';
import { parseResponseCells, type ResponseOptions, type ResponsePlace } from './parse-response.ts';

export interface SurveyRow {
  response: NewSurveyResponse;
  answers: NewSurveyAnswer[];
}

export interface JsonResponseOptions extends Omit<ResponseOptions, 'idColumns'> {
  pseudonymKey: string;
  /** For a response without an id: how many identical ones came before it in the same file, plus one. */
  occurrence?: number;
  /** The warehouse source the response comes from; the instrument's own by default (an API source has its id). */
  sourceId?: string;
}

/**
 * The response's own id fields: the instrument's respondent_id, else Kobo's. An edit in Enketo gives
 * a submission a new `_uuid` and keeps `meta/rootUuid` (the first uuid, as `uuid:…`; kpi#3940), so
 * the root is read first: an edited submission pulled again updates its response rather than
 * adding a second one. Submissions from before Kobo wrote the root fall back to `_uuid`, then `_id`.
 */
export function responseIdColumns(instrument: Instrument): string[] {
  return instrument.respondent_id ? [instrument.respondent_id] : [KOBO_ROOT_UUID, '_uuid', '_id'];
}

const KOBO_ROOT_UUID = 'meta/rootUuid';

/** Kobo's root uuid without its `uuid:` scheme, so it keys a never-edited submission as its `_uuid` did. */
function koboRespondent(instrument: Instrument, respondent: string): string {
  return instrument.respondent_id ? respondent : respondent.replace(/^uuid:/, '');
}

/** Kobo writes _submission_time in UTC without an offset; a form's own time fields follow the instrument's zone. */
export function submissionZone(instrument: Instrument): string {
  return instrument.submitted_at === '_submission_time' ? 'UTC' : instrument.timezone;
}

/** The content key of a response without an id: the same JSON twice is the same response. */
export function contentKey(record: JsonRecord): string {
  return sha256(JSON.stringify(record)).slice(0, 32);
}

/**
 * One JSON response (SurveyJS result, Kobo submission, webhook body) as a response row keyed by
 * its pseudonymised id, or by its content when it has none, with its answers scored 0–100.
 */
export function jsonSurveyRow(instrument: Instrument, record: JsonRecord, place: ResponsePlace, options: JsonResponseOptions): ParsedRow<SurveyRow> {
  const { pseudonymKey, occurrence, sourceId, ...responseOptions } = options;
  const parsed = parseResponseCells(instrument, (column) => jsonCell(record, column), place, { ...responseOptions, idColumns: responseIdColumns(instrument) });
  if (!parsed.ok) return parsed;
  const responseKey =
    parsed.respondent !== undefined ? `p:${pseudonymise(pseudonymKey, koboRespondent(instrument, parsed.respondent))}` : `h:${contentKey(record)}:${occurrence ?? 1}`;
  return { ok: true, row: { response: { ...parsed.response, response_key: responseKey, source_id: sourceId ?? instrument.source }, answers: parsed.answers } };
}
