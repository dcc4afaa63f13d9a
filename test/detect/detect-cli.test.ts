import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../cli/detect/series-csv.ts';
import { countSeries, DAY, HOUR, START } from './generated-series.ts';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function detect(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, 'detect', file], { env: { ...process.env, TALENTPULSE_DEMO: '0' }, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('talentpulse detect', () => {
  it('prints the alert timestamps as JSON on its last line', async () => {
    const burstAt = START + 10 * DAY + 14 * HOUR;
    const rows = countSeries(11, 14, 10, () => 4).map((p) => `${formatTimestamp(p.time)},${p.time === burstAt ? p.value + 40 : p.value}`);
    const file = join(dir, 'mentions.csv');
    writeFileSync(file, `timestamp,value\n${rows.join('\n')}\n`);
    const run = await detect(file);
    expect(run.code, run.stderr).toBe(0);
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toEqual({ alerts: [formatTimestamp(burstAt)] });
  });

  it('stops at a bad row, naming the file and the line', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'timestamp,value\n2014-07-01 00:00:00,3\n2014-07-01 00:05:00,three\n');
    const run = await detect(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.csv, line 3: value "three" is not a number');
    const stamp = join(dir, 'bad-time.csv');
    writeFileSync(stamp, 'timestamp,value\n2014-02-30 00:00:00,3\n');
    expect((await detect(stamp)).stderr).toContain('bad-time.csv, line 2: timestamp "2014-02-30 00:00:00"');
  });
});
