import type { Config, SourceConfig } from '../config/schema.ts';
import type { CrawlReport } from '../collectors/mentions/crawl/crawl-report.ts';
import { type CrawlDeps, crawlSource } from '../collectors/mentions/crawl/crawl-source.ts';
import { emptyCrawlStats } from '../collectors/mentions/crawl/crawl-report.ts';
import { compileKeywordFilter } from '../collectors/mentions/crawl/keyword-rules.ts';
import { createCrawlPorts } from '../collectors/mentions/crawl/ports.ts';
import type { Db } from '../warehouse/database.ts';
import { configuredFetcher } from './configured-fetcher.ts';

/** The fetcher, ports and settings every crawl of this configuration uses. */
export function crawlDeps(config: Config): CrawlDeps {
  const fetcher = configuredFetcher(config);
  return {
    ports: createCrawlPorts(fetcher),
    timeZone: config.timezone,
    pseudonymKey: config.privacy.pseudonym_key,
    nearDuplicate: { days: config.crawl.near_duplicate_days, distance: config.crawl.near_duplicate_distance },
  };
}

/** Parses every source's keyword rules, so a bad expression stops the start naming the source, not a run hours later. */
export function checkSourceRules(sources: readonly SourceConfig[]): void {
  for (const source of sources) compileKeywordFilter(source);
}

/**
 * Crawls every enabled source in turn, whatever its kind. One failing source never stops the
 * others: even an unexpected error becomes that source's failed report.
 */
export async function collectSources(db: Db, config: Config, sources: readonly SourceConfig[], deps: CrawlDeps = crawlDeps(config)): Promise<CrawlReport[]> {
  const reports: CrawlReport[] = [];
  for (const source of sources) {
    if (!source.enabled) continue;
    try {
      reports.push(await crawlSource(db, source, deps));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reports.push({ source_id: source.id, run_id: null, dry_run: false, status: 'failed', stats: emptyCrawlStats(), items: [], error: message });
    }
  }
  return reports;
}
