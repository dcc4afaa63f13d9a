import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';

export interface FeedEntry {
  link: string | null;
  title: string;
  text: string;
  author: string | null;
  published: Date | null;
}

/** Not an RSS or Atom document; the message names the URL. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/** Parses RSS/Atom text into plain-text entries (HTML stripped from title and body). */
export function readFeedEntries(xml: string, url: string): FeedEntry[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new FeedParseError(`${url}: not an RSS or Atom feed (${(error as Error).message})`);
  }
  return feed.items.map((item) => ({
    link: item.url ?? (item.id && /^https?:/i.test(item.id) ? item.id : null),
    title: plainText(item.title ?? ''),
    // Many feeds repeat a summary in <description> and the article in <content:encoded>: take the fuller.
    text: plainText(item.content ?? item.description ?? ''),
    author: item.authors[0]?.name ?? null,
    published: item.published ?? item.updated ?? null,
  }));
}

/** HTML (or plain text with entities) to collapsed plain text, keeping breaks between blocks. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const $ = cheerio.load(`<body>${html}</body>`);
  $('script, style, noscript').remove();
  $('br, p, div, li, h1, h2, h3, h4, h5, h6, tr').after(' ');
  return $('body').text().replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** A first guess at the language for routing to a scorer: zh when Han characters are a fair share. */
export function guessLanguage(text: string): 'zh' | 'en' | null {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  // A Han character carries about as much as a Latin word, so weigh them ~1:4.
  return han * 4 >= latin ? 'zh' : 'en';
}
