import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../collectors/shared/file-encoding.ts';
import { readTableRecords, type TableItem } from '../../collectors/shared/table-records.ts';
import { tempDir } from '../support/export-files.ts';

const dir = tempDir();
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const header = '编号,提交时间,评价,意见\n';
const row = (n: number, note: string) => `A-${n},2026-03-02 09:15,满意,${note}\n`;

async function collect(file: string): Promise<TableItem[]> {
  const items: TableItem[] = [];
  for await (const item of readTableRecords(file)) items.push(item);
  return items;
}

/** A survey-like CSV of `count` rows of Chinese text, with `bad` bytes in the comment of row `at` (a data row, from 1). */
function exportWith(count: number, at: number, bad: Buffer): { bytes: Buffer; offset: number } {
  const parts: Buffer[] = [utf8(header)];
  let offset = -1;
  for (let n = 1; n <= count; n++) {
    if (n !== at) {
      parts.push(utf8(row(n, '办事很快，窗口热情')));
      continue;
    }
    const before = utf8(`A-${n},2026-03-02 09:15,满意,窗口`);
    offset = parts.reduce((sum, part) => sum + part.length, 0) + before.length;
    parts.push(before, bad, utf8('热情\n'));
  }
  return { bytes: Buffer.concat(parts), offset };
}

