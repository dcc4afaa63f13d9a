import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { instrumentSchema } from '../../config/instrument.ts';
import { sha256 } from '../../collectors/shared/hash.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { tempDir, writeCsv, writeXlsx } from '../support/export-files.ts';

const pseudonymKey = 'test-pseudonym-key';

// An anonymous survey: no respondent column, so a response is known by what it says.
const instrument = (format: 'csv' | 'xlsx') =>
  instrumentSchema.parse({
    id: 'anonymous-csat', community: 'lixia-intl', submitted_at: '提交答卷时间', timezone: 'Asia/Shanghai',
    file: { format },
    segments: { language: '语言', employer: '单位' },
    questions: [
      { id: 'overall', column: '1、总体满意度', clause: '8.1.3', scale: { type: 'likert', min: 1, max: 5, labels: { 非常不满意: 1, 不满意: 2, 一般: 3, 满意: 4, 非常满意: 5 } } },
      { id: 'recommend', column: '2、推荐意愿', scale: { type: 'nps' } },
    ],
  });

const header = ['序号', '提交答卷时间', '所用时间', '语言', '单位', '1、总体满意度', '2、推荐意愿'];
// As the survey tool exported it: seconds in the times, two respondents who said the same thing.
const exported = [
  header,
  ['1', '2026-03-02 09:15:40', '105秒', '中文', '山大', '满意', '9'],
  ['2', '2026-03-02 09:15:40', '98秒', '中文', '山大', '满意', '9'],
  ['3', '2026-03-02 11:02:05', '61秒', 'English', '', '一般', ''],
  ['4', '2026-03-03 08:00:59', '240秒', '中文', '电话 13812345678', '不满意', '3'],
];
// The same export after someone opened it in Excel and saved it: Excel's date format, no seconds,
// GBK with CRLF, the 所用时间 column reformatted, and the rows renumbered.
const resaved = [header, ...exported.slice(1).map((row, index) => [String(index + 11), row[1]!.replace(/^(\d{4})-0?(\d+)-0?(\d+) 0?(\d+:\d{2}):\d{2}$/, '$1/$2/$3 $4'), '', ...row.slice(3)])];

