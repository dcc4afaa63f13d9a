import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSources } from '../../cli/api-sources.ts';
import { scheduledJobs } from '../../cli/boot.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { createScheduler } from '../../collectors/scheduler/scheduler.ts';
import { ConfigError } from '../../config/errors.ts';
import { loadConfig } from '../../config/load.ts';
import { drivers } from '../support/databases.ts';
import { type FakeKobo, startFakeKobo } from './fake-kobo.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/remote');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-api-sources-'));
const configFile = join(dir, 'talentpulse.yaml');
let kobo: FakeKobo;

beforeAll(async () => {
  kobo = await startFakeKobo('kobo-token');
  kobo.submissions.push(
    { _id: 1, _uuid: 'u-1', _submission_time: '2026-03-01T00:00:00', 'group_services/visa': 4, 'group_end/recommend': 9 },
    { _id: 2, _uuid: 'u-2', _submission_time: '2026-03-01T01:00:00', 'group_services/visa': 'happy' },
  );
  // Paths relative to the configuration file, as an operator writes them.
  writeFileSync(
    configFile,
    `communities: [{ id: lixia-intl, name_zh: 历下, name_en: Lixia }]
http: { host_delay_ms: 0 }
survey_sources:
  - id: kobo-form
    instrument: ${relative(dir, join(fixtures, 'kobo-instrument.yaml'))}
    server: ${kobo.url}
    asset_uid: ${kobo.assetUid}
    token_env: KOBO_TOKEN
    schedule: "0 6 * * *"
    page_size: 1
ticket_sources:
  - id: desk
    mapping: ${relative(dir, join(fixtures, 'desk-mapping.yaml'))}
    url: ${kobo.url}/tickets
    auth: { header: X-Api-Key, value_env: DESK_KEY }
    cursor_field: updated_at
    cursor_param: updated_since
    enabled: false
surveys:
  - instrument: ${join(fixtures, 'surveyjs-instrument.yaml')}
    webhook_secret_env: SURVEY_HOOK_SECRET
`,
  );
});
afterAll(async () => {
  await kobo.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = { TALENTPULSE_DEMO: '0', KOBO_TOKEN: 'kobo-token', DESK_KEY: 'desk-key', SURVEY_HOOK_SECRET: 'hook-secret-0123456789' };

describe('API sources in the configuration', () => {
  it('resolve instrument and mapping paths against the configuration file and secrets from the environment', () => {
    const config = loadConfig(env, configFile);
    expect(config.survey_sources[0]).toMatchObject({ instrument: join(fixtures, 'kobo-instrument.yaml'), token: 'kobo-token', page_size: 1 });
    expect(config.ticket_sources[0]).toMatchObject({ mapping: join(fixtures, 'desk-mapping.yaml'), auth: { header: 'X-Api-Key', value: 'desk-key' } });
    expect(config.surveys[0]?.webhook_secret).toBe('hook-secret-0123456789');
  });

  it('stop the start naming the setting when a secret variable is not set', () => {
    const load = () => loadConfig({ ...env, KOBO_TOKEN: '' }, configFile);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/survey_sources\.0\.token_env: environment variable KOBO_TOKEN is not set/);
  });
});

describe.each(drivers)('the scheduler with API sources on $name', (driver) => {
  it('has one pull job per enabled API source, on its schedule, that pulls under its lock', async () => {
    const config = loadConfig(env, configFile);
    const fetcher = createFetcher({ timeoutMs: 2000, retries: 0, maxBodyBytes: 1 << 20, userAgent: 'talentpulse-test/1.0', hostDelayMs: 0, robots: false });
    const jobs = scheduledJobs(config, [], [], apiSources(config, fetcher));
    expect(jobs.filter((job) => job.name.startsWith('pull:')).map((job) => [job.name, job.cron, job.setting])).toEqual([['pull:kobo-form', '0 6 * * *', 'survey_sources.0.schedule']]);
    const { db, close } = await driver.open();
    try {
      const scheduler = createScheduler(db, jobs, { timezone: config.timezone, log: { info: () => {}, error: (m) => expect.fail(m) } });
      expect(await scheduler.runNow('pull:kobo-form')).toBe(true);
      await scheduler.stop();
      const run = await db.selectFrom('collector_runs').select(['source_id', 'status', 'stats']).executeTakeFirstOrThrow();
      expect(run).toMatchObject({ source_id: 'kobo-form', status: 'ok', stats: { read: 2, new: 2 } });
    } finally {
      await close();
    }
  });
});

describe('talentpulse collect', () => {
  it('pulls the configured API sources once', async () => {
    const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        const childEnv = { ...process.env, ...env, TALENTPULSE_CONFIG: configFile, TALENTPULSE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
        execFile(process.execPath, [bin, ...args], { env: childEnv, timeout: 150_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      });
    const first = await run(['collect']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('kobo-form: read 2, new 2, duplicate 0, rejected 0');
    const again = await run(['collect', 'kobo-form']);
    expect(again.stdout).toContain('kobo-form: read 0, new 0, duplicate 0, rejected 0');
    expect(again.code).toBe(0);
    // After a mapping fix an operator pulls everything again: nothing is stored twice.
    const fromStart = await run(['collect', 'kobo-form', '--from-start']);
    expect(fromStart.stdout).toContain('kobo-form: cursor reset, pulling from the start');
    expect(fromStart.stdout).toContain('kobo-form: read 2, new 0, duplicate 2, rejected 0');
    const unnamed = await run(['collect', '--from-start']);
    expect(unnamed.code).not.toBe(0);
    expect(unnamed.stderr).toContain('--from-start: name one API source (known: kobo-form');
    // Two real processes on an embedded database: slow on a busy machine.
  }, 300_000);
});
