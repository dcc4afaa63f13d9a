import { Command, Option } from 'commander';
import { alertIndices, readSeriesFile } from '../detect/detect-series.ts';
import { formatTimestamp, SeriesFileError } from '../detect/series-csv.ts';
import { spikeSettingsSchema } from '../../pipeline/scoring/detect/spike-settings.ts';

/**
 * `talentpulse detect FILE.csv [--sensitivity …] [--settings JSON]`: the production spike rule over
 * a `timestamp,value` series, as if each row had arrived live. The last line of stdout is
 * `{"alerts": [timestamps]}`; a summary goes to stderr. A bad row stops it with the file and line.
 */
export function detectCommand(): Command {
  return new Command('detect')
    .description('run the production spike rule over a timestamp,value CSV; the last line is {"alerts": ["YYYY-MM-DD HH:MM:SS", …]}')
    .argument('<file>', 'CSV with a "timestamp,value" header, timestamps like 2014-07-01 00:00:00')
    .addOption(new Option('--sensitivity <level>', 'low / medium / high: 5, 4 or 3 robust σ').choices(['low', 'medium', 'high']))
    .option('--settings <json>', 'other settings as JSON, e.g. \'{"cooldown_minutes":60,"direction":"up"}\'')
    .action((file: string, options: { sensitivity?: string; settings?: string }) => {
      const extra = parseSettingsJson(options.settings);
      const parsed = spikeSettingsSchema.safeParse({ ...extra, ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}) });
      if (!parsed.success) throw new SeriesFileError(`--settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      const points = readSeriesFile(file);
      const alerts = alertIndices(points, parsed.data).map((i) => formatTimestamp((points[i] as { time: number }).time));
      console.error(`${file}: ${points.length} rows, ${alerts.length} alerts`);
      console.log(JSON.stringify({ alerts }));
    });
}

function parseSettingsJson(text: string | undefined): object {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // Reported below with the text itself.
  }
  throw new SeriesFileError(`--settings: expected a JSON object, got ${text}`);
}
