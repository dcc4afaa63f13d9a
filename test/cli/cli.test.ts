import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const dataDir = mkdtempSync(join(tmpdir(), 'talentpulse-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line on an embedded database of its own, without the demo. */
function talentpulse(args: string[], input?: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const env = { ...process.env, TALENTPULSE_DATA_DIR: dataDir, TALENTPULSE_DEMO: '0', DATABASE_URL: '', ...extraEnv };
    const child = execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('the talentpulse command', () => {
  it('describes every command with --help', async () => {
    const help = await talentpulse(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'collect', 'import', 'score', 'users', 'sentiment', 'extract', 'parse-feed']) expect(help.stdout).toContain(command);
    const survey = await talentpulse(['import', 'survey', '--help']);
    expect(survey.stdout).toContain('--instrument <file>');
  });

  it('says how many 差评 rectification items a score run opened, and lists them overdue with the period\'s rates', async () => {
    const instrument = join(dataDir, 'desk-rating.yaml');
    writeFileSync(instrument, ['id: cli-desk-rating', 'community: lixia-intl', 'respondent_id: R', 'submitted_at: T', 'questions:', '  - { id: desk, column: 评价, scale: { type: haochaping } }'].join('\n'));
    const csv = join(dataDir, 'desk-rating.csv');
    writeFileSync(csv, ['R,T,评价', 'a,2026-03-02 09:00,不满意', 'b,2026-03-02 10:00,满意', 'c,2026-03-02 11:00,非常不满意'].join('\n'));
    expect((await talentpulse(['import', 'survey', csv, '--instrument', instrument])).code).toBe(0);
    const first = await talentpulse(['score']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 差评 rectification items opened');
    expect((await talentpulse(['score'])).stdout).toContain('0 差评 rectification items opened');

    // Both were due in March 2026: the queue shows them overdue, the rates count them.
    const queue = await talentpulse(['rectifications', '--overdue', '--period', '2026-03']);
    expect(queue.code).toBe(0);
    expect(queue.stdout).toMatch(/overdue now 2/);
    expect(queue.stdout).toMatch(/^\S+ +survey response #\d+ desk +不满意 +2026-03-02 +2026-03-\d\d +open +OVERDUE \d+ d$/m);
    expect(queue.stdout).toMatch(/^\S+ +survey response #\d+ desk +非常不满意 +2026-03-02 /m);
    const json = JSON.parse((await talentpulse(['rectifications', '--period', '2026-03', '--json'])).stdout) as { rates: { overdue: number }; items: { overdue: boolean }[] };
    expect(json.rates.overdue).toBe(2);
    expect(json.items.map((item) => item.overdue)).toEqual([true, true]);
  });

  it('scores one text per line as JSON lines', async () => {
    const run = await talentpulse(['sentiment'], '居留许可拖了三个月还没办好，太让人失望了\nThe staff were friendly and very helpful.\nThe community centre opens at 9 am.\n');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { label: string; score: number; lang: string; terms: string[] });
    expect(lines.map((l) => [l.label, l.lang])).toEqual([['negative', 'zh'], ['positive', 'en'], ['neutral', 'en']]);
    expect(lines[0]?.score).toBeLessThan(0);
    expect(lines[0]?.terms.length).toBeGreaterThan(0);
  });

  it('imports a survey, reports each reject with its row and reason, and a second import adds nothing', async () => {
    const args = ['import', 'survey', join(fixtures, 'resident-survey-bad.csv'), '--instrument', join(fixtures, 'resident-instrument.yaml')];
    const first = await talentpulse(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/read 6, new 2, duplicate 0, rejected 4/);
    expect(first.stdout).toMatch(/rejected .*resident-survey-bad\.csv, row 3/);
    expect(first.stdout).toMatch(/row 5, Visa service: .*\(value "Great"\)/);
    const second = await talentpulse(args);
    expect(second.stdout).toMatch(/read 6, new 0, duplicate 2, rejected 4/);
  });

  it('refuses a file whose columns do not match the instrument, naming the file and the column', async () => {
    const run = await talentpulse(['import', 'survey', join(fixtures, 'resident-survey-missing-column.csv'), '--instrument', join(fixtures, 'resident-instrument.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/resident-survey-missing-column\.csv/);
    expect(run.stderr).toMatch(/Visa service/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a missing instrument file by name', async () => {
    const run = await talentpulse(['import', 'survey', join(fixtures, 'resident-survey.csv'), '--instrument', '/nonexistent/instrument.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/nonexistent\/instrument\.yaml/);
  });

  it('adds a dashboard user once, and refuses a short password', async () => {
    const added = await talentpulse(['users', 'add', 'alice', '--role', 'comms', '--name', 'Alice'], undefined, { TALENTPULSE_PASSWORD: 'a-long-secret' });
    expect(added.stdout).toContain('added alice (comms)');
    const again = await talentpulse(['users', 'add', 'alice', '--role', 'comms'], 'another-secret\n');
    expect(again.stdout).toContain('alice already exists; unchanged');
    const short = await talentpulse(['users', 'add', 'bob', '--role', 'leader'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password: at least 8 characters/);
    const badRole = await talentpulse(['users', 'add', 'carol', '--role', 'boss'], 'a-long-secret\n');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/leader, comms, expert, admin/);
  });
});
