import { Command, Option } from 'commander';
import type { Config } from '../../config/schema.ts';
import { ticketKpiReport } from '../../pipeline/steps/ticket-kpi-report.ts';
import { kpiDimensions, type KpiDimension } from '../../pipeline/scoring/ticket-kpis.ts';
import { parsePeriod } from '../../warehouse/read-models/period.ts';
import { parsePeriodSpec } from '../../warehouse/read-models/period-spec.ts';
import { formatTicketKpis } from '../format-ticket-kpis.ts';
import { checkCommunity } from '../known-community.ts';
import { withWarehouse } from '../warehouse.ts';

interface Options {
  by?: KpiDimension;
  period?: string;
  community?: string;
  json: boolean;
}

/** `talentpulse metrics tickets`: hotline and service-desk KPIs with their data-quality counts. */
export function metricsTicketsCommand(loadConfig: () => Config): Command {
  return new Command('tickets')
    .description('hotline / service-desk KPIs: volume, 办结率, 按时办结率, 满意率, reopen rate, response and resolution times, backlog, data quality')
    .addOption(new Option('--by <field>', 'one row per value of this field').choices([...kpiDimensions]))
    .option('--period <period>', '2017, 2017-Q1, 2017-03, 2017-03-05 or FROM..TO of those (default: the last twelve months)')
    .option('--community <id>', 'one community only')
    .option('--json', 'print the figures as JSON', false)
    .action(async (options: Options) => {
      const config = loadConfig();
      checkCommunity(config, options.community, '--community');
      const period = options.period ? parsePeriodSpec(options.period) : parsePeriod({}, config.timezone);
      await withWarehouse(config, async (db) => {
        const report = await ticketKpiReport(db, config, { period, by: options.by, communityId: options.community });
        console.log(options.json ? JSON.stringify(report, null, 2) : formatTicketKpis(report));
      });
    });
}
