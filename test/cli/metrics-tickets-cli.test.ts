import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const dataDir = mkdtempSync(join(tmpdir(), 'talentpulse-metrics-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function talentpulse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, TALENTPULSE_DATA_DIR: dataDir, TALENTPULSE_DEMO: '0', DATABASE_URL: '' };
    execFile(process.execPath, [bin, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('talentpulse metrics tickets', () => {
  it('prints the KPIs and data-quality counts of imported tickets, as JSON and as a table', async () => {
    const run = await talentpulse(['import', 'tickets', join(fixtures, 'hotline-tickets-bad.csv'), '--mapping', join(fixtures, 'hotline-mapping.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    const json = await talentpulse(['metrics', 'tickets', '--period', '2026-03', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { total: { volume: number | null; suppressed: string[] }; data_quality: Array<{ problem: string; tickets: number | null; fewer_than?: number }> };
    // The bad file lands 3 rows (催办 among them, kept though unmapped): below the privacy minimum of 5.
    expect(report.total.volume).toBeNull();
    expect(report.total.suppressed).toContain('volume');
    // One unmapped ticket: shown as a problem, its count withheld like the (unmapped) group's volume.
    expect(report.data_quality.find((d) => d.problem === 'unknown_category')).toMatchObject({ tickets: null, fewer_than: 5 });
    expect(report.data_quality.find((d) => d.problem === 'closed_before_opened')?.tickets).toBe(0);
    const table = await talentpulse(['metrics', 'tickets', '--period', '2026-03', '--by', 'category']);
    expect(table.stdout).toMatch(/^all\s+—\s/m);
    expect(table.stdout).toContain('unknown_category: fewer than 5 — category not mapped');
    expect(table.stdout).toContain('withheld (base below 5)');
  }, 300_000);

  it('names a period it cannot read', async () => {
    const run = await talentpulse(['metrics', 'tickets', '--period', '2026-13']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('period: expected 2017, 2017-Q1');
  }, 120_000);
});
