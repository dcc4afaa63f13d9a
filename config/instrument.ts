import { z } from 'zod';
import { timeZoneSchema } from './time-zone.ts';
import { readYamlFile } from './yaml-file.ts';

const slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, dashes and underscores');
const clauseId = z.string().regex(/^(5|6|7|8|9|10)(\.\d+){0,2}$/, 'a clause number of sections 5–10 such as "8.1.2"');
/** Answers that leave the base: matched against the trimmed cell text, so 9 and "9" are the same. */
const dontKnow = z.array(z.union([z.string(), z.number()])).default([]);

const likertScale = z
  .object({
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

const npsScale = z.object({
  type: z.literal('nps'),
  dont_know: dontKnow,
});

export const questionSchema = z.object({
  id: slug,
  /** Where the answer is: a CSV header, a Kobo question path ("group_x/q1"), a SurveyJS name or matrix row ("quality.row1"). */
  column: z.string().min(1),
  clause: clauseId.optional(),
  scale: z.discriminatedUnion('type', [likertScale, npsScale]),
});

export const instrumentSchema = z
  .object({
    id: slug,
    community: z.string().min(1),
    source: slug.optional(),
    name: z.string().optional(),
    respondent_id: z.string().optional(),
    /** The field holding the submission time; Kobo's own by default. */
    submitted_at: z.string().min(1).default('_submission_time'),
    /** How exports of this instrument are read: CSV by default, SurveyJS JSON results (array or NDJSON). */
    file: z.object({ format: z.enum(['csv', 'surveyjs']).default('csv') }).optional(),
    /** Zone for submission times written without an offset. */
    timezone: timeZoneSchema.default('Asia/Shanghai'),
    segments: z.record(slug, z.string()).default({}),
    questions: z.array(questionSchema).min(1),
  })
  .refine((instrument) => new Set(instrument.questions.map((q) => q.id)).size === instrument.questions.length, {
    message: 'question ids must be unique',
    path: ['questions'],
  })
  .transform((instrument) => ({ ...instrument, source: instrument.source ?? `survey-${instrument.id}` }));

export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentQuestion = z.infer<typeof questionSchema>;
export type Scale = InstrumentQuestion['scale'];

/** Reads a survey instrument YAML file; a bad file fails with its path, the key and the reason. */
export function loadInstrument(file: string): Instrument {
  return readYamlFile(file, instrumentSchema);
}
