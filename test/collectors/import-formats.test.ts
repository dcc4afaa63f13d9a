import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import type { Db } from '../../warehouse/database.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { tempDir, writeCsv, writeXlsx } from '../support/export-files.ts';

const dir = tempDir();
const pseudonymKey = 'test-pseudonym-key';

function yamlFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// The instrument shape of issue 5, as an operator would write it (no community: the CLI supplies it).
const csatYaml = `
id: csat-2024
file: { format: xlsx, sheet: CLEAN }
respondent_id: Response ID
submitted_at: Completion Time
segments: { language: Survey Language }
questions:
  - id: overall
    column: Overall Satisfaction
    clause: "8.1.3"
    scale: { type: likert, min: 1, max: 5, labels: { Strongly Disagree: 1, Disagree: 2, Neutral: 3, Agree: 4, Strongly Agree: 5 }, dont_know: ["Don't know", 9], reverse: false }
  - id: recommend
    column: NPS
    scale: { type: nps }
`;

async function answersOf(db: Db, instrumentId: string) {
  const rows = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', (join) => join.onRef('r.id', '=', 'a.response_id').onRef('r.community_id', '=', 'a.community_id'))
    .where('r.instrument_id', '=', instrumentId)
    .select(['r.source_row', 'a.question_id', 'a.raw_value', 'a.score'])
    .orderBy('r.source_row')
    .orderBy('a.question_id')
    .execute();
  return rows.map((row) => [row.source_row, row.question_id, row.raw_value, row.score]);
}

async function rejectsOf(db: Db, runId: number) {
  const rows = await db.selectFrom('rejects').where('run_id', '=', runId).select(['row', 'field', 'value', 'reason']).orderBy('row').execute();
  return rows;
}

