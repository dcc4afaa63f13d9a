import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
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

  it('reads a workbook as other programs write it: parts in any order, prefixed elements, inline, rich and escaped text, 1904 dates', async () => {
    // Written by hand in the shape WPS and some exporters use: the workbook part first, every
    // element qualified with x:, strings inline or shared with rich runs and phonetic guides.
    const main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const zip = new JSZip();
    zip.file('xl/workbook.xml', `<x:workbook ${main}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="说明" sheetId="1" r:id="rId2"/><x:sheet name="数据" sheetId="2" r:id="rId1"/></x:sheets></x:workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Target="worksheets/notes.xml"/></Relationships>');
    zip.file('xl/worksheets/notes.xml', `<x:worksheet ${main}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>read me</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
    zip.file('xl/worksheets/data.xml', `<x:worksheet ${main}><x:sheetData>
      <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>评价</x:t><x:rPh sb="0" eb="2"><x:t>ひょうか</x:t></x:rPh></x:is></x:c><x:c r="D1" t="str"><x:v>ok?</x:v></x:c></x:row>
      <x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" s="1"><x:v>0.5</x:v></x:c><x:c r="C3" t="inlineStr"><x:is><x:r><x:t>不满意，</x:t></x:r><x:r><x:t>line_x000D_
break &amp; more</x:t></x:r></x:is></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c></x:row>
      <x:row r="4"><x:c r="B4" s="2"><x:v>42</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`);
    zip.file('xl/styles.xml', `<x:styleSheet ${main}><x:numFmts><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="2"/></x:cellXfs></x:styleSheet>`);
    zip.file('xl/sharedStrings.xml', `<x:sst ${main}><x:si><x:t>编号</x:t></x:si><x:si><x:r><x:t>提交</x:t></x:r><x:r><x:t>时间</x:t></x:r><x:rPh><x:t>ていしゅつ</x:t></x:rPh></x:si><x:si><x:t>A-1</x:t></x:si></x:sst>`);
    const file = join(dir, 'other.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));

    expect(await collect(file, { sheet: '数据' })).toEqual([
      { line: 1, values: ['编号', '提交时间', '评价', 'ok?'] },
      // 0.5 days after the 1904 epoch, shown in the cell's date format as a wall-clock time.
      { line: 3, values: ['A-1', '1904-01-01 12:00:00', '不满意，line\r\nbreak & more', 'true'] },
      { line: 4, values: ['', '42', '', '#N/A'] },
    ]);
    expect(await collect(file)).toEqual([{ line: 1, values: ['read me'] }]);
  });

  it('names the file when it is not a workbook, or a part it needs is missing', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    await expect(collect(broken)).rejects.toThrow(/broken\.xlsx: not an Excel workbook/);
    const zip = new JSZip();
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships/>');
    const partial = join(dir, 'partial.xlsx');
    writeFileSync(partial, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(collect(partial)).rejects.toThrow(/partial\.xlsx: not an Excel workbook \(it has no xl\/workbook\.xml\)/);
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
