import * as cheerio from 'cheerio';
import { decode } from 'html-entities';
import iconv from 'iconv-lite';

// Only ASCII whitespace is collapsed: a no-break space the author wrote is content.
const SPACE = /[ \t\r\n\f]+/g;

export function collapse(text: string): string {
  return demoronize(text).replace(SPACE, ' ').trim();
}

/**
 * C1 control characters never belong in text; in feeds they are Windows-1252 punctuation (smart
 * quotes, dashes) that went through a Latin-1 decoder. Map them back as feedparser does.
 */
function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252');
    return mapped.length === 1 && mapped !== '\ufffd' && mapped.charCodeAt(0) > 0x9f ? mapped : c;
  });
}

/** A value that is text already (Atom type="text", JSON Feed title): entities decoded, whitespace collapsed. */
export function textValue(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return collapse(/&/.test(text) ? decode(text) : text) || null;
}

/** HTML (or text with entities) to plain text, keeping a break between blocks; scripts and styles dropped. */
export function htmlToText(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  if (!/[<&]/.test(html)) return collapse(html) || null;
  const $ = cheerio.load(`<body>${html}</body>`);
  $('script, style, noscript, template').remove();
  $('br, p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre').after(' ');
  return collapse($('body').text()) || null;
}
