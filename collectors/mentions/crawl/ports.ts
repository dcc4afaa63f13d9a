import type { ArticleSelectors } from '../../../config/schema.ts';
import { decodeBody } from '../../http/charset.ts';
import { FetchError } from '../../http/fetch-error.ts';
import type { Fetcher } from '../../http/fetcher.ts';
import type { StoredValidators, ValidatorStore } from '../../http/validator-store.ts';
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
  /** ETag / Last-Modified of a conditional fetch, to be stored once the page's content is safely in. */
  validators?: StoredValidators | undefined;
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
  fetchPage(url: string, options?: { conditional?: boolean; validators?: ValidatorStore }): Promise<FetchedPage>;
  parseFeedItems(text: string, url: string): FeedItem[];
  extractArticlePage(html: string, options: { url: string; selectors?: ArticleSelectors | undefined }): ArticlePage;
}

export function createCrawlPorts(fetcher: Fetcher): CrawlPorts {
  return {
    async fetchPage(url, options = {}) {
      const conditional = options.conditional === true && options.validators !== undefined;
      // Validators are not saved here: the crawl stores them only after the content has landed.
      const response = await fetcher.fetch(url, { conditional, saveValidators: false, ...(options.validators ? { validators: options.validators } : {}) });
      if (response.notModified) return { url: response.url, notModified: true, text: '' };
      const validators = conditional && response.validators ? { ...response.validators, status: response.status } : undefined;
      return { url: response.url, notModified: false, text: decodeBody(response.body, response.headers['content-type']).text, validators };
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

/**
 * Ports whose conditional fetches use `store` and remember the validators they got; `commit`
 * stores them, once the run's content has landed (a failed run must not turn the next into a 304).
 */
export function withValidators(ports: CrawlPorts, store: ValidatorStore): CrawlPorts & { commit(): Promise<void> } {
  const pending = new Map<string, StoredValidators>();
  return {
    ...ports,
    async fetchPage(url, options = {}) {
      const page = await ports.fetchPage(url, { ...options, validators: store });
      if (page.validators) pending.set(url, page.validators);
      return page;
    },
    async commit() {
      for (const [url, validators] of pending) await store.put(url, validators);
      pending.clear();
    },
  };
}
