/**
 * `npx tsx bench/tune-alerts.ts '{"sigma":4}' '{"sigma":5}' …`: the NAB corpus score of the spike
 * rule under each settings override (on top of the defaults), one line each, with the worst files.
 * How the defaults were chosen (README); single process, so it is safe on a shared machine.
 */
import { alertIndices } from '../cli/detect/detect-series.ts';
import type { SpikeSettingsInput } from '../pipeline/scoring/detect/spike-settings.ts';
import { anomalyDir, hasCorpus, loadCorpus } from './nab/corpus.ts';
import { scoreCorpus } from './nab/score-corpus.ts';

if (!hasCorpus()) {
  console.log(`tune-alerts skipped: ${anomalyDir}/windows.json not found`);
  process.exit(0);
}
const corpus = loadCorpus();
const args = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['{}'];
for (const arg of args) {
  const settings = JSON.parse(arg) as SpikeSettingsInput;
  const result = scoreCorpus(corpus, (file) => alertIndices(file.points, settings));
  const worst = [...result.files].sort((a, b) => a.score - b.score).slice(0, 4).map((f) => `${f.name.split('/')[1]?.slice(0, 18)} ${f.score.toFixed(0)}`);
  if (args.length === 1) for (const f of result.files) console.log(`  ${f.name.padEnd(56)} ${f.score.toFixed(1).padStart(6)}  tp ${f.tp} fp ${f.fp} fn ${f.fn}`);
  console.log(`${result.score.toFixed(1).padStart(6)}  tp ${result.tp} fp ${result.fp} fn ${result.fn}  ${arg}  worst: ${worst.join(', ')}`);
}
