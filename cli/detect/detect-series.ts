import { readFileSync } from 'node:fs';
import { createSpikeDetector } from '../../pipeline/scoring/detect/spike-detector.ts';
import type { SpikeSettingsInput } from '../../pipeline/scoring/detect/spike-settings.ts';
import { parseSeriesCsv, SeriesFileError, type SeriesPoint } from './series-csv.ts';

/** Indices of the points where the production spike rule alerts, run in order over the series. */
export function alertIndices(points: readonly SeriesPoint[], settings: SpikeSettingsInput = {}): number[] {
  const detector = createSpikeDetector(settings);
  const alerts: number[] = [];
  for (const [i, point] of points.entries()) if (detector.push(point.time, point.value).alert) alerts.push(i);
  return alerts;
}

/** Reads a `timestamp,value` file; the one code path of `talentpulse detect` and `bench:alerts`. */
export function readSeriesFile(file: string): SeriesPoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeriesFileError(`${file}: cannot read the series (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseSeriesCsv(text, file);
}