async function responseCount(database: TestDatabase): Promise<number> {
  const row = await database.db.selectFrom('survey_responses').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

describe.each(drivers)('responses without a respondent id on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('imports an Excel re-save of an export as nothing new, though its cells changed', async () => {
    const dir = tempDir();
    expect(resaved[1]?.[1]).toBe('2026/3/2 9:15');
    const first = await importSurvey(database.db, { file: writeCsv(join(dir, 'export.csv'), exported), instrument: instrument('csv'), pseudonymKey });
    expect(first).toMatchObject({ read: 4, new: 4, rejected: 0 });
    const again = await importSurvey(database.db, {
      file: writeCsv(join(dir, 'export-resaved.csv'), resaved, { encoding: 'gbk', eol: '\r\n' }), instrument: instrument('csv'), pseudonymKey,
    });
    expect(again).toMatchObject({ read: 4, new: 0, duplicate: 4, rejected: 0 });
    expect(await responseCount(database)).toBe(4);
  });

  it('imports the workbook twin of a CSV export as nothing new, and a later export adds only its new rows', async () => {
    const dir = tempDir();
    await importSurvey(database.db, { file: writeCsv(join(dir, 'export.csv'), exported), instrument: instrument('csv'), pseudonymKey });
    // The workbook keeps times as dates and durations as numbers: cells, not the text the CSV had.
    const asDates = exported.slice(1).map((row) => {
      const [, y, mo, d, h, mi, s] = /^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)$/.exec(row[1]!)!.map(Number) as number[];
      return [Number(row[0]), new Date(Date.UTC(y!, mo! - 1, d, h, mi, s)), Number(row[2]!.replace('秒', '')), row[3]!, row[4]!, row[5]!, row[6] === '' ? null : Number(row[6])];
    });
    const later = [...asDates, [5, new Date(Date.UTC(2026, 2, 4, 10, 0, 0)), 77, 'English', 'SDU', '非常满意', 10]];
    const twin = await importSurvey(database.db, { file: await writeXlsx(join(dir, 'export.xlsx'), { Sheet1: [header, ...later] }), instrument: instrument('xlsx'), pseudonymKey });
    expect(twin).toMatchObject({ read: 5, new: 1, duplicate: 4, rejected: 0 });
    expect(await responseCount(database)).toBe(5);
  });

  it('keeps two respondents who said the same thing apart, and never keys a response by a phone number it held', async () => {
    const dir = tempDir();
    await importSurvey(database.db, { file: writeCsv(join(dir, 'export.csv'), exported), instrument: instrument('csv'), pseudonymKey });
    const keys = await database.db.selectFrom('survey_responses').select('response_key').orderBy('source_row').execute();
    expect(keys.map((row) => row.response_key.replace(/^c:[0-9a-f]{32}:/, 'c:…:'))).toEqual(['c:…:1', 'c:…:2', 'c:…:1', 'c:…:1']);
    expect(keys[0]?.response_key.slice(0, 34)).toBe(keys[1]?.response_key.slice(0, 34));
    // The cells with the number, hashed as an earlier version did, are not the key.
    const cells = exported[4]!;
    expect(keys[3]?.response_key).not.toContain(sha256(JSON.stringify(cells)).slice(0, 32));
  });

  it('still recognises responses an earlier version keyed by their cells', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'export.csv'), exported);
    await importSurvey(database.db, { file, instrument: instrument('csv'), pseudonymKey });
    // Rewrite the keys as versions before the content key wrote them: the hash of the row's cells, and its occurrence.
    const rows = await database.db.selectFrom('survey_responses').select(['id', 'source_row']).execute();
    for (const row of rows) {
      const cells = exported[row.source_row - 1]!;
      await database.db.updateTable('survey_responses').set({ response_key: `h:${sha256(JSON.stringify(cells)).slice(0, 32)}:1` }).where('id', '=', row.id).execute();
    }
    expect(await importSurvey(database.db, { file, instrument: instrument('csv'), pseudonymKey })).toMatchObject({ read: 4, new: 0, duplicate: 4 });
    expect(await responseCount(database)).toBe(4);
  });

  it('imports an export whose times all moved by a time-zone offset as nothing new, and says so', async () => {
    const dir = tempDir();
    await importSurvey(database.db, { file: writeCsv(join(dir, 'export.csv'), exported), instrument: instrument('csv'), pseudonymKey });
    // Exported again from an account set to UTC, read as Shanghai time as before: every time 8 hours
    // earlier, and one response more.
    const utc = exported.map((row, i) => (i === 0 ? row : [row[0]!, utcOf(row[1]!), ...row.slice(2)]));
    const moved = [...utc, ['5', '2026-03-04 02:00:00', '77秒', 'English', 'SDU', '非常满意', '10']];
    const again = await importSurvey(database.db, { file: writeCsv(join(dir, 'export-utc.csv'), moved), instrument: instrument('csv'), pseudonymKey });
    expect(again).toMatchObject({ read: 5, new: 1, duplicate: 4, rejected: 0 });
    expect(again.notes).toEqual([expect.stringContaining('4 responses without a respondent id are stored already, each at a submission time 8:00 h later than in this file')]);
    expect(await responseCount(database)).toBe(5);
  });

  it('imports a new wave as new, though one of its responses says what a stored one did hours apart', async () => {
    const dir = tempDir();
    await importSurvey(database.db, { file: writeCsv(join(dir, 'export.csv'), exported), instrument: instrument('csv'), pseudonymKey });
    const wave = [
      header,
      ['1', '2026-03-02 17:15:40', '80秒', '中文', '山大', '满意', '9'], // what respondent 1 said, 8 hours later
      ['2', '2026-03-09 10:00:00', '80秒', '中文', '山大', '非常满意', '10'],
      ['3', '2026-03-09 11:30:00', '80秒', 'English', '', '一般', '7'],
      ['4', '2026-03-10 09:45:00', '80秒', '中文', '齐鲁医院', '不满意', '4'],
    ];
    const second = await importSurvey(database.db, { file: writeCsv(join(dir, 'wave-2.csv'), wave), instrument: instrument('csv'), pseudonymKey });
    expect(second).toMatchObject({ read: 4, new: 4, duplicate: 0 });
    expect(second.notes).toBeUndefined();
  });
});

/** A Shanghai wall time as UTC wall time (8 hours earlier), in the export's format. */
function utcOf(text: string): string {
  return new Date(`${text.replace(' ', 'T')}+08:00`).toISOString().slice(0, 19).replace('T', ' ');
}
