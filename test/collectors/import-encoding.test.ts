import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import type { Db } from '../../warehouse/database.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { tempDir } from '../support/export-files.ts';

const dir = tempDir();
const pseudonymKey = 'test-pseudonym-key';
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * An export in UTF-8 whose cells marked STRAY hold a stray 0xFF and whose cells marked GBK were
 * pasted from a GBK file; `clean` writes the same cells as they should be.
 */
function export_(lines: readonly string[], clean = false): Buffer {
  return Buffer.concat(
    lines.flatMap((line) => [
      ...line.split(/(STRAY|GBK)/).map((part) => {
        if (part === 'STRAY') return clean ? utf8('窗口热情') : Buffer.concat([utf8('窗口'), Buffer.from([0xff]), utf8('热情')]);
        if (part === 'GBK') return clean ? utf8('服务周到') : iconv.encode('服务周到', 'gbk');
        return utf8(part);
      }),
      utf8('\n'),
    ]),
  );
}

const surveyLines = ['答卷编号,提交时间,国籍,签证服务,意见', 'G-1,2026-03-02 09:15,韩国,非常满意,办事很快', 'G-2,2026-03-02 10:00,德国,一般,STRAY', 'G-3,2026-03-02 11:00,日本,满意,GBK', 'G-4,2026-03-03 11:00,法国,不满意,排队太久'];

const ticketLines = ['工单编号,受理时间,办结时间,诉求类型,满意度,诉求内容', 'GD1,2026-03-01 09:00,2026-03-02 17:00,咨询类,满意,请问签证怎么办', 'GD2,2026-03-01 10:30,,投诉类,,GBK', 'GD3,2026-03-01 11:30,,投诉类,,STRAY'];

async function rejectsOf(db: Db, runId: number) {
  return db.selectFrom('rejects').where('run_id', '=', runId).select(['row', 'field', 'value', 'reason']).orderBy('row').execute();
}

describe.each(drivers)('exports with bytes their encoding cannot read on $name', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
  }, 120_000);
  afterAll(() => database.close());

  it('a UTF-8 survey with a stray byte and a pasted GBK cell: those rows rejected with row, column and byte offset, the rest as from a clean file', async () => {
    const { db } = database;
    const yaml = (id: string) => `
id: ${id}
community: lixia-intl
respondent_id: 答卷编号
submitted_at: 提交时间
segments: { nationality: 国籍, comment: 意见 }
questions:
  - { id: visa, column: 签证服务, clause: "8.1.2", scale: { type: likert, min: 1, max: 5, labels: { 非常不满意: 1, 不满意: 2, 一般: 3, 满意: 4, 非常满意: 5 } } }
`;
    const instrument = loadInstrument(file('enc.yaml', yaml('enc-survey')));
    const damaged = file('damaged.csv', export_(surveyLines));
    const summary = await importSurvey(db, { file: damaged, instrument, pseudonymKey });
    expect(summary).toMatchObject({ read: 4, new: 2, rejected: 2 });
    const rejects = await rejectsOf(db, summary.run_id);
    expect(rejects.map((reject) => [reject.row, reject.field, reject.value])).toEqual([
      [3, '意见', '窗口\ufffd热情'],
      [4, '意见', expect.stringContaining('\ufffd')],
    ]);
    // The stray byte's offset in the file, counted from 0: the bytes before it.
    const offset = Buffer.byteLength(`${surveyLines.slice(0, 2).join('\n')}\nG-2,2026-03-02 10:00,德国,一般,窗口`);
    expect(rejects[0]?.reason).toMatch(new RegExp(`^line 3, column 5: bytes that are not UTF-8 \\(FF at byte ${offset}\\b`));
    expect(rejects[1]?.reason).toContain('read as GBK "服务周到"');

    // The same export, clean, under an instrument of its own: the rows that landed are the same.
    const reference = loadInstrument(file('enc-ref.yaml', yaml('enc-reference')));
    await importSurvey(db, { file: file('clean.csv', export_(surveyLines, true)), instrument: reference, pseudonymKey });
    const stored = async (id: string) =>
      (await db.selectFrom('survey_responses as r').innerJoin('survey_answers as a', (join) => join.onRef('a.response_id', '=', 'r.id').onRef('a.community_id', '=', 'r.community_id')).where('r.instrument_id', '=', id).select(['r.source_row', 'r.segments', 'r.submitted_at', 'a.raw_value', 'a.score']).orderBy('r.source_row').execute()).map((row) => ({ ...row, submitted_at: row.submitted_at?.toISOString() }));
    const landed = await stored('enc-survey');
    expect(landed).toEqual((await stored('enc-reference')).filter((row) => row.source_row === 2 || row.source_row === 5));
    expect(landed.map((row) => row.segments)).toEqual([{ nationality: '韩国', comment: '办事很快' }, { nationality: '法国', comment: '排队太久' }]);

    // Corrected, the file adds exactly the two rows it lacked.
    writeFileSync(damaged, export_(surveyLines, true));
    expect(await importSurvey(db, { file: damaged, instrument, pseudonymKey })).toMatchObject({ read: 4, new: 2, duplicate: 2, rejected: 0 });
  });

  it('a UTF-8 hotline export with a pasted GBK cell and a stray byte: those tickets rejected and named, the rest stored as written', async () => {
    const { db } = database;
    const mapping = loadTicketMapping(
      file(
        'enc-hotline.yaml',
        `
id: enc-hotline
community: lixia-intl
columns: { external_id: 工单编号, opened_at: 受理时间, closed_at: 办结时间, category: 诉求类型, rating: 满意度, text: 诉求内容 }
categories: { 咨询类: 咨询, 投诉类: 投诉 }
`,
      ),
    );
    const damaged = file('hotline.csv', export_(ticketLines));
    const summary = await importTickets(db, { file: damaged, mapping });
    expect(summary).toMatchObject({ read: 3, new: 1, rejected: 2 });
    const rejects = await rejectsOf(db, summary.run_id);
    expect(rejects.map((reject) => [reject.row, reject.field])).toEqual([
      [3, '诉求内容'],
      [4, '诉求内容'],
    ]);
    expect(rejects[0]?.reason).toMatch(/line 3, column 6: bytes that are not UTF-8 \(B7 FE CE F1 D6 DC B5 BD at byte \d+, which read as GBK "服务周到"/);
    expect(rejects[1]?.reason).toMatch(/line 4, column 6: bytes that are not UTF-8 \(FF at byte \d+/);
    const tickets = async () => db.selectFrom('tickets').where('source_id', '=', 'servicedesk-enc-hotline').select(['external_id', 'category', 'text']).orderBy('external_id').execute();
    expect(await tickets()).toEqual([{ external_id: 'GD1', category: '咨询', text: '请问签证怎么办' }]);
    writeFileSync(damaged, export_(ticketLines, true));
    expect(await importTickets(db, { file: damaged, mapping })).toMatchObject({ read: 3, new: 2, duplicate: 1, rejected: 0 });
    expect((await tickets()).map((ticket) => ticket.text)).toEqual(['请问签证怎么办', '服务周到', '窗口热情']);
  });
});
