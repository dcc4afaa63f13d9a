import { describe, expect, it } from 'vitest';
import { alertIndices } from '../../cli/detect/detect-series.ts';
import { anomalyDir, hasCorpus, loadCorpus } from '../../bench/nab/corpus.ts';
import { scoreCorpus } from '../../bench/nab/score-corpus.ts';
import { GAUSSIAN_THRESHOLD, windowedGaussianScores } from '../../bench/nab/windowed-gaussian.ts';

// Real NAB series from ../shared/data/anomaly (never copied into the repository).
const present = hasCorpus();
if (!present) console.warn(`NAB real-data tests skipped: ${anomalyDir}/windows.json not found`);

describe.skipIf(!present)('the spike rule on real NAB series', () => {
  const corpus = present ? loadCorpus() : [];

  it('reads every series and puts every window on rows of its file', () => {
    expect(corpus).toHaveLength(20);
    expect(corpus.reduce((n, f) => n + f.windows.length, 0)).toBe(47);
    for (const file of corpus) for (const w of file.windows) expect(w.first).toBeLessThan(w.last);
  });

  it('beats the windowed-Gaussian baseline on the EC2 latency failure', () => {
    const file = corpus.filter((f) => f.name === 'realKnownCause/ec2_request_latency_system_failure.csv');
    const ours = scoreCorpus(file, (f) => alertIndices(f.points));
    const gaussian = scoreCorpus(file, (f) => windowedGaussianScores(f.points.map((p) => p.value)).flatMap((s, i) => (s >= GAUSSIAN_THRESHOLD ? [i] : [])));
    expect(ours.score).toBeGreaterThan(gaussian.score);
    expect(ours.fn).toBe(0);
  });

  it('expects the same time of the last two days and weeks, not of yesterday alone: NYC taxi keeps its windows with far fewer false alarms', () => {
    const file = corpus.filter((f) => f.name === 'realKnownCause/nyc_taxi.csv');
    const profile = scoreCorpus(file, (f) => alertIndices(f.points));
    const yesterday = scoreCorpus(file, (f) => alertIndices(f.points, { seasonal_cycles: 1 }));
    expect(profile.fn).toBe(0);
    expect(profile.fp).toBeLessThan(yesterday.fp / 2);
  });

  it('scores at least 75 on the corpus with the defaults (NAB standard profile)', () => {
    expect(scoreCorpus(corpus, (f) => alertIndices(f.points)).score).toBeGreaterThanOrEqual(75);
  });
});
