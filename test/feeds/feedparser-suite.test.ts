import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from '../../config/paths.ts';
import { decodeShare, listFiles, runSuite } from '../../bench/feeds/run-suite.ts';

const feedsDir = resolve(projectDir, '../shared/data/feeds');
const present = existsSync(resolve(feedsDir, 'feedparser-tests'));
if (!present) console.warn(`feedparser suite test skipped: ${feedsDir} not found`);

// Real data written by others: guards the measured figures (npm run bench:feeds) against regressions.
describe.skipIf(!present)('feedparser test suite (real data)', () => {
  it('satisfies at least 95% of the applicable path == literal expectations', () => {
    const report = runSuite(resolve(feedsDir, 'feedparser-tests'));
    expect(report.overall.total).toBeGreaterThan(700);
    expect(report.overall.passed / report.overall.total).toBeGreaterThanOrEqual(0.95);
    // Well-formed feeds the suite says are fine must not be flagged.
    expect(report.notBozo.passed / report.notBozo.total).toBeGreaterThanOrEqual(0.95);
  });

  it('decodes every real Big5 feed without replacement characters', () => {
    const decoded = decodeShare(listFiles(resolve(feedsDir, 'chardet-big5')));
    expect(decoded.withReplacement).toEqual([]);
    expect(decoded.files).toBeGreaterThan(20);
  });
});
