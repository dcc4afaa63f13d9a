import * as cheerio from 'cheerio';
import type { ListSource } from '../../../config/schema.ts';
import { parseLocalDateTime } from '../../shared/local-time.ts';

export interface ListedItem {
  /** The href as written (resolved by the caller), or null when the item has no link. */
  link: string | null;
  title: string | null;
  published_at: Date | null;
}

export interface ListPage {
  items: ListedItem[];
  /** The next page's href as written, when the list has one. */
  next: string | null;
}

/** Reads a list page with the source's selectors. Pure. */
export function readListPage(html: string, selectors: ListSource['list'], timeZone: string): ListPage {
  const $ = cheerio.load(html);
  const items: ListedItem[] = [];
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const anchor = item.is(selectors.link) ? item : item.find(selectors.link).first();
    const title = (selectors.title ? item.find(selectors.title).first().text() : anchor.text()).replace(/\s+/g, ' ').trim();
    const dateText = selectors.date ? item.find(selectors.date).first().attr('datetime') ?? item.find(selectors.date).first().text() : '';
    items.push({ link: anchor.attr('href')?.trim() || null, title: title || null, published_at: parseListedDate(dateText, timeZone) });
  });
  const next = selectors.next_page ? $(selectors.next_page).first().attr('href')?.trim() || null : null;
  return { items, next };
}

const DATE_IN_TEXT = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/** A date as list pages write it ("2026-03-01", "2026/3/1 08:30", "发布时间：2026年3月1日"), in the site's zone. */
export function parseListedDate(text: string, timeZone: string): Date | null {
  const value = text.trim();
  if (!value) return null;
  const iso = parseLocalDateTime(value, timeZone);
  if (iso) return iso;
  const match = DATE_IN_TEXT.exec(value);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss] = match;
  const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  return parseLocalDateTime(`${y}-${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}:${pad(ss)}`, timeZone) ?? null;
}
