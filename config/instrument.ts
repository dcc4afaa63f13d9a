import { z } from 'zod';
import { datePattern } from './date-format.ts';
import { type Dialect, tableFileKey } from './table-file.ts';
import { timeZoneSchema } from './time-zone.ts';
import { readYamlFile } from './yaml-file.ts';

const slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, dashes and underscores');
const clauseId = z.string().regex(/^(5|6|7|8|9|10)(\.\d+){0,2}$/, 'a clause number of sections 5–10 such as "8.1.2"');
/** Answers that leave the base: matched against the trimmed cell text, so 9 and "9" are the same. */
const dontKnow = z.array(z.union([z.string(), z.number()])).default([]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

const likertScale = z
  .strictObject({
    type: z.literal('likert'),
    min: z.number().int(),
    max: z.number().int(),
    /** Answer texts and the point they stand for, e.g. 满意: 4. Numeric cells are read as points directly. */
    labels: z.record(z.string(), z.number().int()).default({}),
    dont_know: dontKnow,
    /** Negatively worded items: the highest point is the worst. */
    reverse: z.boolean().default(false),
  })
  .refine((scale) => scale.max > scale.min, { message: 'max must be greater than min' })
  .refine((scale) => Object.values(scale.labels).every((point) => point >= scale.min && point <= scale.max), {
    message: 'every label must map to a point between min and max',
    path: ['labels'],
  });

const npsScale = z.strictObject({
  type: z.literal('nps'),
  dont_know: dontKnow,
});

/** The five 好差评 levels of government service rating, worst first; levels 1 and 2 are 差评. */
export const HAOCHAPING_LABELS: Readonly<Record<string, number>> = {
  非常不满意: 1,
  不满意: 2,
  基本满意: 3,
  满意: 4,
  非常满意: 5,
  'Very dissatisfied': 1,
  Dissatisfied: 2,
  'Basically satisfied': 3,
  Satisfied: 4,
  'Very satisfied': 5,
};

/** The highest 好差评 level that is a 差评 (不满意). */
export const HAOCHAPING_BAD_MAX = 2;

/**
 * A 好差评 rating (非常满意 … 非常不满意, or 5 … 1): scored like a 1–5 Likert item, and every 差评 it
 * receives opens a rectification item. `labels` adds the export's own texts for the levels.
 */
const haochapingScale = z.strictObject({
  type: z.literal('haochaping'),
  labels: z.record(z.string(), z.number().int().min(1, 'a 好差评 level 1–5').max(5, 'a 好差评 level 1–5')).default({}),
  dont_know: dontKnow,
});

/**
 * Several answers in one cell (问卷星 joins them with ┋): each option becomes an answer of its own,
 * `<question id>.<option id>`, scored 100 when chosen and 0 when not. Options are a list (ids 1, 2, …
 * in order) or a map from answer text to option id.
 */
const multiScale = z.strictObject({
  type: z.literal('multi'),
  options: z.union([z.array(z.string().min(1)).min(1), z.record(z.string(), slug)]),
  separator: z.string().min(1).default('┋'),
  dont_know: dontKnow,
});

export const questionSchema = z.strictObject({
  id: slug,
  /** Where the answer is: a CSV header, a Kobo question path ("group_x/q1"), a SurveyJS name or matrix row ("quality.row1"). */
  column: z.string().min(1),
  /** What the question asks, in the words leaders read ("Overall quality of city services"): printed beside its id. */
  label: z.string().min(1).optional(),
  clause: clauseId.optional(),
  scale: z.discriminatedUnion('type', [likertScale, npsScale, multiScale, haochapingScale]),
});

// Where each survey tool puts the response id and the submission time, when the instrument does not say.
const dialectColumns: Record<Dialect, { submitted_at?: string; respondent_id?: string; blank_answers: string[] }> = {
  plain: { blank_answers: [] },
  qualtrics: { submitted_at: 'RecordedDate', respondent_id: 'ResponseId', blank_answers: [] },
  limesurvey: { submitted_at: 'submitdate', respondent_id: 'id', blank_answers: [] },
  // 问卷星 writes (跳过) for a question skipped by the survey's logic and (空) for one left blank.
  wjx: { submitted_at: '提交答卷时间', respondent_id: '序号', blank_answers: ['(跳过)', '(空)', '（跳过）', '（空）'] },
};

export const instrumentSchema = z
  .strictObject({
    id: slug,
    // Optional in the file when the configuration has exactly one community (see loadInstrument).
    community: z.string({ error: 'required: the community id (or a configuration with exactly one community)' }).min(1),
    source: slug.optional(),
    name: z.string().optional(),
    /** How the export is read (format, sheet, encoding, dialect); see config/table-file.ts. */
    file: tableFileKey,
    respondent_id: z.string().optional(),
    /** The column holding submission times, or wave labels when wave_dates is given; the dialect's by default. */
    submitted_at: z.string().min(1).optional(),
    /** Exports without a date column: every row was submitted on this day (in the instrument's zone). */
    submitted_on: day.optional(),
    /** Exports whose submitted_at column names a wave ("3QMAR2022"): the day each wave stands for. */
    wave_dates: z.record(z.string(), day).default({}),
    /** Cell texts that mean "no answer" (on top of a blank cell); the dialect's by default. */
    blank_answers: z.array(z.string()).optional(),
    /** Zone for submission times written without an offset. */
    timezone: timeZoneSchema.default('Asia/Shanghai'),
    /** Pattern of the submission times when they are not ISO or YYYY-MM-DD HH:mm[:ss], e.g. "DD/MM/YYYY HH:mm". */
    date_format: datePattern.optional(),
    segments: z.record(slug, z.string()).default({}),
    questions: z.array(questionSchema).min(1),
  })
  .refine((instrument) => new Set(instrument.questions.map((q) => q.id)).size === instrument.questions.length, {
    message: 'question ids must be unique',
    path: ['questions'],
  })
  .refine((instrument) => instrument.submitted_at === undefined || instrument.submitted_on === undefined, {
    message: 'give either submitted_at (a column) or submitted_on (a fixed day), not both',
    path: ['submitted_at'],
  })
  .refine((instrument) => Object.keys(instrument.wave_dates).length === 0 || instrument.submitted_on === undefined, {
    message: 'wave_dates needs submitted_at, the column holding the wave labels',
    path: ['wave_dates'],
  })
  .transform((instrument) => {
    const dialect = dialectColumns[instrument.file.dialect];
    return {
      ...instrument,
      source: instrument.source ?? `survey-${instrument.id}`,
      // A fixed day replaces the column; otherwise the dialect names it when the instrument does not.
      // Kobo's field when nothing else names it (API pulls and webhooks); a file without it fails naming the column.
      submitted_at: instrument.submitted_on === undefined ? (instrument.submitted_at ?? dialect.submitted_at ?? '_submission_time') : undefined,
      respondent_id: instrument.respondent_id ?? dialect.respondent_id,
      blank_answers: instrument.blank_answers ?? dialect.blank_answers,
    };
  });

export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentQuestion = z.infer<typeof questionSchema>;
export type Scale = InstrumentQuestion['scale'];

export interface InstrumentDefaults {
  /** The community when the file names none (the CLI passes the configured one when there is exactly one). */
  community?: string | undefined;
}

/** Reads a survey instrument YAML file; a bad file fails with its path, the key and the reason. */
export function loadInstrument(file: string, defaults: InstrumentDefaults = {}): Instrument {
  return readYamlFile(file, instrumentSchema, (raw) =>
    defaults.community !== undefined && isObject(raw) && raw.community === undefined ? { ...raw, community: defaults.community } : raw,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids of an instrument's 好差评 questions, whose 差评 open rectification items. */
export function haochapingQuestionIds(instrument: Instrument): string[] {
  return instrument.questions.filter((question) => question.scale.type === 'haochaping').map((question) => question.id);
}
