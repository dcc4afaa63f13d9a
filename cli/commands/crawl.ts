import { Command } from 'commander';
import { ConfigError } from '../../config/errors.ts';
import type { Config } from '../../config/schema.ts';
import { crawlSource } from '../../collectors/mentions/crawl/crawl-source.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { crawlDeps } from '../collect-sources.ts';
import { withConfiguredSources } from '../configured-sources.ts';
import { formatCrawlReport, formatDecision } from '../format-crawl.ts';
import { withWarehouse } from '../warehouse.ts';

/** `talentpulse crawl SOURCE [--dry-run]`: one source now, with each item's decision and the run's stats. */
export function crawlCommand(loadConfig: () => Config): Command {
  return new Command('crawl')
    .description('crawl one source now and show what was kept or dropped and why (--dry-run stores nothing)')
    .argument('<source>', 'a source id from the configuration')
    .option('--dry-run', 'fetch and decide, but write nothing to the warehouse', false)
    .action(async (sourceId: string, options: { dryRun: boolean }) => {
      const config = loadConfig();
      await withConfiguredSources(config, async (sources) => {
        const source = sources.find((s) => s.id === sourceId);
        if (!source) throw new ConfigError(`sources: no source "${sourceId}" (known: ${sources.map((s) => s.id).join(', ') || 'none'})`);
        await withWarehouse(config, async (db) => {
          if (!options.dryRun) for (const community of config.communities) await ensureCommunity(db, community);
          const report = await crawlSource(db, source, crawlDeps(config), { dryRun: options.dryRun });
          for (const item of report.items) console.log(formatDecision(item));
          console.log(formatCrawlReport(report));
          if (report.error) process.exitCode = 1;
        });
      });
    });
}
