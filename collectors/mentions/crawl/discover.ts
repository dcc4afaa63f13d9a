import type { SourceConfig } from '../../../config/schema.ts';
import { canonicalUrl } from '../canonical-url.ts';
import type { ItemDecision } from './crawl-report.ts';
import { readListPage } from './list-page.ts';
import { type CrawlPorts, describeFailure } from './ports.ts';

/** An item found on a feed or list page (or the watched page itself), before its article is read. */
export interface Candidate {
  /** Canonical URL: the mention's key. */
  url: string;
  /** False when the feed item's own text is the mention (feed without fetch_articles). */
  fetch: boolean;
  /** A watched page is stored again whenever its text changes, so its URL alone is not its key. */
  versioned: boolean;
  hint: { title: string | null; text: string | null; author: string | null; published_at: Date | null };
}

export interface Discovery {
  candidates: Candidate[];
  /** Items and pages that failed before any article was fetched (no link, a broken page 2). */
  decisions: ItemDecision[];
  /** Items listed without a usable link (each also a failed decision). */
  linkless: number;
  fetched: number;
  notModified: boolean;
}

/** The source's own URL could not be used; the run fails as a whole. */
export class SourceUnavailableError extends Error {
  override name = 'SourceUnavailableError';
  constructor(
    readonly url: string,
    readonly kind: 'disallowed' | 'failed',
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

const noHint = { title: null, text: null, author: null, published_at: null };

export async function discover(source: SourceConfig, ports: CrawlPorts, timeZone: string): Promise<Discovery> {
  const found: Discovery = { candidates: [], decisions: [], linkless: 0, fetched: 0, notModified: false };
  const fetchSource = async (url: string) => {
    try {
      return await ports.fetchPage(url, { conditional: true });
    } catch (error) {
      const failure = describeFailure(error);
      throw new SourceUnavailableError(url, failure.kind, failure.reason);
    }
  };
  const linkless = (where: string, link: string | null, title: string | null) => {
    found.linkless++;
    found.decisions.push({ url: where, title, outcome: 'failed', reason: `item has no http(s) link${link ? ` ("${link}")` : ''}` });
  };

  if (source.kind === 'page') {
    found.candidates.push({ url: canonicalUrl(source.url) ?? source.url, fetch: true, versioned: true, hint: noHint });
    return found;
  }

  if (source.kind === 'feed') {
    const page = await fetchSource(source.url);
    if (page.notModified) return { ...found, notModified: true };
    found.fetched++;
    let items;
    try {
      items = ports.parseFeedItems(page.text, page.url);
    } catch (error) {
      throw new SourceUnavailableError(source.url, 'failed', describeFailure(error).reason.replace(`${source.url}: `, ''));
    }
    for (const item of items) {
      const url = item.link ? canonicalUrl(item.link, page.url) : undefined;
      if (!url) linkless(source.url, item.link, item.title || null);
      else found.candidates.push({ url, fetch: source.fetch_articles, versioned: false, hint: { title: item.title || null, text: item.text || null, author: item.author, published_at: item.published_at } });
    }
    return found;
  }

  // A list: follow next-page links up to max_pages, never visiting a page twice.
  const visited = new Set<string>();
  let next: string | undefined = canonicalUrl(source.url) ?? source.url;
  for (let pageNo = 1; next && pageNo <= source.list.max_pages && !visited.has(next); pageNo++) {
    const url: string = next;
    visited.add(url);
    let page;
    try {
      page = pageNo === 1 ? await fetchSource(url) : await ports.fetchPage(url);
    } catch (error) {
      const failure = describeFailure(error);
      found.decisions.push({ url, title: `list page ${pageNo}`, outcome: failure.kind, reason: failure.reason });
      break;
    }
    if (page.notModified) return { ...found, notModified: pageNo === 1 };
    found.fetched++;
    const list = readListPage(page.text, source.list, timeZone);
    for (const item of list.items) {
      const link = item.link ? canonicalUrl(item.link, page.url) : undefined;
      if (!link) linkless(url, item.link, item.title);
      else found.candidates.push({ url: link, fetch: true, versioned: false, hint: { ...noHint, title: item.title, published_at: item.published_at } });
    }
    next = list.next ? canonicalUrl(list.next, page.url) : undefined;
  }
  return found;
}
