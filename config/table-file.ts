import iconv from 'iconv-lite';
import { z } from 'zod';

/**
 * Survey tools whose exports have conventions of their own: extra header rows (Qualtrics), headers
 * that carry a question number or code before the text (问卷星 "3、题干", LimeSurvey "Q1. text"),
 * and the columns that hold the response id and submission time.
 */
export const dialects = ['plain', 'qualtrics', 'limesurvey', 'wjx'] as const;
export type Dialect = (typeof dialects)[number];

/** How an export file is read: the `file:` block of an instrument or ticket mapping. */
export const tableFileSchema = z
  .object({
    /** auto: .xlsx/.xlsm names and zip bytes are Excel, anything else CSV. */
    format: z.enum(['auto', 'csv', 'xlsx', 'surveyjs']).default('auto'),
    /** Excel only: the sheet's name or its position from 1; the first sheet by default. */
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
    /** CSV only: auto reads a BOM, then valid UTF-8, then asks a detector (GBK, GB18030, Big5…). */
    encoding: z
      .string()
      .default('auto')
      .refine((name) => name === 'auto' || iconv.encodingExists(name), { message: 'auto or an encoding name such as utf-8, gbk, gb18030, big5' }),
    /** CSV only: auto picks whichever of , ; and tab splits the first line most. */
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    dialect: z.enum(dialects).default('plain'),
    /** Rows before the data; the first names the columns, the others give each column more names. Qualtrics: 3. */
    header_rows: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .transform(({ header_rows, ...file }) => ({ ...file, header_rows: header_rows ?? (file.dialect === 'qualtrics' ? 3 : 1) }));

/** The `file:` key of a config; omitted, the file is sniffed and read as a plain export. */
export const tableFileKey = tableFileSchema.prefault({});

export type TableFile = z.infer<typeof tableFileSchema>;
