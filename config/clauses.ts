import { resolve } from 'node:path';
import { z } from 'zod';
import { configDir } from './paths.ts';
import { readYamlFile } from './yaml-file.ts';

export const clauseSchema = z.object({
  /** The clause number in DB3701/T 0004—2019, e.g. "8.1.2"; section 9.2 goes four levels deep ("9.2.1.1"). */
  id: z.string().regex(/^(5|6|7|8|9|10)(\.\d+){0,3}$/, 'a clause number of sections 5–10 such as "8.1.2" or "9.2.1.1"'),
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  keywords_zh: z.array(z.string()).default([]),
  keywords_en: z.array(z.string()).default([]),
  /** Which metrics evidence this clause (survey, servicedesk, mentions). */
  evidence: z.array(z.enum(['survey', 'servicedesk', 'mentions'])).default([]),
});

export const clauseCatalogueSchema = z.object({
  standard: z.string(),
  clauses: z.array(clauseSchema).min(1),
});

export type Clause = z.infer<typeof clauseSchema>;

export function loadClauses(file = resolve(configDir, 'clauses.yaml')): readonly Clause[] {
  return Object.freeze(readYamlFile(file, clauseCatalogueSchema).clauses);
}
