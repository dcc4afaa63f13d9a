import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../collectors/http/charset.ts';
import { projectDir } from '../../config/paths.ts';

// Real pages nobody here wrote; read in place, never copied into the project.
const data = resolve(projectDir, '../shared/data');
const present = existsSync(data);
if (!present) console.warn(`skipping real-data charset tests: ${data} is absent (it sits beside the project in CI and on developers' machines)`);

const folder = (...parts: string[]) => {
  const dir = join(data, ...parts);
  return readdirSync(dir).map((name) => ({ name: join(...parts, name), bytes: readFileSync(join(dir, name)) }));
};

describe.skipIf(!present)('decoding real GBK, Big5 and mislabelled pages', () => {
  const files = present
    ? [...folder('web/gbk-pages'), ...folder('feeds/chardet-big5'), { name: 'web/readability-pages/qq/source.html', bytes: readFileSync(join(data, 'web/readability-pages/qq/source.html')) }]
    : [];

  it('decodes every file without a replacement character', () => {
    const results = files.map(({ name, bytes }) => ({ name, ...decodeBody(bytes) }));
    const clean = results.filter((result) => !result.text.includes('\uFFFD'));
    console.info(`charset: ${clean.length}/${results.length} real files decode without U+FFFD (${((100 * clean.length) / results.length).toFixed(1)}%)`);
    expect(results.filter((result) => result.text.includes('\uFFFD')).map((result) => `${result.name} as ${result.encoding} (${result.evidence})`)).toEqual([]);
  });

  it('reads the GB2312 pages as GB18030 and the Taiwanese feeds as Big5', () => {
    for (const { name, bytes } of files) {
      const { encoding } = decodeBody(bytes);
      if (name.startsWith('web/gbk-pages')) expect(encoding, name).toBe('gb18030');
      if (name.startsWith('feeds/chardet-big5')) expect(encoding, name).toBe('big5');
    }
  });

  it('decodes the qq page, which declares gb2312 but is UTF-8, as UTF-8', () => {
    const decoded = decodeBody(readFileSync(join(data, 'web/readability-pages/qq/source.html')), 'text/html; charset=gb2312');
    expect(decoded).toMatchObject({ encoding: 'utf-8', evidence: 'utf-8-bytes', declared: { charset: 'gb18030' } });
    expect(decoded.text).toContain('腾讯');
  });

  it('finds the Chinese text a reader sees in the Hebei Xinhua page', () => {
    const { text } = decodeBody(readFileSync(join(data, 'web/gbk-pages/hebei-xinhuanet-gb2312.html')));
    expect(text).toMatch(/新华网/);
  });
});
