// The scorer (its language detector loads for a second or two) is imported by the commands that score, not by every command.
import { Command, Option } from 'commander';
import { loadClauses } from '../config/clauses.ts';
import { ConfigError } from '../config/errors.ts';
import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { audit } from '../warehouse/auth/audit.ts';
import { ensureUser, findUser } from '../warehouse/auth/users.ts';
import { createDb } from '../warehouse/database.ts';
import { migrateDown, migrateToLatest } from '../warehouse/migrate.ts';
import type { Role } from '../warehouse/schema.ts';
import { ensureCommunity } from '../warehouse/writers/communities.ts';
import { resetSourceCursor } from '../warehouse/writers/source-cursors.ts';
import { apiSources, pullApiSources } from './api-sources.ts';
import { checkSourceRules, collectSources } from './collect-sources.ts';
import { crawlCommand } from './commands/crawl.ts';
import { detectCommand } from './commands/detect.ts';
import { extractCommand } from './commands/extract.ts';
import { withConfiguredSources } from './configured-sources.ts';
import { describeThrown } from './describe-thrown.ts';
import { importCommand } from './commands/imports.ts';
import { metricsSurveyCommand } from './commands/metrics-survey.ts';
import { metricsTicketsCommand } from './commands/metrics-tickets.ts';
import { parseFeedCommand } from './commands/parse-feed.ts';
import { rectificationsCommand } from './commands/rectifications.ts';
import { formatCrawlReport } from './format-crawl.ts';
import { formatSummary } from './format-summary.ts';
import { databaseOptions, withWarehouse } from './warehouse.ts';

const config = (): Config => loadConfig();

// `talentpulse … | head`: once the reader has gone, output is dropped and the command finishes its
// work (an import still lands) instead of dying on an unhandled EPIPE. Any other write error stays fatal.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const program = new Command('talentpulse')
  .description('Satisfaction analytics and public-opinion monitoring for international talent communities (DB3701/T 0004—2019)')
  .showHelpAfterError();

program
  .command('start')
  .description('migrate, load the demo (when enabled), collect, score, check alerts, run the scheduler and serve the dashboard')
  .action(async () => (await import('./commands/start.ts')).startCommand(config()));

program
  .command('migrate')
  .description('bring the database schema up to date (or one step down)')
  .option('--down', 'revert the newest migration')
  .action(async (options: { down?: boolean }) => {
    const c = config();
    const db = await createDb(databaseOptions(c));
    try {
      const done = options.down ? await migrateDown(db) : await migrateToLatest(db);
      console.log(done.length > 0 ? done.join('\n') : 'schema is up to date');
    } finally {
      await db.destroy();
    }
  });

program
  .command('collect')
  .description('collect every enabled source now (feeds, list pages, watched pages; Kobo forms and ticket APIs), or only SOURCE')
  .argument('[source]', 'a source id from the configuration')
  .option('--from-start', "API source only: forget SOURCE's cursor first and pull everything again (what is already stored stays, counted as duplicates)")
  .action(async (sourceId: string | undefined, options: { fromStart?: boolean }) => {
    const c = config();
    await withConfiguredSources(c, async (all) => {
      const apis = apiSources(c);
      const chosen = sourceId ? all.filter((s) => s.id === sourceId) : all;
      const chosenApis = sourceId ? apis.filter((s) => s.id === sourceId) : apis;
      if (sourceId && chosen.length === 0 && chosenApis.length === 0) {
        throw new ConfigError(`sources: no source "${sourceId}" (known: ${[...all, ...apis].map((s) => s.id).join(', ') || 'none'})`);
      }
      if (options.fromStart && (!sourceId || chosenApis.length === 0)) {
        throw new ConfigError(`--from-start: name one API source (known: ${apis.map((s) => s.id).join(', ') || 'none'})`);
      }
      checkSourceRules(chosen);
      await withWarehouse(c, async (db) => {
        for (const community of c.communities) await ensureCommunity(db, community);
        if (options.fromStart && sourceId) {
          const had = await resetSourceCursor(db, sourceId);
          await audit(db, { actor: 'cli', action: 'cursor.reset', target: `source:${sourceId}` });
          console.log(`${sourceId}: ${had ? 'cursor reset, pulling from the start' : 'no cursor yet, pulling from the start'}`);
        }
        for (const report of await collectSources(db, c, chosen)) {
          console.log(formatCrawlReport(report));
          if (report.error) process.exitCode = 1;
        }
        for (const summary of await pullApiSources(db, chosenApis)) {
          console.log(formatSummary(summary));
          if (summary.error) process.exitCode = 1;
        }
      });
    });
  });

