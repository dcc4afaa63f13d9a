import type { Instrument } from '../../config/instrument.ts';
import type { NewSurveyAnswer, NewSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import type { CellValue } from '../shared/json-record.ts';
import { futureTimeProblem } from '../shared/future-time.ts';
import { exportTimeReader } from '../shared/date-pattern.ts';
import { parseLocalDateTime } from '../shared/local-time.ts';
import { redactPersonalData } from '../shared/privacy.ts';
import type { Reject } from '../shared/run-recorder.ts';
import { scoreAnswer, type SingleScale } from './score-answer.ts';
import { scoreChoices } from './score-choices.ts';

export interface SurveyLayout {
  /** undefined when the instrument gives a fixed day (submitted_on). */
  submitted: number | undefined;
  respondent: number | undefined;
  segments: [name: string, index: number][];
  questions: [question: Instrument['questions'][number], index: number][];
  width: number;
  /** How every row of the export is read, e.g. the zone its header gives submission times in (Qualtrics); made once per file. */
  options?: ResponseOptions | undefined;
}

/** A response as read, before its key: the time as an instant, the segments as their JSON text. */
export type ParsedResponseFields = Omit<NewSurveyResponse, 'response_key' | 'source_id' | 'submitted_at' | 'segments'> & { submitted_at: Date; segments: string };

export type ParsedResponse =
  | { ok: true; response: ParsedResponseFields; respondent: string | undefined; answers: NewSurveyAnswer[]; segments: Readonly<Record<string, string>> }
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

/** Reads one export row into a response and its scored answers, or lists every problem with the row. */
export function parseResponse(instrument: Instrument, layout: SurveyLayout, file: string, line: number, values: readonly string[]): ParsedResponse {
  if (values.length !== layout.width) {
    const reason = `expected ${layout.width} fields as in the header, found ${values.length}`;
    return { ok: false, problems: [{ location: file, row: line, field: null, value: null, reason }] };
  }
  const reader = rowReader(instrument, layout);
  reader.values = values;
  return parseResponseCells(instrument, reader.read, { location: file, row: line }, layout.options);
}

// One reader per layout, pointed at each row in turn: no closure made per row of a million.
const rowReaders = new WeakMap<SurveyLayout, { values: readonly string[]; read: CellReader }>();

function rowReader(instrument: Instrument, layout: SurveyLayout): { values: readonly string[]; read: CellReader } {
  let reader = rowReaders.get(layout);
  if (!reader) {
    const at = columnIndexes(instrument, layout);
    const current: { values: readonly string[]; read: CellReader } = {
      values: [],
      read: (column) => {
        const index = at.get(column);
        return index === undefined ? '' : (current.values[index] ?? '');
      },
    };
    rowReaders.set(layout, (reader = current));
  }
  return reader;
}

const layoutIndexes = new WeakMap<SurveyLayout, Map<string, number>>();

/** The layout found each column (under the dialect's other names too); the reader asks by the instrument's name. Worked out once per file. */
function columnIndexes(instrument: Instrument, layout: SurveyLayout): Map<string, number> {
  let at = layoutIndexes.get(layout);
  if (!at) {
    at = new Map<string, number>();
    if (instrument.submitted_at && layout.submitted !== undefined) at.set(instrument.submitted_at, layout.submitted);
    if (instrument.respondent_id && layout.respondent !== undefined) at.set(instrument.respondent_id, layout.respondent);
    for (const [name, index] of layout.segments) at.set(instrument.segments[name] ?? name, index);
    for (const [question, index] of layout.questions) at.set(question.column, index);
    layoutIndexes.set(layout, at);
  }
  return at;
}

type Question = Instrument['questions'][number];
type ScoredAnswer = { ok: true; answer: NewSurveyAnswer } | { ok: false; reason: string };

// An export repeats a handful of answers per question (labels, points, don't know): each is scored
// once and its answer object shared by every response that gave it, rather than made a million times.
const scoredAnswers = new WeakMap<Question, Map<string, ScoredAnswer>>();
const SCORED_ANSWERS_KEPT = 1000;

function scoreSingle(question: Question & { scale: SingleScale }, answer: string): ScoredAnswer {
  let known = scoredAnswers.get(question);
  if (!known) scoredAnswers.set(question, (known = new Map()));
  let scored = known.get(answer);
  if (!scored) {
    const outcome = scoreAnswer(question.scale, answer);
    scored = outcome.ok
      ? { ok: true, answer: Object.freeze({ question_id: question.id, clause_id: question.clause ?? null, raw_value: outcome.raw, score: outcome.score }) }
      : { ok: false, reason: outcome.reason };
    // Free-text-like columns would grow the memo without end: past a thousand answers, just score.
    if (known.size < SCORED_ANSWERS_KEPT) known.set(answer, scored);
  }
  return scored;
}

const blankSets = new WeakMap<Instrument, Set<string>>();

function blankSet(instrument: Instrument): Set<string> {
  let set = blankSets.get(instrument);
  if (!set) blankSets.set(instrument, (set = new Set(instrument.blank_answers)));
  return set;
}

/** Reads one response from any source through its field reader; every problem is listed with its field. */
export function parseResponseCells(instrument: Instrument, read: CellReader, place: ResponsePlace, options: ResponseOptions = {}): ParsedResponse {
  // Helpers at module level rather than closures: this runs for every row of an export.
  const problems: Reject[] = [];
  const blanks = blankSet(instrument);

  const submittedText = instrument.submitted_at === undefined ? (instrument.submitted_on ?? '') : (single(read, blanks, problems, place, instrument.submitted_at) ?? '');
  const zone = options.submittedZone ?? instrument.timezone;
  // A wave's day (wave_dates) is always YYYY-MM-DD, whatever pattern the export's own times are in.
  const waveDay = submittedDay(instrument, submittedText);
  let submitted = waveDay === submittedText ? exportTimeReader(instrument.date_format, zone)(submittedText) : parseLocalDateTime(waveDay, zone);
  if (submittedText === '' && options.submittedFallback) submitted = options.submittedFallback;
  else if (!submitted) {
    const expected = instrument.date_format ? `"${instrument.date_format}"` : 'ISO or YYYY-MM-DD HH:mm[:ss]';
    const reason = submittedText === '' ? 'the submission time is blank (an unfinished response?)' : `not a date (expected ${expected}, or a wave in wave_dates)`;
    problems.push(reject(place, instrument.submitted_at ?? 'submitted_on', submittedText, reason));
  } else {
    const future = futureTimeProblem(submitted);
    if (future) problems.push(reject(place, instrument.submitted_at ?? 'submitted_on', submittedText, future));
  }

  const answers: NewSurveyAnswer[] = [];
  for (const question of instrument.questions) {
    const clause = question.clause ?? null;
    if (question.scale.type === 'multi') {
      // A cell joined by the separator (问卷星's ┋) or a list (a SurveyJS checkbox): one answer per option.
      const cell = read(question.column);
      const joined = typeof cell === 'string' ? text(blanks, cell) : cell.map((c) => c.trim()).join(question.scale.separator);
      const outcome = scoreChoices(question.scale, joined);
      if (!outcome.ok) problems.push(reject(place, question.column, joined, outcome.reason));
      else for (const choice of outcome.answers) answers.push({ question_id: `${question.id}.${choice.optionId}`, clause_id: clause, raw_value: choice.raw, score: choice.score });
      continue;
    }
    const answer = single(read, blanks, problems, place, question.column);
    if (answer === undefined) continue;
    const scored = scoreSingle(question as Question & { scale: SingleScale }, answer);
    if (!scored.ok) problems.push(reject(place, question.column, answer, scored.reason));
    else answers.push(scored.answer);
  }
  if (problems.length > 0 || !submitted) return { ok: false, problems };

  // Plain loops: this runs for every row of an export of a million answers.
  const segments: Record<string, string> = {};
  for (const name in instrument.segments) {
    const value = text(blanks, read(instrument.segments[name] as string));
    if (value !== '') segments[name] = redactedSegment(value);
  }
  let respondent: string | undefined;
  for (const column of options.idColumns ?? (instrument.respondent_id ? [instrument.respondent_id] : [])) {
    respondent = text(blanks, read(column));
    if (respondent !== '') break;
    respondent = undefined;
  }
  return {
    ok: true,
    respondent,
    answers,
    segments,
    response: {
      community_id: instrument.community,
      instrument_id: instrument.id,
      submitted_at: submitted,
      segments: JSON.stringify(segments),
      source_row: place.row,
    },
  };
}

// Segment values repeat (a language, a district): each is redacted once; past a thousand, just redact.
const redactedSegments = new Map<string, string>();

/** A segment is whatever the export's column holds, typed text too: it is stored and printed redacted like any. */
function redactedSegment(value: string): string {
  let redacted = redactedSegments.get(value);
  if (redacted === undefined) {
    redacted = redactPersonalData(value);
    if (redactedSegments.size < 1000) redactedSegments.set(value, redacted);
  }
  return redacted;
}

function reject(place: ResponsePlace, field: string | null, value: string | null, reason: string): Reject {
  return { location: place.location, row: place.row, field, value, reason };
}

/** A cell's text, trimmed; blank when it is one of the instrument's blank answers. */
function text(blanks: Set<string>, cell: CellValue): string {
  const value = (typeof cell === 'string' ? cell : cell.join(', ')).trim();
  return blanks.has(value) ? '' : value;
}

/** One answer per question: a multi-select's choices cannot be put on a scale (a problem, and undefined). */
function single(read: CellReader, blanks: Set<string>, problems: Reject[], place: ResponsePlace, column: string): string | undefined {
  const cell = read(column);
  if (typeof cell === 'string' || cell.length <= 1) return text(blanks, typeof cell === 'string' ? cell : (cell[0] ?? ''));
  problems.push(reject(place, column, cell.join(', '), `${cell.length} answers (a multi-select) where the scale takes one`));
  return undefined;
}

/** A wave label read as its day when the instrument maps waves to days. */
function submittedDay(instrument: Instrument, text: string): string {
  return Object.hasOwn(instrument.wave_dates, text) ? (instrument.wave_dates[text] ?? text) : text;
}
