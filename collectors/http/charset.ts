import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** The encoding actually used to decode the bytes. */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns response bytes into text: a byte-order mark wins, then valid UTF-8 (many pages declare
 * gb2312 and are really UTF-8), then the declared charset (HTTP header, XML declaration, meta tag),
 * then GB18030 as the likeliest legacy encoding for mainland sources.
 */
export function decodeBody(body: Buffer, contentType?: string): DecodedBody {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { text: body.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { text: iconv.decode(body.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: iconv.decode(body.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const declared = normalise(charsetFromContentType(contentType) ?? charsetFromMarkup(body));
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  const encoding = declared && declared !== 'utf-8' && iconv.encodingExists(declared) ? declared : 'gb18030';
  return { text: iconv.decode(body, encoding), encoding };
}

function isUtf8(body: Buffer): boolean {
  try {
    utf8.decode(body);
    return true;
  } catch {
    return false;
  }
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/** Looks at the start of the document for <?xml encoding="…"?> or <meta charset> / http-equiv. */
function charsetFromMarkup(body: Buffer): string | undefined {
  const head = body.subarray(0, 4096).toString('latin1');
  return (
    /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

// Legacy names are all decoded as their supersets, so a gb2312 page with GBK characters still decodes.
function normalise(charset: string | undefined): string | undefined {
  if (!charset) return undefined;
  const name = charset.toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn'].includes(name)) return 'gb18030';
  if (['big5', 'big5-hkscs', 'x-big5', 'cp950'].includes(name)) return 'big5';
  if (name === 'utf8') return 'utf-8';
  return name;
}
