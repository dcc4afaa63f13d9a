import { resolve } from 'node:path';
import { loadClauses } from '../config/clauses.ts';
import { projectDir } from '../config/paths.ts';
import { readYamlFile } from '../config/yaml-file.ts';
import { labelledSetSchema, splitLabelled, type LabelledItem } from '../pipeline/scoring/clause-labelled.ts';

/** Our labelled clause set; training reads its training part, tests and the bench the held-out part. */
export const labelledFile = resolve(projectDir, 'test/fixtures/clauses/labelled.yaml');

/** Where `npm run train:clauses` writes the weights the scorer ships with. */
export const modelFile = resolve(projectDir, 'pipeline/scoring/clause-model.json');

export function loadClauseData() {
  const clauses = loadClauses();
  const items: LabelledItem[] = readYamlFile(labelledFile, labelledSetSchema).items;
  const known = new Set(clauses.map((c) => c.id));
  for (const item of items) {
    for (const id of item.clauses) if (!known.has(id)) throw new Error(`${labelledFile}: "${item.text}" is labelled ${id}, which is not in the clause catalogue`);
  }
  return { clauses, items, ...splitLabelled(items) };
}
