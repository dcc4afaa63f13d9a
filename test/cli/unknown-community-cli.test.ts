import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A community id mistyped in an instrument, a mapping or --community (the configuration knows
// lixia-intl) must stop the command naming it: imported, the rows would land in a community no
// dashboard page lists; as a filter, "volume 0" and "no items" would read as an all-clear.
const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-community-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function talentpulse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, TALENTPULSE_DATA_DIR: join(dir, 'data'), TALENTPULSE_DEMO: '0', DATABASE_URL: '' };
    execFile(process.execPath, [bin, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

function withCommunity(fixture: string, community: string): string {
  const file = join(dir, `${community}-${fixture}`);
  writeFileSync(file, readFileSync(join(fixtures, fixture), 'utf8').replace(/^community: lixia-intl$/m, `community: ${community}`));
  return file;
}

describe('an unknown community', () => {
  it('stops a survey or ticket import naming the file and the key, and stores nothing', async () => {
    const instrument = withCommunity('resident-instrument.yaml', 'lixia');
    const survey = await talentpulse(['import', 'survey', join(fixtures, 'resident-survey.csv'), '--instrument', instrument]);
    expect(survey.code).toBe(1);
    expect(survey.stderr).toContain(`${instrument}: community: unknown community "lixia" (known: lixia-intl)`);
    expect(survey.stderr).not.toMatch(/\n\s+at /);

    const mapping = withCommunity('hotline-mapping.yaml', 'lixia');
    const tickets = await talentpulse(['import', 'tickets', join(fixtures, 'hotline-tickets.csv'), '--mapping', mapping]);
    expect(tickets.code).toBe(1);
    expect(tickets.stderr).toContain(`${mapping}: community: unknown community "lixia" (known: lixia-intl)`);

    // Nothing landed anywhere: the instrument was never stored.
    const metrics = await talentpulse(['metrics', 'survey', '--instrument', 'resident-2026']);
    expect(metrics.stderr).toContain('has not been imported');
  }, 300_000);

  it('stops metrics tickets and rectifications given as --community', async () => {
    for (const args of [['metrics', 'tickets', '--community', 'lixia'], ['rectifications', '--community', 'lixia']]) {
      const run = await talentpulse(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('--community: unknown community "lixia" (known: lixia-intl)');
    }
  }, 300_000);
});
