import type { CorpusFile } from './corpus.ts';
import { normalisedScore, scoreFile, type FileScore } from './nab-score.ts';

export interface FileResult extends FileScore {
  name: string;
  score: number;
  /** Per detected window: minutes from the window's first row to its first detection. */
  latencies: number[];
}

export interface CorpusResult {
  files: FileResult[];
  /** NAB's corpus figure: raw, null and perfect summed over the files, then normalised. */
  score: number;
  tp: number;
  fp: number;
  fn: number;
  /** Median over all detected windows, minutes. */
  medianLatency: number | null;
}

/** Scores one detector (file → alert rows) over the corpus. */
export function scoreCorpus(corpus: readonly CorpusFile[], detect: (file: CorpusFile) => number[]): CorpusResult {
  const files = corpus.map((file): FileResult => {
    const result = scoreFile(file.points.length, detect(file), file.windows);
    const latencies = result.firstDetection.flatMap((row, k) => {
      const window = file.windows[k];
      if (row === null || !window) return [];
      return [((file.points[row]?.time ?? 0) - (file.points[window.first]?.time ?? 0)) / 60_000];
    });
    return { ...result, name: file.name, score: normalisedScore(result), latencies };
  });
  const sum = (pick: (f: FileResult) => number) => files.reduce((total, f) => total + pick(f), 0);
  const all = files.flatMap((f) => f.latencies).sort((a, b) => a - b);
  return {
    files,
    score: normalisedScore({ raw: sum((f) => f.raw), nullScore: sum((f) => f.nullScore), perfect: sum((f) => f.perfect) }),
    tp: sum((f) => f.tp),
    fp: sum((f) => f.fp),
    fn: sum((f) => f.fn),
    medianLatency: all.length > 0 ? (all[Math.floor((all.length - 1) / 2)] ?? null) : null,
  };
}
