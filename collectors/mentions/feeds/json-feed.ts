import { parseFeedDate } from './feed-dates.ts';
import { htmlToText, textValue } from './feed-text.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** Whether parsed JSON is a JSON Feed (1.0 or 1.1 declare themselves by their version URL). */
export function isJsonFeed(value: unknown): value is Json {
  return isObject(value) && typeof value.version === 'string' && /jsonfeed\.org\/version\//.test(value.version);
}

/**
 * JSON Feed 1.0/1.1 mapped straight from JSON.parse: the format is simple enough that no parser
 * adds anything. 1.1's `authors` array is preferred over 1.0's `author`.
 */
export function mapJsonFeed(feed: Json, url: string | undefined, warnings: string[]): Omit<ParsedFeed, 'warnings'> {
  const link = absolute(str(feed.home_page_url), url);
  const base = link ?? url;
  const items = Array.isArray(feed.items) ? feed.items : [];
  if (!Array.isArray(feed.items)) warnings.push('JSON Feed without an "items" array');
  return {
    format: 'json',
    title: textValue(str(feed.title)),
    link,
    items: items.filter(isObject).map((item, index) => mapItem(item, base, (message) => warnings.push(`item ${index + 1}: ${message}`))),
  };
}

function mapItem(item: Json, base: string | undefined, warn: (message: string) => void): FeedItem {
  const date = (key: string): Date | null => {
    const value = str(item[key]);
    const parsed = parseFeedDate(value);
    if (value && !parsed) warn(`unparseable ${key} "${value}"`);
    return parsed;
  };
  const content = str(item.content_html) ?? str(item.content_text);
  const id = item.id === undefined || item.id === null ? null : String(item.id);
  return {
    id,
    title: textValue(str(item.title)),
    link: absolute(str(item.url) ?? str(item.external_url), base),
    published_at: date('date_published'),
    updated_at: date('date_modified'),
    summary: textValue(str(item.summary)) ?? (str(item.content_text) ? textValue(str(item.content_text)) : htmlToText(str(item.content_html))),
    content,
    author: authorName(item),
  };
}

function authorName(item: Json): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  const first = authors.find(isObject);
  return first ? textValue(str(first.name)) : null;
}

function absolute(link: string | null, base: string | undefined): string | null {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}
