import { type Clause, loadClauses } from '../config/clauses.ts';
import type { Config, SourceConfig } from '../config/schema.ts';
import { purgeExpiredSessions } from '../warehouse/auth/sessions.ts';
import { createScheduler, type Job, type Scheduler } from '../collectors/scheduler/scheduler.ts';
import { createApp } from '../dashboard/app.ts';
import { checkAlerts } from '../pipeline/steps/check-alerts.ts';
import { openRectifications } from '../pipeline/steps/open-rectifications.ts';
import { workingCalendarOf } from '../config/working-time.ts';
import { rollUp } from '../pipeline/steps/roll-up.ts';
import { runPipeline } from '../pipeline/steps/run-pipeline.ts';
import { scoreRecords } from '../pipeline/steps/score-records.ts';
import { describeDatabase, type Db } from '../warehouse/database.ts';
import { ensureCommunity } from '../warehouse/writers/communities.ts';
import { crawlSource } from '../collectors/mentions/crawl/crawl-source.ts';
import { type ApiSource, apiSources, pullApiSources } from './api-sources.ts';
import { checkSourceRules, collectSources, crawlDeps } from './collect-sources.ts';
import { loadDemoContent } from './demo/demo-content.ts';
import { startDemoSite, type DemoSite } from './demo/demo-site.ts';
import { demoSources, loadDemo } from './demo/load-demo.ts';
import { formatCrawlReport } from './format-crawl.ts';
import { formatSummary } from './format-summary.ts';
import { databaseOptions, openWarehouse } from './warehouse.ts';
import { ensureWebBuilt } from '../dashboard/web-build.ts';
import { notificationJobs } from '../dashboard/notifications/jobs.ts';

export interface Running {
  url: string;
  db: Db;
  /** Stops cron, closes the server and the demo site, then the database. */
  stop(): Promise<void>;
}

export interface BootOptions {
  log?: (message: string) => void;
  buildWeb?: boolean;
  now?: Date;
}

/**
 * The main job: migrate, load the demo when enabled, collect, score, roll up, check alerts,
 * start the scheduler and serve the dashboard.
 */
export async function boot(config: Config, options: BootOptions = {}): Promise<Running> {
  const log = options.log ?? ((message: string) => console.log(message));
  const clauses = loadClauses();
  log(`talentpulse: ${describeDatabase(databaseOptions(config))}`);
  const db = await openWarehouse(config);
  let site: DemoSite | undefined;
  let scheduler: Scheduler | undefined;
  let dashboard: ReturnType<typeof createApp> | undefined;
  const stop = async () => {
    await scheduler?.stop();
    await dashboard?.stop();
    await site?.close();
    await db.destroy();
  };
  try {
    for (const community of config.communities) await ensureCommunity(db, community);
    const sources: SourceConfig[] = [...config.sources];
    if (config.demo.enabled && config.communities[0]) {
      const content = loadDemoContent();
      site = await startDemoSite(content, options.now, config.demo.site_port);
      sources.push(...demoSources(content, site, config.communities[0].id));
      log(`demo site serving feeds at ${site.url}`);
      for (const summary of await loadDemo(db, config)) log(`imported ${formatSummary(summary)}`);
    }
    checkSourceRules(sources);
    for (const report of await collectSources(db, config, sources)) log(`collected ${formatCrawlReport(report)}`);
    const apis = apiSources(config);
    for (const summary of await pullApiSources(db, apis)) log(`pulled ${formatSummary(summary)}`);
    const outcome = await runPipeline(db, config, clauses, options.now ? { now: options.now } : {});
    log(`scored ${outcome.scored.scored} records (${outcome.scored.scorer_version}), ${outcome.rollup_rows} rollup rows, ${outcome.rectifications_opened} 差评 rectifications opened`);
    for (const check of outcome.spike_checks) log(`alert check ${check.community_id}: ${check.reason}${check.alert_id ? ` → alert #${check.alert_id}` : ''}`);
    for (const alert of outcome.alerts.filter((a) => a.alert_id !== null)) log(`alert ${alert.rule} (${alert.grade}) → alert #${alert.alert_id}, incident #${alert.incident_id}`);

    scheduler = createScheduler(db, scheduledJobs(config, clauses, sources, apis), { timezone: config.timezone, log: { info: log, error: log } });
    if (config.scheduler.enabled) scheduler.start();
    if (options.buildWeb ?? true) await ensureWebBuilt(log);
    dashboard = createApp(config, db, { clauses });
    const { url } = await dashboard.start(config.server.port);
    return { url, db, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function scheduledJobs(config: Config, clauses: readonly Clause[], sources: SourceConfig[], apis: readonly ApiSource[]): Job[] {
  const s = config.scheduler;
  const deps = crawlDeps(config);
  const calendar = workingCalendarOf(config);
  // One job per source on its own schedule; the job's advisory lock keeps two instances from crawling it at once.
  const crawls: Job[] = sources
    .filter((source) => source.enabled)
    .map((source) => ({
      name: `crawl:${source.id}`,
      cron: source.schedule,
      setting: `sources (id ${source.id}).schedule`,
      run: async (db) => {
        const report = await crawlSource(db, source, deps);
        return { status: report.status, ...report.stats, ...(report.error ? { error: report.error } : {}) };
      },
    }));
  // API sources likewise: one job each, so a slow form never delays a desk's pull.
  const pulls: Job[] = apis.map((api) => ({ name: `pull:${api.id}`, cron: api.schedule, setting: api.setting, run: (db) => api.pull(db) }));
  return [
    ...crawls,
    ...pulls,
    { name: 'score', cron: s.score, setting: 'scheduler.score', run: (db) => scoreRecords(db, clauses) },
    // Late records land in the recent past; a week back covers them without rebuilding all history.
    { name: 'rollup', cron: s.rollup, setting: 'scheduler.rollup', run: (db) => rollUp(db, config, { days: 7 }) },
    {
      name: 'alerts',
      cron: s.alerts,
      setting: 'scheduler.alerts',
      run: async (db) => {
        const { opened } = await openRectifications(db, config, calendar);
        const checks = [];
        for (const community of config.communities) checks.push(await checkAlerts(db, config, community.id));
        return { rectifications_opened: opened, checks: checks.map((c) => ({ community: c.spike.community_id, spike: c.spike.alert_id, raised: c.alerts.filter((a) => a.alert_id !== null).length })) };
      },
    },
    ...notificationJobs(config),
    { name: 'housekeeping', cron: s.housekeeping, setting: 'scheduler.housekeeping', run: async (db) => ({ sessions_purged: await purgeExpiredSessions(db) }) },
  ];
}
