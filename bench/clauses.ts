/**
 * Clause classification measured on our labelled set (test/fixtures/clauses/labelled.yaml):
 * the plain keyword tagger against the learned classifier, trained here on the training part
 * and scored on the held-out part it never saw; then 5-fold cross-validation over the whole set
 * as a steadier second figure; then throughput. Run with `npm run bench:clauses`.
 */
import { performance } from 'node:perf_hooks';
import { createClauseClassifier } from '../pipeline/scoring/clause-classifier.ts';
import { evaluate, type Evaluation, type Scores } from '../pipeline/scoring/clause-evaluation.ts';
import { foldOf, type LabelledItem } from '../pipeline/scoring/clause-labelled.ts';
import { trainClauseModel } from '../pipeline/scoring/clause-training.ts';
import { createClauseTagger } from '../pipeline/scoring/clauses.ts';
import { loadClauseData } from '../scripts/clause-data.ts';

const { clauses, items, train, heldOut } = loadClauseData();
const keywords = createClauseTagger(clauses);

const f = (x: number) => x.toFixed(2);
const prf = (s: { precision: number; recall: number; f1: number }) => `${f(s.precision)} ${f(s.recall)} ${f(s.f1)}`;

function run(tag: (text: string) => string[], set: readonly LabelledItem[]) {
  return set.map((item) => ({ expected: item.clauses, predicted: tag(item.text) }));
}

function table(title: string, left: Evaluation, right: Evaluation): void {
  console.log(`\n${title}`);
  console.log(`${'group'.padEnd(8)} ${'n'.padStart(3)}   keywords P R F1     classifier P R F1`);
  const groups = [...new Set([...left.groups.keys(), ...right.groups.keys()])].sort((a, b) => Number(a.split('.')[0]) - Number(b.split('.')[0]) || a.localeCompare(b));
  const empty: Scores = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 };
  for (const g of groups) {
    const l = left.groups.get(g) ?? empty;
    const r = right.groups.get(g) ?? empty;
    console.log(`${g.padEnd(8)} ${String(l.tp + l.fn).padStart(3)}   ${prf(l)}         ${prf(r)}`);
  }
  console.log(`${'micro'.padEnd(8)} ${String(left.micro.tp + left.micro.fn).padStart(3)}   ${prf(left.micro)}         ${prf(right.micro)}`);
  console.log(`${'macro'.padEnd(8)} ${''.padStart(3)}   ${prf(left.macro)}         ${prf(right.macro)}   (over ${left.macro.clauses} / ${right.macro.clauses} clauses)`);
  console.log(`none-of-them texts left untagged: keywords ${left.noneCorrect}/${left.noneTotal}, classifier ${right.noneCorrect}/${right.noneTotal}`);
  console.log(`exact tag set: keywords ${f(left.exactMatch)}, classifier ${f(right.exactMatch)}`);
}

console.log(`labelled set: ${items.length} texts (${train.length} training, ${heldOut.length} held out), catalogue of ${clauses.length} clauses`);
const model = trainClauseModel(clauses, train);
const classifier = createClauseClassifier(clauses, model);
const heldOutKeywords = evaluate(run(keywords, heldOut));
const heldOutClassifier = evaluate(run(classifier.tag, heldOut));
table('held-out part (precision recall F1 per clause group; n = labelled tags)', heldOutKeywords, heldOutClassifier);

if (process.argv.includes('--errors')) {
  console.log('\nheld-out errors of the classifier:');
  for (const item of heldOut) {
    const got = classifier.tag(item.text);
    if (got.join() !== item.clauses.join()) console.log(`  ${JSON.stringify(item.clauses)} → ${JSON.stringify(got)}  keywords ${JSON.stringify(keywords(item.text))}  ${item.text}`);
  }
}

const k = 5;
const cvPairs: { expected: string[]; predicted: string[] }[] = [];
for (let fold = 0; fold < k; fold += 1) {
  const fit = createClauseClassifier(clauses, trainClauseModel(clauses, items.filter((i) => foldOf(i, k) !== fold)));
  for (const item of items.filter((i) => foldOf(i, k) === fold)) cvPairs.push({ expected: item.clauses, predicted: fit.tag(item.text) });
}
table(`${k}-fold cross-validation over all ${items.length} texts`, evaluate(run(keywords, items)), evaluate(cvPairs));

const texts = items.map((i) => i.text);
function throughput(tag: (text: string) => unknown): number {
  for (const t of texts) tag(t);
  const rounds = 200;
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const t of texts) tag(t);
  return (rounds * texts.length) / ((performance.now() - start) / 1000);
}
console.log(`\nthroughput (one core, texts/s): keywords ${Math.round(throughput(keywords))}, classifier ${Math.round(throughput(classifier.tag))}`);
