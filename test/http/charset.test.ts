import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../collectors/http/charset.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

// Long enough for the detector to see the language, as any real page is.
const simplified =
  '济南国际人才社区举办外籍人才座谈会。来自十二个国家的专家表示，工作许可和居留证件的办理时间明显缩短，' +
  '社区服务中心提供中英文双语咨询，子女入学和医疗保障也有专人对接。也有人反映停车难、夜间公交少，希望尽快改进。';
const traditional =
  '臺北國際人才社區舉辦外籍人才座談會。來自十二個國家的專家表示，工作許可和居留證件的辦理時間明顯縮短，' +
  '社區服務中心提供中英文雙語諮詢，子女入學和醫療保障也有專人對接。也有人反映停車難、夜間公車少，希望盡快改進。';

const page = (charset: string | undefined, text: string) =>
  `<!doctype html><html><head>${charset ? `<meta charset="${charset}">` : ''}<title>人才社区</title></head><body><p>${text}</p></body></html>`;
const feed = (charset: string, text: string) => `<?xml version="1.0" encoding="${charset}"?><rss version="2.0"><channel><title>${text}</title></channel></rss>`;

describe('decodeBody: GBK', () => {
  it('follows a correct meta declaration', () => {
    expect(decodeBody(iconv.encode(page('gbk', simplified), 'gbk'), 'text/html')).toMatchObject({ encoding: 'gb18030', evidence: 'meta' });
  });

  it('follows gb2312 in the HTTP header and in an XML declaration, decoding as GB18030', () => {
    const bytes = iconv.encode(feed('gb2312', simplified), 'gbk');
    const byHeader = decodeBody(bytes, 'application/rss+xml; charset=GB2312');
    expect(byHeader).toMatchObject({ encoding: 'gb18030', evidence: 'http-header', declared: { declared: 'GB2312' } });
    expect(byHeader.text).toContain(simplified);
    expect(decodeBody(bytes)).toMatchObject({ encoding: 'gb18030', evidence: 'xml-declaration' });
  });

  it('detects GBK bytes that declare nothing', () => {
    const decoded = decodeBody(iconv.encode(page(undefined, simplified), 'gbk'), 'text/html');
    expect(decoded).toMatchObject({ encoding: 'gb18030', evidence: 'detector' });
    expect(decoded.text).toContain(simplified);
  });

  it('detects GBK bytes that claim to be UTF-8', () => {
    const decoded = decodeBody(iconv.encode(page('utf-8', simplified), 'gbk'), 'text/html; charset=utf-8');
    expect(decoded).toMatchObject({ encoding: 'gb18030', evidence: 'detector', declared: { charset: 'utf-8' } });
    expect(decoded.text).toContain(simplified);
  });
});

describe('decodeBody: Big5', () => {
  it('follows a correct declaration', () => {
    const decoded = decodeBody(iconv.encode(page('big5', traditional), 'big5'), 'text/html; charset=big5');
    expect(decoded).toMatchObject({ encoding: 'big5', evidence: 'http-header' });
    expect(decoded.text).toContain(traditional);
  });

  it('detects Big5 bytes that declare nothing', () => {
    const decoded = decodeBody(iconv.encode(page(undefined, traditional), 'big5'));
    expect(decoded).toMatchObject({ encoding: 'big5', evidence: 'detector' });
    expect(decoded.text).toContain(traditional);
  });

  it('overrides a gb2312 label on Big5 bytes, which would otherwise decode without errors as mojibake', () => {
    const bytes = iconv.encode(page('gb2312', traditional), 'big5');
    expect(iconv.decode(bytes, 'gb18030')).not.toContain('\uFFFD');
    const decoded = decodeBody(bytes);
    expect(decoded).toMatchObject({ encoding: 'big5', evidence: 'detector', declared: { charset: 'gb18030', source: 'meta' } });
    expect(decoded.text).toContain(traditional);
  });
});

describe('decodeBody: UTF-8 and the rest', () => {
  it('uses UTF-8 when the bytes are UTF-8 although the page declares gb2312', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>${simplified}</p>`;
    const decoded = decodeBody(Buffer.from(html, 'utf8'), 'text/html; charset=gb2312');
    expect(decoded).toMatchObject({ text: html, encoding: 'utf-8', evidence: 'utf-8-bytes', declared: { source: 'http-header' } });
  });

  it('names the declaration when UTF-8 is what was declared', () => {
    expect(decodeBody(Buffer.from(page('utf-8', simplified)))).toMatchObject({ encoding: 'utf-8', evidence: 'meta' });
  });

  it('lets a byte-order mark win over everything', () => {
    const decoded = decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(simplified)]), 'text/html; charset=gbk');
    expect(decoded).toEqual({ text: simplified, encoding: 'utf-8', evidence: 'bom' });
    const utf16 = decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(simplified, 'utf-16le')]));
    expect(utf16).toEqual({ text: simplified, encoding: 'utf-16le', evidence: 'bom' });
  });

  it('reads a Latin-1 label as windows-1252, as browsers do', () => {
    const decoded = decodeBody(iconv.encode('Café “talent” résumé', 'windows-1252'), 'text/plain; charset=ISO-8859-1');
    expect(decoded).toMatchObject({ text: 'Café “talent” résumé', encoding: 'windows-1252', evidence: 'http-header' });
  });
});

describe('decoding pages served over HTTP', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({
      '/gbk-declared.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(iconv.encode(page('gbk', simplified), 'gbk')),
      '/gbk-bare.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(page(undefined, simplified), 'gbk')),
      '/big5-bare.xml': (_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(iconv.encode(`<rss><channel><title>${traditional}</title></channel></rss>`, 'big5')),
      '/big5-mislabelled.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=gb2312' }).end(iconv.encode(page('gb2312', traditional), 'big5')),
      '/utf8-says-gb2312.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=gb2312' }).end(Buffer.from(page('gb2312', simplified))),
    });
  });
  afterAll(() => server.close());

  it.each([
    ['/gbk-declared.html', simplified, 'gb18030'],
    ['/gbk-bare.html', simplified, 'gb18030'],
    ['/big5-bare.xml', traditional, 'big5'],
    ['/big5-mislabelled.html', traditional, 'big5'],
    ['/utf8-says-gb2312.html', simplified, 'utf-8'],
  ])('%s comes out as the Chinese that was written', async (path, text, encoding) => {
    const fetcher = createFetcher({ timeoutMs: 1000, retries: 0, maxBodyBytes: 1 << 16, userAgent: 't', hostDelayMs: 0 });
    const response = await fetcher.fetch(`${server.url}${path}`);
    const decoded = decodeBody(response.body, response.headers['content-type']);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(text);
  });
});
