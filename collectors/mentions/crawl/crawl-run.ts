import type { SourceConfig } from '../../../config/schema.ts';
import type { Db } from '../../../warehouse/database.ts';
import { finishCollectorRun, startCollectorRun } from '../../../warehouse/writers/collector-runs.ts';
import { ensureCommunity } from '../../../warehouse/writers/communities.ts';
import { insertRejects } from '../../../warehouse/writers/rejects.ts';
import { ensureSource, markSourceProducedNew, markSourceSucceeded, updateSourceSettings } from '../../../warehouse/writers/sources.ts';
import { redactPersonalData } from '../../shared/privacy.ts';
import type { CrawlReport, CrawlStats, ItemDecision } from './crawl-report.ts';

/** Records a crawl in collector_runs, rejects and sources; a dry run's recorder writes nothing. */
export interface CrawlRun {
  runId: number | null;
  fail(decision: ItemDecision): Promise<void>;
  finish(stats: CrawlStats, items: ItemDecision[], error?: string): Promise<CrawlReport>;
}

export async function openCrawlRun(db: Db, source: SourceConfig, options: { dryRun: boolean; now: Date }): Promise<CrawlRun> {
  const report = (runId: number | null, stats: CrawlStats, items: ItemDecision[], error?: string): CrawlReport => ({
    source_id: source.id,
    run_id: runId,
    dry_run: options.dryRun,
    status: error ? 'failed' : stats.failed > 0 ? 'partial' : 'ok',
    stats,
    items,
    ...(error ? { error } : {}),
  });
  if (options.dryRun) {
    return { runId: null, fail: () => Promise.resolve(), finish: (stats, items, error) => Promise.resolve(report(null, stats, items, error)) };
  }

  await ensureCommunity(db, { id: source.community });
  await ensureSource(db, { id: source.id, kind: 'mentions', community_id: source.community, name: source.name ?? source.id, location: source.url, reach: source.reach });
  await updateSourceSettings(db, source.id, { enabled: source.enabled, expected_interval_minutes: source.expected_interval_minutes ?? null });
  const runId = await startCollectorRun(db, source.id, options.now);
  return {
    runId,
    async fail(decision) {
      // A URL can carry personal data in its query string, like any text we keep.
      await insertRejects(db, [{ source_id: source.id, run_id: runId, location: redactPersonalData(decision.url), row: null, field: null, value: decision.title, reason: redactPersonalData(decision.reason) }]);
    },
    async finish(stats, items, error) {
      const result = report(runId, stats, items, error);
      const finishedAt = new Date();
      await finishCollectorRun(db, runId, { status: result.status, stats, error, finishedAt });
      if (result.status !== 'failed') await markSourceSucceeded(db, source.id, finishedAt);
      if (stats.new + stats.near_duplicate > 0) await markSourceProducedNew(db, source.id, options.now);
      return result;
    },
  };
}
