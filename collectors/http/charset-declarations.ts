/** Where a document says what its encoding is. */
export type DeclarationSource = 'http-header' | 'xml-declaration' | 'meta';

export interface CharsetDeclaration {
  /** Normalised as we decode it: gb2312/gbk → gb18030, big5 variants → big5. */
  charset: string;
  /** As written in the document or header. */
  declared: string;
  source: DeclarationSource;
}

/** The encoding a byte-order mark announces, and the mark's length. */
export function byteOrderMark(body: Uint8Array): { charset: string; length: number } | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The first declaration in order of authority: the HTTP header (RFC 7303 puts it above the XML
 * declaration, and HTML above meta), then an XML declaration, then a meta tag in the first 4 KiB.
 */
export function findDeclaration(body: Uint8Array, contentType: string | undefined): CharsetDeclaration | undefined {
  const header = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
  if (header) return declaration(header, 'http-header');
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return declaration(xml, 'xml-declaration');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (meta) return declaration(meta, 'meta');
  return undefined;
}

function declaration(declared: string, source: DeclarationSource): CharsetDeclaration {
  return { charset: normaliseCharset(declared), declared, source };
}

const GB = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'gb_2312-80', 'chinese']);
const BIG5 = new Set(['big5', 'big5-hkscs', 'x-big5', 'cp950', 'ms950', 'windows-950', 'csbig5', 'x-x-big5']);

/**
 * Legacy Chinese names are decoded as their supersets, so a page labelled gb2312 that uses GBK
 * characters still decodes (the WHATWG Encoding Standard maps them the same way); Latin-1 labels
 * are windows-1252, as browsers read them.
 */
export function normaliseCharset(name: string): string {
  const lower = name.trim().toLowerCase();
  if (GB.has(lower)) return 'gb18030';
  if (BIG5.has(lower)) return 'big5';
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'us-ascii' || lower === 'ascii') return 'windows-1252';
  return lower;
}
