import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../collectors/http/charset.ts';

const zh = '济南国际人才社区：签证服务满意度调查';

describe('decodeBody', () => {
  it('decodes a GBK page announced by its meta tag', () => {
    const html = `<html><head><meta charset="gbk"><title>${zh}</title></head></html>`;
    const decoded = decodeBody(iconv.encode(html, 'gbk'), 'text/html');
    expect(decoded.text).toContain(zh);
    expect(decoded.encoding).toBe('gb18030');
  });

  it('decodes GB2312 named in the HTTP header and in an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="gb2312"?><rss><title>${zh}</title></rss>`;
    expect(decodeBody(iconv.encode(xml, 'gb2312'), 'application/rss+xml; charset=GB2312').text).toContain(zh);
    expect(decodeBody(iconv.encode(xml, 'gb2312')).text).toContain(zh);
  });

  it('guesses GB18030 for legacy bytes that declare nothing', () => {
    expect(decodeBody(iconv.encode(`<p>${zh}</p>`, 'gbk')).text).toContain(zh);
  });

  it('decodes Big5 when declared', () => {
    const text = '國際人才社區服務';
    expect(decodeBody(iconv.encode(`<p>${text}</p>`, 'big5'), 'text/html; charset=big5').text).toContain(text);
  });

  it('uses UTF-8 when the bytes are UTF-8 even if the page claims gb2312', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>${zh}</p>`;
    const decoded = decodeBody(Buffer.from(html, 'utf8'), 'text/html; charset=gb2312');
    expect(decoded).toEqual({ text: html, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh)]));
    expect(decoded.text).toBe(zh);
  });
});
