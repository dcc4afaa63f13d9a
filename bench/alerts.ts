/**
 * `npm run bench:alerts`: the production spike rule (`talentpulse detect` with its defaults, run
 * in-process through the same code path) scored with NAB's standard profile on every series in
 * ../shared/data/anomaly, side by side with NAB's windowed-Gaussian detector at NAB's own
 * threshold. Per file and overall: normalised score, windows detected (TP), detections outside
 * windows (FP), windows missed (FN), and the latency from a window's first row to its first
 * detection. Skips (exit 0) without ../shared.
 */
import { alertIndices } from '../cli/detect/detect-series.ts';
import { anomalyDir, hasCorpus, loadCorpus } from './nab/corpus.ts';
import { scoreCorpus, type CorpusResult, type FileResult } from './nab/score-corpus.ts';
import { GAUSSIAN_THRESHOLD, windowedGaussianScores } from './nab/windowed-gaussian.ts';

if (!hasCorpus()) {
  console.log(`bench:alerts skipped: ${anomalyDir}/windows.json not found (the NAB series live in ../shared/data/anomaly, beside the project)`);
  process.exit(0);
}

const corpus = loadCorpus();
const rows = corpus.reduce((n, f) => n + f.points.length, 0);
const started = performance.now();
const ours = scoreCorpus(corpus, (file) => alertIndices(file.points));
const elapsed = performance.now() - started;
const gaussianStarted = performance.now();
const gaussian = scoreCorpus(corpus, (file) =>
  windowedGaussianScores(file.points.map((p) => p.value)).flatMap((score, i) => (score >= GAUSSIAN_THRESHOLD ? [i] : [])),
);
const gaussianElapsed = performance.now() - gaussianStarted;

const fmt = (n: number) => n.toFixed(1).padStart(6);
const latency = (f: FileResult | CorpusResult) => {
  const values = 'latencies' in f ? f.latencies : [];
  const median = 'medianLatency' in f ? f.medianLatency : values.length > 0 ? [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] : null;
  return median === null || median === undefined ? '     —' : String(Math.round(median)).padStart(6);
};
const counts = (f: { tp: number; fp: number; fn: number }) => `${String(f.tp).padStart(3)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(3)}`;

console.log(`NAB standard profile (A_TP 1, A_FP 0.11, A_FN 1), ${corpus.length} files, ${rows} rows, ${corpus.reduce((n, f) => n + f.windows.length, 0)} windows`);
console.log('latency: median minutes from the first row of a window to its first detection\n');
console.log(`${'file'.padEnd(52)} ${'spike rule'.padEnd(6)}  TP   FP  FN  latency | ${'gauss'.padStart(6)}  TP   FP  FN  latency`);
for (const [k, f] of ours.files.entries()) {
  const g = gaussian.files[k] as FileResult;
  console.log(`${f.name.padEnd(52)} ${fmt(f.score)}  ${counts(f)} ${latency(f)}  | ${fmt(g.score)}  ${counts(g)} ${latency(g)}`);
}
console.log(`${'overall (NAB-normalised over the corpus)'.padEnd(52)} ${fmt(ours.score)}  ${counts(ours)} ${latency(ours)}  | ${fmt(gaussian.score)}  ${counts(gaussian)} ${latency(gaussian)}`);
// Speed as a ratio against the windowed Gaussian measured in the same run (both include NAB scoring).
const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
console.log(`\nspike rule: ${perSecond(elapsed)} rows/s, windowed Gaussian: ${perSecond(gaussianElapsed)} rows/s; ratio ${(gaussianElapsed / elapsed).toFixed(2)}× (one core)`);
