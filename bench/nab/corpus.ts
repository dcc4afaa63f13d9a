import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDir } from '../../config/paths.ts';
import { readSeriesFile } from '../../cli/detect/detect-series.ts';
import { formatTimestamp, parseTimestamp, type SeriesPoint } from '../../cli/detect/series-csv.ts';
import type { RowWindow } from './nab-score.ts';

/** The NAB series in ../shared/data/anomaly, beside the project (never copied into it). */
export const anomalyDir = resolve(projectDir, '../shared/data/anomaly');

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface CorpusFile {
  /** As keyed in windows.json: "realKnownCause/nyc_taxi.csv". */
  name: string;
  path: string;
  points: SeriesPoint[];
  windows: RowWindow[];
}

export function hasCorpus(dir = anomalyDir): boolean {
  return existsSync(join(dir, 'windows.json'));
}

/**
 * Every labelled series with its windows as row ranges. NAB enters a window on the row whose
 * timestamp equals the window's start and leaves it on the row equal to its end, so both ends
 * must be rows of the file; anything else is an error naming the file, not a silently empty window.
 */
export function loadCorpus(dir = anomalyDir): CorpusFile[] {
  const labels = JSON.parse(readFileSync(join(dir, 'windows.json'), 'utf8')) as Record<string, Array<[string, string]>>;
  const listed = new Set(Object.keys(labels));
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(dir, folder.name)).filter((f) => f.endsWith('.csv'))) {
      if (!listed.has(`${folder.name}/${file}`)) throw new CorpusError(`${folder.name}/${file} has no entry in windows.json`);
    }
  }
  return Object.entries(labels).map(([name, limits]) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new CorpusError(`windows.json names ${name}, which is not in ${dir}`);
    const points = readSeriesFile(path);
    const rowOf = (stamp: string): number => {
      const time = parseTimestamp(stamp);
      const row = points.findIndex((p) => p.time === time);
      if (row < 0) throw new CorpusError(`${name}: window limit "${stamp}" is not a row of the file`);
      return row;
    };
    const windows = limits.map(([start, end]) => ({ first: rowOf(start), last: rowOf(end) }));
    return { name, path, points, windows };
  });
}

export { formatTimestamp };
