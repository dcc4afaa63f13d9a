import type { ArticleSelectors } from '../../../config/schema.ts';
import { decodeBody } from '../../http/charset.ts';
import { FetchError } from '../../http/fetch-error.ts';
import type { Fetcher } from '../../http/fetcher.ts';
import { readFeedEntries } from '../feed-items.ts';
import type { Article } from '../extract/article.ts';
import { extractArticle } from '../extract/extract-article.ts';

// The crawl's only contact with fetching, feed parsing and article extraction, so tests (and other
// fetchers) can stand in for them.

/** What the crawl keeps of an article page. */
export type ArticlePage = Article;

export interface FetchedPage {
  /** The final URL after redirects: relative links resolve against it. */
  url: string;
  /** True when a conditional GET came back 304: nothing changed since the last crawl. */
  notModified: boolean;
  text: string;
}

export interface FeedItem {
  link: string | null;
  title: string;
  /** The item's own text (content, else summary), plain. */
  text: string;
  author: string | null;
  published_at: Date | null;
}

export interface CrawlPorts {
  fetchPage(url: string, options?: { conditional?: boolean }): Promise<FetchedPage>;
  parseFeedItems(text: string, url: string): FeedItem[];
  extractArticlePage(html: string, options: { url: string; selectors?: ArticleSelectors | undefined }): ArticlePage;
}

export function createCrawlPorts(fetcher: Fetcher): CrawlPorts {
  return {
    // The current fetcher has no validator store: `conditional` is accepted and ignored until it has.
    async fetchPage(url) {
      const response = await fetcher.fetch(url);
      return { url: response.url, notModified: false, text: decodeBody(response.body, response.headers['content-type']).text };
    },
    parseFeedItems(text, url) {
      return readFeedEntries(text, url).map((entry) => ({ link: entry.link, title: entry.title, text: entry.text, author: entry.author, published_at: entry.published }));
    },
    extractArticlePage: extractArticle,
  };
}

export type FailureKind = 'disallowed' | 'failed';

/**
 * What a thrown fetch/parse/extract error means for the item: robots.txt said no (by the error's
 * name, so the new fetcher's RobotsDisallowedError needs no import here), or a failure with its reason.
 */
export function describeFailure(error: unknown): { kind: FailureKind; reason: string } {
  if (error instanceof Error && error.name === 'RobotsDisallowedError') return { kind: 'disallowed', reason: error.message };
  if (error instanceof FetchError) return { kind: 'failed', reason: error.reason };
  return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
}