describe('file encodings', () => {
  it('reads UTF-16 without a byte-order mark by its zero bytes, Chinese and English alike, and not a UTF-8 file with a stray zero byte', () => {
    const text = `${header}${row(1, '办事很快')}${row(2, '排队太久，电话难打通')}`;
    expect(sniffEncoding(iconv.encode(text, 'utf-16le'), 'auto', true)).toEqual({ encoding: 'utf-16le', evidence: 'utf-16-nuls' });
    expect(sniffEncoding(iconv.encode(text, 'utf-16be'), 'auto', true)).toEqual({ encoding: 'utf-16be', evidence: 'utf-16-nuls' });
    expect(sniffEncoding(iconv.encode('great service\nterrible\n', 'utf-16le'), 'auto', true)).toEqual({ encoding: 'utf-16le', evidence: 'utf-16-nuls' });
    expect(sniffEncoding(Buffer.concat([utf8(text), Buffer.from([0]), utf8(row(3, '很好'))]), 'auto', true).encoding).toBe('utf-8');
  });

  it('imports a UTF-16 export without a byte-order mark row by row', async () => {
    const file = join(dir, 'unicode-text.csv');
    writeFileSync(file, iconv.encode(`${header}${row(1, '办事很快')}${row(2, '排队太久')}`, 'utf-16le'));
    const items = await collect(file);
    expect(items.map((item) => ('values' in item ? item.values : item.error))).toEqual([
      ['编号', '提交时间', '评价', '意见'],
      ['A-1', '2026-03-02 09:15', '满意', '办事很快'],
      ['A-2', '2026-03-02 09:15', '满意', '排队太久'],
    ]);
  });

  it('takes UTF-8 with a stray byte or a pasted GBK cell as UTF-8, clean GB18030 as GBK, and Latin-1 only when neither fits', () => {
    const text = `${header}${row(1, '办事很快')}${row(2, '排队太久，电话难打通')}${row(3, '服务周到')}`;
    const stray = Buffer.concat([utf8(text), Buffer.from([0xff]), utf8(row(4, '很好'))]);
    expect(sniffEncoding(stray, 'auto', true)).toEqual({ encoding: 'utf-8', evidence: 'mostly-utf-8' });
    const pasted = Buffer.concat([utf8(text), utf8('A-4,2026-03-02 09:15,满意,'), iconv.encode('服务周到', 'gbk'), utf8('\n')]);
    expect(sniffEncoding(pasted, 'auto', true)).toEqual({ encoding: 'utf-8', evidence: 'mostly-utf-8' });
    expect(sniffEncoding(iconv.encode(text, 'gbk'), 'auto', true)).toEqual({ encoding: 'gb18030', evidence: 'gb18030-bytes' });
    // A prefix cut inside a GBK character is still GBK.
    const gbk = iconv.encode(text, 'gbk');
    expect(sniffEncoding(gbk.subarray(0, gbk.length - 2), 'auto', false).encoding).toBe('gb18030');
    // Big5 and Shift-JIS read cleanly as GB18030 too, as garbage; the detector tells them apart.
    expect(sniffEncoding(iconv.encode('編號,國籍,評價,意見\nA-1,韓國,滿意,辦事很快，窗口熱情\nA-2,德國,不滿意,排隊太久，電話難打通\n', 'big5'), 'auto', true).encoding).toBe('big5');
    expect(sniffEncoding(iconv.encode('番号,国籍,評価\nA-1,韓国,満足です、窓口はとても親切でした\n', 'shift_jis'), 'auto', true).encoding).toBe('shift-jis');
    const latin1 = iconv.encode('name,city,comment\nRené,Genève,très bien, merci\nJosé,Málaga,¿qué tal?\n'.repeat(3), 'latin1');
    expect(sniffEncoding(latin1, 'auto', true).evidence).toBe('detector');
  });

  it('names the row, column and byte offset of a stray byte past the sample the encoding was decided from, and reads every other row as in a clean file', async () => {
    // About 150 KB: the decision sees the first 64 KiB, all clean.
    const count = 3000;
    const { bytes, offset } = exportWith(count, 2500, Buffer.from([0xff]));
    expect(offset).toBeGreaterThan(64 * 1024);
    writeFileSync(join(dir, 'late.csv'), bytes);
    writeFileSync(join(dir, 'clean.csv'), exportWith(count, 2500, Buffer.alloc(0)).bytes);
    const items = await collect(join(dir, 'late.csv'));
    const clean = await collect(join(dir, 'clean.csv'));
    expect(items).toHaveLength(count + 1);
    expect(items[2500]).toEqual({
      line: 2501,
      column: 3,
      value: '窗口\ufffd热情',
      error: expect.stringMatching(new RegExp(`^line 2501, column 4: bytes that are not UTF-8 \\(FF at byte ${offset}\\b`)) as string,
    });
    // Characters cut between read chunks are whole, and no other row is touched.
    expect(items.filter((_item, index) => index !== 2500)).toEqual(clean.filter((_item, index) => index !== 2500));
  });

  it('says what a cell pasted from a GBK file reads as, and names the line of a record that spans lines', async () => {
    const bytes = Buffer.concat([utf8(header), utf8(row(1, '办事很快')), utf8('A-2,2026-03-02 10:00,一般,"第一行\n'), iconv.encode('服务周到', 'gbk'), utf8('"\n'), utf8(row(3, '排队太久'))]);
    writeFileSync(join(dir, 'pasted.csv'), bytes);
    const items = await collect(join(dir, 'pasted.csv'));
    expect(items.map((item) => ('error' in item ? ['error', item.line, item.column] : item.values[3]))).toEqual(['意见', '办事很快', ['error', 4, 3], '排队太久']);
    expect(items[2]).toMatchObject({ error: expect.stringContaining('"服务周到"') as string });
  });

  it('names the row and column of a stray byte in a file whose lines end in a bare CR', async () => {
    const bytes = Buffer.concat([utf8(`${header}${row(1, '办事很快')}`.replace(/\n/g, '\r')), utf8('A-2,2026-03-02 10:00,一般,窗口'), Buffer.from([0xff]), utf8(`热情\r${row(3, '排队太久')}`.replace(/\n/g, '\r'))]);
    writeFileSync(join(dir, 'cr.csv'), bytes);
    const items = await collect(join(dir, 'cr.csv'));
    expect(items.map((item) => ('error' in item ? ['error', item.line, item.column] : item.values[3]))).toEqual(['意见', '办事很快', ['error', 3, 3], '排队太久']);
    expect(items[2]).toMatchObject({ value: '窗口\ufffd热情', error: expect.stringMatching(/^line 3, column 4: bytes that are not UTF-8/) as string });
  });

  it('names the row of bytes a GBK file cannot read, past the sample too', async () => {
    const lines = [header, ...Array.from({ length: 5000 }, (_value, index) => row(index + 1, '办事很快'))];
    const parts = lines.map((line) => iconv.encode(line, 'gbk'));
    parts[4000] = Buffer.concat([iconv.encode('A-4000,2026-03-02 09:15,满意,窗口', 'gbk'), Buffer.from([0xff]), iconv.encode('热情\n', 'gbk')]);
    writeFileSync(join(dir, 'gbk-late.csv'), Buffer.concat(parts));
    const items = await collect(join(dir, 'gbk-late.csv'));
    expect(items.filter((item) => 'error' in item)).toEqual([{ line: 4001, column: 3, value: '窗口\ufffd热情', error: expect.stringContaining('not GB18030') as string }]);
    expect(items[4002]).toEqual({ line: 4003, values: ['A-4002', '2026-03-02 09:15', '满意', '办事很快'] });
  });
});
