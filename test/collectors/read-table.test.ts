import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../collectors/shared/file-encoding.ts';
import { headerAliases } from '../../collectors/shared/header-aliases.ts';
import { readTableRecords, type TableItem } from '../../collectors/shared/table-records.ts';
import { MissingSheetError } from '../../collectors/shared/xlsx-records.ts';
import { tempDir, writeCsv, writeXlsx } from '../support/export-files.ts';

const dir = tempDir();
const rows = [
  ['编号', '提交时间', '评价'],
  ['A-1', '2026-03-02 09:15', '非常满意'],
  ['A-2', '2026-03-02 10:00', '不满意，电话太难打通'],
];

async function collect(file: string, options: Parameters<typeof readTableRecords>[1] = {}): Promise<TableItem[]> {
  const items: TableItem[] = [];
  for await (const item of readTableRecords(file, options)) items.push(item);
  return items;
}

describe('readTableRecords', () => {
  it('reads GBK, UTF-8 with a BOM and UTF-8 without one to the same rows', async () => {
    const gbk = await collect(writeCsv(join(dir, 'gbk.csv'), rows, { encoding: 'gbk' }));
    const bom = await collect(writeCsv(join(dir, 'bom.csv'), rows, { bom: true }));
    const plain = await collect(writeCsv(join(dir, 'plain.csv'), rows));
    const expected = rows.map((values, index) => ({ line: index + 1, values }));
    expect(gbk).toEqual(expected);
    expect(bom).toEqual(expected);
    expect(plain).toEqual(expected);
  });

  it('says why it chose an encoding, and a configured one wins', () => {
    const gbkBytes = Buffer.from(rows.flat().join(',').repeat(20), 'utf8');
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'auto', true)).toEqual({ encoding: 'utf-8', evidence: 'bom' });
    expect(sniffEncoding(gbkBytes, 'auto', true)).toEqual({ encoding: 'utf-8', evidence: 'utf-8-bytes' });
    // A sample cut inside a three-byte character is still UTF-8.
    expect(sniffEncoding(Buffer.from('满意', 'utf8').subarray(0, 4), 'auto', false).encoding).toBe('utf-8');
    expect(sniffEncoding(Buffer.from('满意', 'utf8'), 'GBK', true)).toEqual({ encoding: 'gb18030', evidence: 'configured' });
  });

  it('finds the separator of semicolon and tab files from their first line', async () => {
    const semicolon = await collect(writeCsv(join(dir, 'semi.csv'), [['a', 'b, c'], ['1', '2']], { delimiter: ';', quoteAll: true }));
    expect(semicolon[0]).toEqual({ line: 1, values: ['a', 'b, c'] });
    const tab = await collect(writeCsv(join(dir, 'tab.tsv'), [['a', 'b'], ['1', '2']], { delimiter: '\t' }));
    expect(tab[1]).toEqual({ line: 2, values: ['1', '2'] });
  });

  it('reads quoted fields, quotes and line breaks inside them, skips blank lines, and reports a stray quote with its line', async () => {
    const text = 'id,note,score\r\n"R1","a, b ""c""",4\r\n\r\nR2,"two\r\nlines",5\nR3,bad"quote,1\nR4,,\n"R5","unclosed,2\n';
    writeFileSync(join(dir, 'quoted.csv'), text);
    const items = await collect(join(dir, 'quoted.csv'));
    expect(items.slice(0, 3)).toEqual([
      { line: 1, values: ['id', 'note', 'score'] },
      { line: 2, values: ['R1', 'a, b "c"', '4'] },
      { line: 5, values: ['R2', 'two\r\nlines', '5'] },
    ]);
    expect(items[3]).toMatchObject({ line: 6, error: expect.stringMatching(/quote.*line 6/i) });
    expect(items[4]).toEqual({ line: 7, values: ['R4', '', ''] });
    expect(items[5]).toMatchObject({ line: 8, error: expect.stringMatching(/quote not closed.*line 8/i) });
    expect(items).toHaveLength(6);
    // Old Mac line ends (a bare CR) read the same rows.
    writeFileSync(join(dir, 'cr.csv'), 'a,b\r1,"x\ry"\r');
    expect(await collect(join(dir, 'cr.csv'))).toEqual([{ line: 1, values: ['a', 'b'] }, { line: 3, values: ['1', 'x\ry'] }]);
  });

  it('reads the chosen Excel sheet by name or position, cells as a person sees them', async () => {
    const file = await writeXlsx(join(dir, 'book.xlsx'), {
      RAW: [['x'], ['ignored']],
      CLEAN: [
        ['id', 'when', 'score', 'note'],
        ['R1', new Date(Date.UTC(2026, 2, 2, 9, 15, 0)), 4, null],
        ['R2', '2026/3/2 10:00', 4.5, 'ok'],
      ],
    });
    const byName = await collect(file, { sheet: 'CLEAN' });
    expect(byName).toEqual([
      { line: 1, values: ['id', 'when', 'score', 'note'] },
      { line: 2, values: ['R1', '2026-03-02 09:15:00', '4', ''] },
      { line: 3, values: ['R2', '2026/3/2 10:00', '4.5', 'ok'] },
    ]);
    expect(await collect(file, { sheet: 2, format: 'xlsx' })).toEqual(byName);
    expect((await collect(file))[0]).toEqual({ line: 1, values: ['x'] });
    await expect(collect(file, { sheet: 'Sheet9' })).rejects.toThrow(MissingSheetError);
    await expect(collect(file, { sheet: 'Sheet9' })).rejects.toThrow(/book\.xlsx.*"Sheet9".*"RAW", "CLEAN"/);
  });
});

describe('headerAliases', () => {
  it('gives Qualtrics columns their question text and ImportId, 问卷星 its 题干, LimeSurvey its code', () => {
    expect(headerAliases([['Q1', 'Q2'], ['How satisfied?', 'NPS'], ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}']], 'qualtrics')).toEqual([
      ['How satisfied?', '{"ImportId":"QID1"}', 'QID1'],
      ['NPS', '{"ImportId":"QID2"}', 'QID2'],
    ]);
    expect(headerAliases([['序号', '3、您对签证服务满意吗？']], 'wjx')).toEqual([[], ['您对签证服务满意吗？']]);
    expect(headerAliases([['id', 'G01Q01. How satisfied are you?']], 'limesurvey')).toEqual([[], ['G01Q01', 'How satisfied are you?']]);
    expect(headerAliases([['3、题干']], 'plain')).toEqual([[]]);
  });
});
