/**
 * Trains the clause classifier on the training part of test/fixtures/clauses/labelled.yaml and the
 * catalogue keywords, and writes pipeline/scoring/clause-model.json. Deterministic: the same
 * inputs give the same file. Run with `npm run train:clauses` after changing either.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectDir } from '../config/paths.ts';
import { trainClauseModel } from '../pipeline/scoring/clause-training.ts';
import { loadClauseData, modelFile } from './clause-data.ts';

const { clauses, train, heldOut } = loadClauseData();
const model = trainClauseModel(clauses, train);
writeFileSync(modelFile, `${JSON.stringify(model, null, 1)}\n`);
const features = Object.values(model.clauses).reduce((n, c) => n + Object.keys(c.features ?? {}).length, 0);
console.log(`${relative(projectDir, modelFile)}: ${model.version}, trained on ${train.length} texts (${heldOut.length} held out), ${Object.keys(model.clauses).length} clauses, ${features} feature weights`);
