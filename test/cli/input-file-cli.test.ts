import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A mistyped export path must stop the import with one line naming the path and what is wrong,
// not a stack trace from the reader.
const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-input-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function talentpulse(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, TALENTPULSE_DATA_DIR: join(dir, 'data'), TALENTPULSE_DEMO: '0', DATABASE_URL: '' };
    execFile(process.execPath, [bin, ...args], { env, timeout: 120_000 }, (error, _stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stderr }));
  });
}

describe('an import given a path that is not a readable file', () => {
  it.each([
    ['survey', '--instrument', 'resident-instrument.yaml', 'the survey export'],
    ['tickets', '--mapping', 'hotline-mapping.yaml', 'the hotline export'],
  ])('import %s names a missing file and a directory, with no stack trace', async (kind, option, definition, what) => {
    const missing = join(dir, 'no-such-export.csv');
    const absent = await talentpulse(['import', kind, missing, option, join(fixtures, definition)]);
    expect(absent.code).toBe(1);
    expect(absent.stderr.trim()).toBe(`talentpulse: ${missing}: ${what}: no such file`);
    const folder = await talentpulse(['import', kind, dir, option, join(fixtures, definition)]);
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim()).toBe(`talentpulse: ${dir}: ${what}: is a directory, not a file`);
  });
});