program
  .command('score')
  .description('score new mentions and tickets (sentiment, clauses), open a rectification item for each new 差评, rebuild the rollups and check the alert rules')
  .option('--rescore', 'after a model change: drop the current scorer version\'s scores, score all history again and rebuild all rollups')
  .action(async (options: { rescore?: boolean }) => {
    const c = config();
    const { runPipeline } = await import('../pipeline/steps/run-pipeline.ts');
    await withWarehouse(c, async (db) => {
      const outcome = await runPipeline(db, c, loadClauses(), { rescore: options.rescore ?? false });
      if (options.rescore) console.log(`dropped ${outcome.scored.dropped} scores of ${outcome.scored.scorer_version} (older versions kept)`);
      console.log(`scored ${outcome.scored.scored} (${outcome.scored.mentions} mentions, ${outcome.scored.tickets} tickets) with ${outcome.scored.scorer_version}; ${outcome.rollup_rows} rollup rows`);
      // The 好差评 loop starts here: say how many new 差评 now wait for an owner (the 差评整改 page lists them).
      console.log(`${outcome.rectifications_opened} 差评 rectification item${outcome.rectifications_opened === 1 ? '' : 's'} opened`);
      for (const check of outcome.spike_checks) console.log(`${check.community_id}: ${check.reason}${check.alert_id ? ` → alert #${check.alert_id}` : ''}`);
    });
  });

const users = program.command('users').description('manage dashboard users');
users
  .command('add')
  .description('add a user (the password is read from TALENTPULSE_PASSWORD or the first line of stdin)')
  .argument('<username>')
  .addOption(new Option('--role <role>', 'what the user may see and do').choices(['leader', 'comms', 'expert', 'admin']).makeOptionMandatory())
  .option('--name <display name>', 'name shown in the dashboard')
  .action(async (username: string, options: { role: Role; name?: string }) => {
    const password = process.env.TALENTPULSE_PASSWORD ?? (await firstLineOfStdin());
    if (!password || password.length < 8) throw new ConfigError('password: at least 8 characters expected (TALENTPULSE_PASSWORD or stdin)');
    await withWarehouse(config(), async (db) => {
      if (await findUser(db, username)) {
        console.log(`${username} already exists; unchanged`);
        return;
      }
      await ensureUser(db, { username, password, role: options.role, display_name: options.name ?? username });
      await audit(db, { actor: 'cli', action: 'user.add', target: username, details: { role: options.role } });
      console.log(`added ${username} (${options.role})`);
    });
  });

program
  .command('sentiment')
  .description('score one text per line from stdin; prints {"label","score","lang","terms"} per line')
  .addOption(new Option('--lang <lang>', 'language of the texts').choices(['auto', 'zh', 'en']).default('auto'))
  .option('--explain', 'list every term that drove the score', false)
  .option('--encoding <name>', 'encoding of stdin: auto (a BOM, else UTF-8 when the bytes are, else detected, else GB18030), or utf-8, gb18030, big5, utf-16le…', 'auto')
  .action(async (options: { lang: 'auto' | 'zh' | 'en'; explain: boolean; encoding: string }) => (await import('./commands/sentiment.ts')).sentimentCommand(options));

program.addCommand(importCommand(config));
program.addCommand(extractCommand(config));
program.addCommand(parseFeedCommand(config));
program.addCommand(crawlCommand(config));
program.addCommand(detectCommand());
program.addCommand(rectificationsCommand(config));
const metrics = program.command('metrics').description('figures leaders can act on and experts can defend');
metrics.addCommand(metricsSurveyCommand(config));
metrics.addCommand(metricsTicketsCommand(config));

async function firstLineOfStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0];
}

try {
  await program.parseAsync();
} catch (error) {
  // Expected problems (bad config, bad file, unreachable database) get one clear line, not a stack.
  const known = error instanceof Error && /Error$/.test(error.name) && error.name !== 'Error' && error.name !== 'TypeError';
  console.error(`talentpulse: ${error instanceof Error ? (known ? error.message : error.stack) : describeThrown(error)}`);
  process.exitCode = 1;
}

