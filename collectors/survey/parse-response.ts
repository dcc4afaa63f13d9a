import type { Instrument } from '../../config/instrument.ts';
import type { NewSurveyAnswer, NewSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import { parseLocalDateTime } from '../shared/local-time.ts';
import type { Reject } from '../shared/run-recorder.ts';
import { scoreAnswer } from './score-answer.ts';
import { scoreChoices } from './score-choices.ts';

export interface SurveyLayout {
  /** undefined when the instrument gives a fixed day (submitted_on). */
  submitted: number | undefined;
  respondent: number | undefined;
  segments: [name: string, index: number][];
  questions: [question: Instrument['questions'][number], index: number][];
  width: number;
}

export type ParsedResponse =
  | { ok: true; response: Omit<NewSurveyResponse, 'response_key' | 'source_id'>; respondent: string | undefined; answers: NewSurveyAnswer[] }
  | { ok: false; problems: Reject[] };

/**
 * Reads one export row (or any record laid out as header + values) into a response and its scored
 * answers, or lists every problem with the row.
 */
export function parseResponse(instrument: Instrument, layout: SurveyLayout, file: string, line: number, values: readonly string[]): ParsedResponse {
  const reject = (field: string | null, value: string | null, reason: string): Reject => ({ location: file, row: line, field, value, reason });
  if (values.length !== layout.width) {
    return { ok: false, problems: [reject(null, null, `expected ${layout.width} fields as in the header, found ${values.length}`)] };
  }
  const blanks = new Set(instrument.blank_answers);
  const cell = (index: number) => {
    const text = (values[index] ?? '').trim();
    return blanks.has(text) ? '' : text;
  };
  const problems: Reject[] = [];

  const submittedText = layout.submitted === undefined ? (instrument.submitted_on ?? '') : cell(layout.submitted);
  const submitted = parseLocalDateTime(submittedDay(instrument, submittedText), instrument.timezone);
  if (!submitted) {
    const reason =
      submittedText === '' ? 'the submission time is blank (an unfinished response?)' : 'not a date (expected ISO or YYYY-MM-DD HH:mm[:ss], or a wave in wave_dates)';
    problems.push(reject(instrument.submitted_at ?? 'submitted_on', submittedText, reason));
  }

  const answers: NewSurveyAnswer[] = [];
  for (const [question, index] of layout.questions) {
    const clause = question.clause ?? null;
    if (question.scale.type === 'multi') {
      const outcome = scoreChoices(question.scale, cell(index));
      if (!outcome.ok) problems.push(reject(question.column, cell(index), outcome.reason));
      else for (const choice of outcome.answers) answers.push({ question_id: `${question.id}.${choice.optionId}`, clause_id: clause, raw_value: choice.raw, score: choice.score });
      continue;
    }
    const outcome = scoreAnswer(question.scale, cell(index));
    if (!outcome.ok) problems.push(reject(question.column, cell(index), outcome.reason));
    else answers.push({ question_id: question.id, clause_id: clause, raw_value: outcome.raw, score: outcome.score });
  }
  if (problems.length > 0 || !submitted) return { ok: false, problems };

  const segments = Object.fromEntries(layout.segments.map(([name, index]) => [name, cell(index)]).filter(([, value]) => value !== ''));
  const respondent = layout.respondent === undefined ? undefined : cell(layout.respondent) || undefined;
  return {
    ok: true,
    respondent,
    answers,
    response: {
      community_id: instrument.community,
      instrument_id: instrument.id,
      submitted_at: submitted,
      segments: JSON.stringify(segments),
      source_row: line,
    },
  };
}

/** A wave label the instrument lists stands for its day; anything else is read as a date. */
function submittedDay(instrument: Instrument, text: string): string {
  return Object.hasOwn(instrument.wave_dates, text) ? (instrument.wave_dates[text] ?? text) : text;
}
