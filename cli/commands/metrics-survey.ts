import { Command } from 'commander';
import type { Config } from '../../config/schema.ts';
import { surveyComparison } from '../../pipeline/metrics/survey-comparison.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { checkBaselineApart, parsePeriodLabel } from '../../warehouse/read-models/period-label.ts';
import { PeriodError } from '../../warehouse/read-models/period.ts';
import { formatSurveyComparison, formatSurveyMetrics } from '../format-survey-metrics.ts';
import { withWarehouse } from '../warehouse.ts';

interface Options {
  instrument: string;
  by?: string;
  period?: string;
  compare?: string;
  json?: boolean;
}

/** `metrics survey`: per-question figures of an imported instrument, or their change between two periods. */
export function metricsSurveyCommand(loadConfig: () => Config): Command {
  return new Command('survey')
    .description('per question: n, index 0–100 with 95% CI, % satisfied (top-2-box) or NPS with CI; --compare tests the change between periods')
    .requiredOption('--instrument <id>', 'an imported instrument id')
    .option('--by <segment>', 'one row per value of this segment of the instrument')
    .option('--period <period>', 'YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or FROM..TO, in the configured time zone (default: all time)')
    .option('--compare <period>', 'baseline period: change = --period − this, with Welch t / two-proportion z tests at α = 0.05')
    .option('--json', 'print JSON instead of a table', false)
    .action(async (options: Options) => {
      const config = loadConfig();
      const period = options.period === undefined ? undefined : parsePeriodLabel(options.period, '--period');
      const baseline = options.compare === undefined ? undefined : parsePeriodLabel(options.compare, '--compare');
      if (baseline && !period) throw new PeriodError('--compare needs --period, the period to compare with the baseline');
      if (baseline && period) checkBaselineApart(period, baseline, '--compare');
      const common = { instrumentId: options.instrument, by: options.by, timeZone: config.timezone, minCell: config.privacy.min_cell };
      await withWarehouse(config, async (db) => {
        if (period && baseline) {
          const comparison = await surveyComparison(db, { ...common, period, baseline });
          process.stdout.write(options.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatSurveyComparison(comparison));
        } else {
          const metrics = await surveyMetrics(db, { ...common, period });
          process.stdout.write(options.json ? `${JSON.stringify(metrics, null, 2)}\n` : formatSurveyMetrics(metrics));
        }
      });
    });
}
