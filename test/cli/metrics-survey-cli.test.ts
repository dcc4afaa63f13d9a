import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const dataDir = mkdtempSync(join(tmpdir(), 'talentpulse-metrics-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function talentpulse(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const fullEnv = { ...process.env, TALENTPULSE_DATA_DIR: dataDir, TALENTPULSE_DEMO: '0', DATABASE_URL: '', ...env };
    execFile(process.execPath, [bin, ...args], { env: fullEnv, timeout: 120_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('talentpulse metrics survey', () => {
  beforeAll(async () => {
    const run = await talentpulse(['import', 'survey', join(fixtures, 'resident-survey.csv'), '--instrument', join(fixtures, 'resident-instrument.yaml')]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('prints JSON figures, suppressing every cell under the privacy minimum', async () => {
    // The fixture has five responses: with min_cell 5 they show, by segment they are suppressed.
    const run = await talentpulse(['metrics', 'survey', '--instrument', 'resident-2026', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const metrics = JSON.parse(run.stdout) as { cells: Array<{ question: string; suppressed: boolean; n?: number }> };
    expect(metrics.cells.map((c) => c.question)).toEqual(['visa_service', 'waiting_too_long', 'recommend']);
    const bySegment = await talentpulse(['metrics', 'survey', '--instrument', 'resident-2026', '--by', 'language', '--json']);
    const grouped = JSON.parse(bySegment.stdout) as { cells: Array<{ suppressed: boolean; n?: number }> };
    expect(grouped.cells.length).toBeGreaterThan(0);
    expect(grouped.cells.every((c) => c.suppressed && c.n === undefined)).toBe(true);
  }, 120_000);

  it('prints a table, and fails clearly on a bad period or an unknown instrument', async () => {
    const table = await talentpulse(['metrics', 'survey', '--instrument', 'resident-2026', '--by', 'language']);
    expect(table.stdout).toMatch(/question\s+language\s+n\s+index/);
    expect(table.stdout).toContain('suppressed (n < 5)');
    const period = await talentpulse(['metrics', 'survey', '--instrument', 'resident-2026', '--period', '2026-Q5']);
    expect(period.code).toBe(1);
    expect(period.stderr).toContain('--period: "2026-Q5" is not a period');
    const unknown = await talentpulse(['metrics', 'survey', '--instrument', 'nope']);
    expect(unknown.stderr).toContain('instrument "nope" has not been imported (known: resident-2026)');
  }, 120_000);
});
