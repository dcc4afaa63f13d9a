/**
 * Feed parsing measured against feedparser's test suite and real Big5 feeds in ../shared/data.
 * Run with `npm run bench:feeds`; skips (exit 0) with a message when the shared data is absent.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { projectDir } from '../config/paths.ts';
import { decodeShare, listFiles, runSuite, type Tally } from './feeds/run-suite.ts';

const dataDir = resolve(projectDir, '../shared/data');
const suiteDir = resolve(dataDir, 'feeds/feedparser-tests');
const big5Dir = resolve(dataDir, 'feeds/chardet-big5');

if (!existsSync(suiteDir)) {
  console.log(`bench:feeds skipped: ${suiteDir} not found (the shared data lives beside the project, not in it)`);
  process.exit(0);
}

const pct = ({ passed, total }: Tally) => (total === 0 ? 'n/a' : `${((100 * passed) / total).toFixed(1)}% (${passed}/${total})`);
const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : JSON.stringify(value));

const report = runSuite(suiteDir);
console.log(`feedparser suite: ${report.files} files (${report.filesWithoutExpect} without an Expect line)`);
console.log(`\napplicable path == literal expectations satisfied: ${pct(report.overall)}`);
console.log(`  of which HTML-valued, compared as text: ${pct(report.comparedAsText)}`);
for (const [folder, tally] of [...report.byFolder].sort()) console.log(`  ${folder.padEnd(28)} ${pct(tally)}`);
console.log(`\nbozo expectations (we warn or throw): ${pct(report.bozo)}`);
console.log(`not-bozo expectations (no warning, no error): ${pct(report.notBozo)}`);

console.log('\nnot applicable:');
const notApplicable = [...report.notApplicable].sort((a, b) => b[1] - a[1]);
for (const [reason, count] of notApplicable.slice(0, 25)) console.log(`  ${String(count).padStart(5)}  ${reason}`);
const rest = notApplicable.slice(25).reduce((sum, [, count]) => sum + count, 0);
if (rest > 0) console.log(`  ${String(rest).padStart(5)}  (${notApplicable.length - 25} other reasons)`);

console.log('\nfailures by cause:');
for (const [cause, failures] of [...report.failuresByCause].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${failures.length}  ${cause}`);
  const limit = process.argv.includes('--all') ? failures.length : 4;
  for (const f of failures.slice(0, limit)) console.log(`      ${f.file}: expected ${show(f.expected)}, got ${show(f.actual)}`);
}

console.log('\ndecoding without U+FFFD (decodeBody):');
for (const [label, dir] of [['chardet-big5', big5Dir], ['feedparser-tests/encoding', resolve(suiteDir, 'encoding')]] as const) {
  if (!existsSync(dir)) {
    console.log(`  ${label}: skipped, ${dir} not found`);
    continue;
  }
  const decoded = decodeShare(listFiles(dir));
  console.log(`  ${label.padEnd(28)} ${pct({ passed: decoded.clean, total: decoded.files })}`);
  for (const path of decoded.withReplacement) console.log(`      replacement characters in ${relative(dataDir, path)}`);
}