async function responseCount(db: Db, instrumentId: string): Promise<number> {
  const row = await db.selectFrom('survey_responses').where('instrument_id', '=', instrumentId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(drivers)('survey and hotline exports in other formats on $name', (driver) => {
  let database: TestDatabase;
  // One database for the file: each test imports under an instrument or mapping of its own.
  beforeAll(async () => {
    database = await driver.open();
  }, 120_000);
  afterAll(() => database.close());

  it('imports the chosen sheet of a workbook, rejects an unknown label with row, column and value, and re-imports nothing', async () => {
    const { db } = database;
    const instrument = loadInstrument(yamlFile('csat.yaml', csatYaml), { community: 'lixia-intl' });
    const file = await writeXlsx(join(dir, 'csat.xlsx'), {
      RAW: [['junk'], ['not', 'this', 'sheet']],
      CLEAN: [
        ['Response ID', 'Completion Time', 'Survey Language', 'Overall Satisfaction', 'NPS'],
        ['R_1', new Date(Date.UTC(2024, 4, 6, 10, 0, 0)), 'EN', 'Agree', 9],
        ['R_2', '2024-05-06 11:30', 'ZH', 'Very Good', 7],
        ['R_3', '2024-05-07 08:00', 'EN', 9, 10],
      ],
    });
    const summary = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ source_id: 'survey-csat-2024', read: 3, new: 2, duplicate: 0, rejected: 1 });
    expect(await rejectsOf(db, summary.run_id)).toEqual([{ row: 3, field: 'Overall Satisfaction', value: 'Very Good', reason: expect.stringMatching(/unknown answer/) }]);
    expect(await answersOf(db, 'csat-2024')).toEqual([
      [2, 'overall', 'Agree', 75],
      [2, 'recommend', '9', 90],
      [4, 'overall', '9', null],
      [4, 'recommend', '10', 100],
    ]);
    const first = await db.selectFrom('survey_responses').where('instrument_id', '=', 'csat-2024').selectAll().orderBy('source_row').executeTakeFirstOrThrow();
    // An Excel time has no zone: 10:00 is read in the instrument's zone (Asia/Shanghai by default).
    expect(first).toMatchObject({ community_id: 'lixia-intl', segments: { language: 'EN' } });
    expect(first.submitted_at.toISOString()).toBe('2024-05-06T02:00:00.000Z');

    const again = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(again).toMatchObject({ read: 3, new: 0, duplicate: 2, rejected: 1 });
    expect(await responseCount(db, 'csat-2024')).toBe(2);
  });

  it('imports a GBK-encoded CSV and a UTF-8 one with a BOM alike', async () => {
    const { db } = database;
    const instrument = loadInstrument(
      yamlFile('gbk.yaml', `
id: gbk-survey
community: lixia-intl
respondent_id: 答卷编号
submitted_at: 提交时间
segments: { nationality: 国籍 }
questions:
  - { id: visa, column: 签证服务, clause: "8.1.2", scale: { type: likert, min: 1, max: 5, labels: { 非常不满意: 1, 不满意: 2, 一般: 3, 满意: 4, 非常满意: 5 } } }
`),
    );
    const rows = [
      ['答卷编号', '提交时间', '国籍', '签证服务'],
      ['G-1', '2026-03-02 09:15', '韩国', '非常满意'],
      ['G-2', '2026-03-02 10:00', '德国', '一般'],
    ];
    const gbk = await importSurvey(db, { file: writeCsv(join(dir, 'gbk.csv'), rows, { encoding: 'gbk' }), instrument, pseudonymKey });
    expect(gbk).toMatchObject({ read: 2, new: 2, rejected: 0 });
    expect(await answersOf(db, 'gbk-survey')).toEqual([
      [2, 'visa', '非常满意', 100],
      [3, 'visa', '一般', 50],
    ]);
    const segments = await db.selectFrom('survey_responses').where('instrument_id', '=', 'gbk-survey').select('segments').orderBy('source_row').execute();
    expect(segments.map((row) => row.segments)).toEqual([{ nationality: '韩国' }, { nationality: '德国' }]);
    // The same answers saved as UTF-8 with a BOM are the same responses.
    const bom = await importSurvey(db, { file: writeCsv(join(dir, 'bom.csv'), rows, { bom: true }), instrument, pseudonymKey });
    expect(bom).toMatchObject({ read: 2, new: 0, duplicate: 2, rejected: 0 });
  });

  it('reads a Qualtrics export: three header rows, columns named by id, question text or ImportId', async () => {
    const { db } = database;
    const instrument = loadInstrument(
      yamlFile('qualtrics.yaml', `
id: qualtrics-csat
community: lixia-intl
file: { format: csv, dialect: qualtrics }
segments: { language: UserLanguage }
questions:
  - { id: overall, column: Q1, scale: { type: likert, min: 1, max: 5, labels: { Very dissatisfied: 1, Dissatisfied: 2, Neutral: 3, Satisfied: 4, Very satisfied: 5 } } }
  - { id: staff, column: How helpful were the staff?, scale: { type: likert, min: 1, max: 5 } }
  - { id: recommend, column: QID3, scale: { type: nps } }
`),
    );
    const file = writeCsv(join(dir, 'qualtrics.csv'), [
      ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'UserLanguage', 'Q1', 'Q2', 'Q3'],
      ['Start Date', 'End Date', 'Response Type', 'IP Address', 'Progress', 'Duration (in seconds)', 'Finished', 'Recorded Date', 'Response ID', 'User Language', 'Overall, how satisfied are you?', 'How helpful were the staff?', 'How likely are you to recommend us?'],
      ['{"ImportId":"startDate","timeZone":"Asia/Shanghai"}', '{"ImportId":"endDate","timeZone":"Asia/Shanghai"}', '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}', '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Asia/Shanghai"}', '{"ImportId":"_recordId"}', '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}'],
      ['2026-03-01 10:00:00', '2026-03-01 10:04:00', 'IP Address', '203.0.113.9', '100', '240', 'True', '2026-03-01 10:04:01', 'R_abc', 'EN', 'Satisfied', '5', '8'],
      ['2026-03-01 11:00:00', '2026-03-01 11:02:00', 'IP Address', '203.0.113.10', '100', '120', 'True', '2026-03-01 11:02:01', 'R_def', 'ZH-S', 'Very satisfied', '4', '10'],
    ]);
    const summary = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ read: 2, new: 2, rejected: 0 });
    expect(await answersOf(db, 'qualtrics-csat')).toEqual([
      [4, 'overall', 'Satisfied', 75],
      [4, 'recommend', '8', 80],
      [4, 'staff', '5', 100],
      [5, 'overall', 'Very satisfied', 100],
      [5, 'recommend', '10', 100],
      [5, 'staff', '4', 75],
    ]);
    const stored = await db.selectFrom('survey_responses').where('instrument_id', '=', 'qualtrics-csat').select(['response_key', 'submitted_at']).orderBy('source_row').execute();
    expect(stored[0]?.response_key).toMatch(/^p:[0-9a-f]{16}$/);
    expect(stored[0]?.submitted_at.toISOString()).toBe('2026-03-01T02:04:01.000Z');
  });

  it('reads Qualtrics times in the zone its header gives them, over the instrument\'s, and says so', async () => {
    const { db } = database;
    const instrument = loadInstrument(
      yamlFile('qualtrics-denver.yaml', `
id: qualtrics-denver
community: lixia-intl
file: { format: csv, dialect: qualtrics }
questions:
  - { id: recommend, column: QID3, scale: { type: nps } }
`),
    );
    const file = writeCsv(join(dir, 'qualtrics-denver.csv'), [
      ['RecordedDate', 'ResponseId', 'Q3'],
      ['Recorded Date', 'Response ID', 'How likely are you to recommend us?'],
      ['{"ImportId":"recordedDate","timeZone":"America/Denver"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID3"}'],
      ['2026-03-01 10:04:01', 'R_abc', '8'],
      ['2026-07-01 10:04:01', 'R_def', '9'],
    ]);
    const summary = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ new: 2, rejected: 0, notes: ['submission times read in America/Denver, the zone the export\'s header gives them in (the instrument says Asia/Shanghai)'] });
    const stored = await db.selectFrom('survey_responses').where('instrument_id', '=', 'qualtrics-denver').select('submitted_at').orderBy('source_row').execute();
    // Mountain Standard Time (UTC−7) in March, Daylight Time (UTC−6) in July.
    expect(stored.map((r) => r.submitted_at.toISOString())).toEqual(['2026-03-01T17:04:01.000Z', '2026-07-01T16:04:01.000Z']);
  });

  it('reads a 问卷星 workbook: numbered question headers, 提交答卷时间, ┋ multi-select, (跳过)', async () => {
    const { db } = database;
    const instrument = loadInstrument(
      yamlFile('wjx.yaml', `
id: wjx-resident
community: lixia-intl
file: { format: xlsx, dialect: wjx }
segments: { respondent_type: 您的身份 }
questions:
  - { id: visa, column: 您对签证服务的满意度, clause: "8.1.2", scale: { type: likert, min: 1, max: 5, labels: { 非常不满意: 1, 不满意: 2, 一般: 3, 满意: 4, 非常满意: 5 } } }
  - id: needs
    column: 您最需要哪些服务？
    clause: "8.1.1"
    scale: { type: multi, options: { 签证: visa, 住房: housing, 子女教育: schools, 其他: other } }
`),
    );
    const file = await writeXlsx(join(dir, 'wjx.xlsx'), {
      Sheet1: [
        ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、您的身份', '2、您对签证服务的满意度', '3、您最需要哪些服务？'],
        [1, '2026/3/5 10:23:45', '105秒', '微信', 'N/A', '203.0.113.1(山东-济南)', '外籍人才', '满意', '签证┋住房'],
        [2, '2026/3/5 11:00:02', '66秒', '链接', 'N/A', '203.0.113.2(山东-济南)', '家属', '(跳过)', '其他〖请打我电话13812345678〗'],
        [3, '2026/3/6 09:00:00', '1分40秒', '链接', 'N/A', '203.0.113.3(山东-济南)', '外籍人才', '非常满意', '签证┋旅游'],
      ],
    });
    const summary = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ read: 3, new: 2, rejected: 1 });
    expect(await rejectsOf(db, summary.run_id)).toEqual([{ row: 4, field: '您最需要哪些服务？', value: '签证┋旅游', reason: expect.stringMatching(/unknown option "旅游"/) }]);
    expect(await answersOf(db, 'wjx-resident')).toEqual([
      [2, 'needs.housing', '住房', 100],
      [2, 'needs.other', null, 0],
      [2, 'needs.schools', null, 0],
      [2, 'needs.visa', '签证', 100],
      [2, 'visa', '满意', 75],
      [3, 'needs.housing', null, 0],
      [3, 'needs.other', '其他', 100],
      [3, 'needs.schools', null, 0],
      [3, 'needs.visa', null, 0],
      [3, 'visa', null, null],
    ]);
    const stored = await db.selectFrom('survey_responses').where('instrument_id', '=', 'wjx-resident').selectAll().orderBy('source_row').execute();
    expect(stored[0]?.submitted_at.toISOString()).toBe('2026-03-05T02:23:45.000Z');
    expect(stored[1]?.segments).toEqual({ respondent_type: '家属' });
    // 序号 keys the response, so an export with more rows later adds only the new ones.
    expect(stored.every((row) => /^p:/.test(row.response_key))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('13812345678');
  });

  it('reads a LimeSurvey CSV export: BOM, quoted, semicolons, code-and-text headings, answer codes', async () => {
    const { db } = database;
    const instrument = loadInstrument(
      yamlFile('limesurvey.yaml', `
id: lime-csat
community: lixia-intl
file: { dialect: limesurvey }
segments: { language: startlanguage }
questions:
  - { id: overall, column: G01Q01, scale: { type: likert, min: 1, max: 5, labels: { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5 } } }
  - { id: recommend, column: How likely are you to recommend the community?, scale: { type: nps } }
`),
    );
    const file = writeCsv(
      join(dir, 'results-survey123456.csv'),
      [
        ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'G01Q01. How satisfied are you overall?', 'G01Q02. How likely are you to recommend the community?'],
        ['1', '2026-03-01 10:00:00', '2', 'en', '123', 'A4', '9'],
        ['2', '', '1', 'zh-Hans', '456', 'A2', ''],
        ['3', '2026-03-02 12:30:00', '2', 'zh-Hans', '789', 'A5', '10'],
      ],
      { bom: true, delimiter: ';', quoteAll: true, eol: '\r\n' },
    );
    const summary = await importSurvey(db, { file, instrument, pseudonymKey });
    expect(summary).toMatchObject({ read: 3, new: 2, rejected: 1 });
    expect(await rejectsOf(db, summary.run_id)).toEqual([{ row: 3, field: 'submitdate', value: '', reason: expect.stringMatching(/blank.*unfinished/) }]);
    expect(await answersOf(db, 'lime-csat')).toEqual([
      [2, 'overall', 'A4', 75],
      [2, 'recommend', '9', 90],
      [4, 'overall', 'A5', 100],
      [4, 'recommend', '10', 100],
    ]);
  });

  it('imports hotline tickets from an Excel sheet through a mapping with a file block', async () => {
    const { db } = database;
    const mapping = loadTicketMapping(
      yamlFile('hotline-xlsx.yaml', `
id: hotline-xlsx
community: lixia-intl
file: { format: xlsx, sheet: 工单 }
columns: { external_id: 工单编号, opened_at: 受理时间, closed_at: 办结时间, category: 诉求类型, rating: 满意度, text: 诉求内容 }
categories: { 咨询类: 咨询, 投诉类: 投诉 }
`),
    );
    const file = await writeXlsx(join(dir, 'hotline.xlsx'), {
      说明: [['本表由12345系统导出']],
      工单: [
        ['工单编号', '受理时间', '办结时间', '诉求类型', '满意度', '诉求内容'],
        ['GD1', new Date(Date.UTC(2026, 2, 1, 9, 0, 0)), '2026-03-02 17:00', '咨询类', '满意', '请回电 13812345678'],
        ['GD2', '2026-03-01 10:30', null, '投诉类', null, '签证太慢'],
      ],
    });
    const summary = await importTickets(db, { file, mapping });
    expect(summary).toMatchObject({ read: 2, new: 2, rejected: 0 });
    const tickets = await db.selectFrom('tickets').where('source_id', '=', 'servicedesk-hotline-xlsx').selectAll().orderBy('external_id').execute();
    expect(tickets.map((t) => [t.external_id, t.category, t.rating, t.text])).toEqual([
      ['GD1', '咨询', 4, '请回电 [PHONE]'],
      ['GD2', '投诉', null, '签证太慢'],
    ]);
    expect(tickets[0]?.opened_at.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(await importTickets(db, { file, mapping })).toMatchObject({ new: 0, duplicate: 2 });
  });
});
