import type { Instrument } from '../../config/instrument.ts';
import type { NewSurveyAnswer, NewSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import type { CellValue } from '../shared/json-record.ts';
import { parseLocalDateTime } from '../shared/local-time.ts';
import type { Reject } from '../shared/run-recorder.ts';
import { scoreAnswer } from './score-answer.ts';

export interface SurveyLayout {
  submitted: number;
  respondent: number | undefined;
  segments: [name: string, index: number][];
  questions: [question: Instrument['questions'][number], index: number][];
  width: number;
}

export type ParsedResponse =
  | { ok: true; response: Omit<NewSurveyResponse, 'response_key' | 'source_id'>; respondent: string | undefined; answers: NewSurveyAnswer[] }
  | { ok: false; problems: Reject[] };

/** Reads a field of one response by the name the instrument gives it (a CSV header, a Kobo path, a SurveyJS name). */
export type CellReader = (column: string) => CellValue;

export interface ResponsePlace {
  /** File or URL the response came from, and its row / record number there. */
  location: string;
  row: number;
}

export interface ResponseOptions {
  /** Fields tried in turn for the response's id; the instrument's respondent_id by default. */
  idColumns?: readonly string[];
  /** Zone for a submission time without offset; the instrument's by default (Kobo writes UTC). */
  submittedZone?: string;
  /** Used when the submission time is blank, e.g. the moment a webhook delivered the response. */
  submittedFallback?: Date;
}

/** Reads one CSV row into a response and its scored answers, or lists every problem with the row. */
export function parseResponse(instrument: Instrument, layout: SurveyLayout, file: string, line: number, values: readonly string[]): ParsedResponse {
  if (values.length !== layout.width) {
    const reason = `expected ${layout.width} fields as in the header, found ${values.length}`;
    return { ok: false, problems: [{ location: file, row: line, field: null, value: null, reason }] };
  }
  const at = new Map<string, number>([[instrument.submitted_at, layout.submitted]]);
  if (instrument.respondent_id && layout.respondent !== undefined) at.set(instrument.respondent_id, layout.respondent);
  for (const [name, index] of layout.segments) at.set(instrument.segments[name] ?? name, index);
  for (const [question, index] of layout.questions) at.set(question.column, index);
  const read: CellReader = (column) => {
    const index = at.get(column);
    return index === undefined ? '' : (values[index] ?? '');
  };
  return parseResponseCells(instrument, read, { location: file, row: line });
}

/** Reads one response from any source through its field reader; every problem is listed with its field. */
export function parseResponseCells(instrument: Instrument, read: CellReader, place: ResponsePlace, options: ResponseOptions = {}): ParsedResponse {
  const reject = (field: string | null, value: string | null, reason: string): Reject => ({ location: place.location, row: place.row, field, value, reason });
  const problems: Reject[] = [];
  // One answer per question: a multi-select's choices cannot be put on a scale.
  const single = (column: string): string | undefined => {
    const cell = read(column);
    if (typeof cell === 'string') return cell.trim();
    if (cell.length <= 1) return (cell[0] ?? '').trim();
    problems.push(reject(column, cell.join(', '), `${cell.length} answers (a multi-select) where the scale takes one`));
    return undefined;
  };

  const submittedText = single(instrument.submitted_at) ?? '';
  let submitted = parseLocalDateTime(submittedText, options.submittedZone ?? instrument.timezone);
  if (submittedText === '' && options.submittedFallback) submitted = options.submittedFallback;
  else if (!submitted) problems.push(reject(instrument.submitted_at, submittedText, 'not a date (expected ISO or YYYY-MM-DD HH:mm[:ss])'));

  const answers: NewSurveyAnswer[] = [];
  for (const question of instrument.questions) {
    const text = single(question.column);
    if (text === undefined) continue;
    const outcome = scoreAnswer(question.scale, text);
    if (!outcome.ok) problems.push(reject(question.column, text, outcome.reason));
    else answers.push({ question_id: question.id, clause_id: question.clause ?? null, raw_value: outcome.raw, score: outcome.score });
  }
  if (problems.length > 0 || !submitted) return { ok: false, problems };

  const segmentText = (column: string) => {
    const cell = read(column);
    return (typeof cell === 'string' ? cell : cell.join(', ')).trim();
  };
  const segments = Object.fromEntries(Object.entries(instrument.segments).map(([name, column]) => [name, segmentText(column)]).filter(([, value]) => value !== ''));
  const idColumns = options.idColumns ?? (instrument.respondent_id ? [instrument.respondent_id] : []);
  const respondent = idColumns.map(segmentText).find((id) => id !== '');
  return {
    ok: true,
    respondent,
    answers,
    response: {
      community_id: instrument.community,
      instrument_id: instrument.id,
      submitted_at: submitted,
      segments: JSON.stringify(segments),
      source_row: place.row,
    },
  };
}
