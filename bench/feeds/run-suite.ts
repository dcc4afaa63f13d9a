import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeBody } from '../../collectors/http/charset.ts';
import { parseFeed, type ParsedFeed } from '../../collectors/mentions/feeds/index.ts';
import { judge, type Outcome } from './check-map.ts';
import { readSuiteCase } from './suite-file.ts';

export interface Tally {
  passed: number;
  total: number;
}

export interface Failure {
  file: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface SuiteReport {
  files: number;
  filesWithoutExpect: number;
  overall: Tally;
  /** Of `overall`, the checks whose expected HTML was compared as its text. */
  comparedAsText: Tally;
  byFolder: Map<string, Tally>;
  notApplicable: Map<string, number>;
  failuresByCause: Map<string, Failure[]>;
  /** `bozo` expectations: we pass when we warn or throw. */
  bozo: Tally;
  /** `not bozo` expectations: we pass when we neither warn nor throw. */
  notBozo: Tally;
}

// feedparser's own test server; suite files without a Content-Location header expect links relative to it.
const SUITE_BASE = 'http://127.0.0.1:8097/tests/';

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

const bump = (tally: Tally, ok: boolean) => {
  tally.total++;
  if (ok) tally.passed++;
};

export function runSuite(suiteDir: string): SuiteReport {
  const report: SuiteReport = {
    files: 0,
    filesWithoutExpect: 0,
    overall: { passed: 0, total: 0 },
    comparedAsText: { passed: 0, total: 0 },
    byFolder: new Map(),
    notApplicable: new Map(),
    failuresByCause: new Map(),
    bozo: { passed: 0, total: 0 },
    notBozo: { passed: 0, total: 0 },
  };
  for (const path of listFiles(suiteDir)) {
    report.files++;
    const file = relative(suiteDir, path);
    const bytes = readFileSync(path);
    const suiteCase = readSuiteCase(bytes);
    if (!suiteCase) {
      report.filesWithoutExpect++;
      continue;
    }
    const folder = file.split('/').slice(0, file.startsWith('wellformed/') ? 2 : 1).join('/');
    // A relative Content-Location is relative to the request URL, as an HTTP client would resolve it.
    // An unsafe one (javascript:, data:) is ignored.
    const location = suiteCase.headers['content-location'] ?? '';
    const url = new URL(/^(javascript|data|vbscript):/i.test(location) ? '' : location, `${SUITE_BASE}${file}`).href;
    let result: ParsedFeed | Error;
    try {
      result = parseFeed(decodeBody(bytes, suiteCase.headers['content-type']).text, { url });
    } catch (error) {
      result = error as Error;
    }
    const troubled = result instanceof Error || result.warnings.length > 0;
    for (const clause of suiteCase.clauses) {
      let outcome: Outcome;
      if (clause.kind === 'truthy' && clause.path.length === 1 && clause.path[0] === 'bozo') {
        bump(clause.negated ? report.notBozo : report.bozo, clause.negated ? !troubled : troubled);
        continue;
      } else if (clause.kind === 'eq') outcome = judge(clause, result);
      else outcome = { status: 'not-applicable', reason: clause.kind === 'truthy' ? 'truth test, not path == literal' : 'not of the path == literal form' };

      if (outcome.status === 'not-applicable') {
        report.notApplicable.set(outcome.reason, (report.notApplicable.get(outcome.reason) ?? 0) + 1);
        continue;
      }
      const ok = outcome.status === 'pass';
      bump(report.overall, ok);
      if (outcome.asText) bump(report.comparedAsText, ok);
      const tally = report.byFolder.get(folder) ?? { passed: 0, total: 0 };
      report.byFolder.set(folder, tally);
      bump(tally, ok);
      if (!ok) {
        const cause = outcome.cause ?? 'unknown';
        const list = report.failuresByCause.get(cause) ?? [];
        report.failuresByCause.set(cause, list);
        list.push({ file, field: outcome.field, expected: outcome.expected, actual: outcome.actual });
      }
    }
  }
  return report;
}

export interface DecodeReport {
  files: number;
  clean: number;
  withReplacement: string[];
}

/** Share of files that decode without U+FFFD, with the suite's simulated Content-Type when it has one. */
export function decodeShare(files: string[]): DecodeReport {
  const report: DecodeReport = { files: 0, clean: 0, withReplacement: [] };
  for (const path of files) {
    const bytes = readFileSync(path);
    const contentType = readSuiteCase(bytes)?.headers['content-type'];
    report.files++;
    if (decodeBody(bytes, contentType).text.includes('\uFFFD')) report.withReplacement.push(path);
    else report.clean++;
  }
  return report;
}
