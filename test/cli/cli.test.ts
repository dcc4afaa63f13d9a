import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import iconv from 'iconv-lite';
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
function talentpulse(args: string[], input?: string | Buffer, extraEnv: Record<string, string> = {}): Promise<Run> {
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
    writeFileSync(instrument, ['id: cli-desk-rating', 'community: lixia-intl', 'respondent_id: R', 'submitted_at: T', 'questions:', '  - { id: desk, column: 评价, label: 窗口服务评价, scale: { type: haochaping } }'].join('\n'));
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
    // Each item names the survey and the question's label, so its owner can find what was rated.
    expect(queue.stdout).toMatch(/^\S+ +survey cli-desk-rating · 窗口服务评价 \(response #\d+\) +不满意 +2026-03-02 +2026-03-\d\d +open +OVERDUE \d+ d$/m);
    expect(queue.stdout).toMatch(/^\S+ +survey cli-desk-rating · 窗口服务评价 \(response #\d+\) +非常不满意 +2026-03-02 /m);
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

  it('with --explain, says for each line why it got its label', async () => {
    const run = await talentpulse(['sentiment', '--explain'], '服务不错，但是签证太慢\n请问周末上班吗？\n');
    expect(run.code).toBe(0);
    type Explained = { label: string; explain: { reason: string; parts: { negative: { term: string; weight: number }[] }[] } };
    const [contrast, question] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Explained);
    expect(contrast?.label).toBe('negative');
    expect(contrast?.explain.parts[0]?.negative[0]?.term).toBe('太慢');
    expect(contrast?.explain.reason).toMatch(/^negative: leaning/);
    expect(question).toMatchObject({ label: 'neutral', explain: { reason: expect.stringMatching(/question/) } });
    // Without the flag, the lines stay as they were: no explanation.
    expect((await talentpulse(['sentiment'], '服务不错，但是签证太慢\n')).stdout).not.toContain('explain');
  });

  it('reads GBK and UTF-16 exports as well as UTF-8, and says once which line it could not read', async () => {
    const texts = '居留许可办了两个月还没消息，太让人失望了\n工作人员很耐心，很满意\n';
    const expected = [['negative', 'zh'], ['positive', 'zh']];
    const labels = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as { label: string; lang: string }).map((r) => [r.label, r.lang]);
    for (const encoding of ['gb18030', 'utf-16le']) {
      const bom = encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : encoding === 'utf-16be' ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0);
      const run = await talentpulse(['sentiment'], Buffer.concat([bom, iconv.encode(texts, encoding)]));
      expect({ encoding, labels: labels(run.stdout), stderr: run.stderr }).toEqual({ encoding, labels: expected, stderr: '' });
    }
    expect(labels((await talentpulse(['sentiment', '--encoding', 'gbk'], iconv.encode(texts, 'gbk'))).stdout)).toEqual(expected);
    // UTF-16 without a byte-order mark, as some tools and pipes write it.
    expect(labels((await talentpulse(['sentiment'], iconv.encode(texts, 'utf-16le'))).stdout)).toEqual(expected);
    // UTF-8 with one stray byte stays UTF-8: the other lines are read, and the bad one is named.
    const stray = await talentpulse(['sentiment'], Buffer.concat([Buffer.from(texts), Buffer.from([0xff, 0x0a]), Buffer.from(texts)]));
    expect(labels(stray.stdout)).toEqual([...expected, ['unscored', 'und'], ...expected]);
    expect(stray.stderr).toContain('line 3 has bytes that are not valid');
    const unknown = await talentpulse(['sentiment', '--encoding', 'klingon'], texts);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--encoding: unknown encoding "klingon"');
  });

  it('stops quietly when its reader goes away (| head), with no stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'sentiment'], { env: { ...process.env, TALENTPULSE_DEMO: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // More output than a pipe buffers, and stdin left open: only the closed reader can end it.
    // Whatever of the input the command never read fails to reach it once it is gone: expected here.
    child.stdin.on('error', () => {});
    child.stdin.write('签证太慢了\n'.repeat(50_000));
    const first = await new Promise<string>((done) => child.stdout.once('data', (chunk: Buffer) => done(chunk.toString())));
    expect(first).toContain('"label":"negative"');
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('finishes an import quietly when the reader of its report has gone (| head)', async () => {
    const own = { TALENTPULSE_DATA_DIR: join(dataDir, 'piped') };
    const args = ['import', 'tickets', join(fixtures, 'hotline-tickets.csv'), '--mapping', join(fixtures, 'hotline-mapping.yaml')];
    const env = { ...process.env, TALENTPULSE_DEMO: '0', DATABASE_URL: '', ...own };
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Gone before the report is written.
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The import itself went through.
    const again = await talentpulse(args, undefined, own);
    expect(again.stdout).toMatch(/new 0, duplicate [1-9]/);
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
