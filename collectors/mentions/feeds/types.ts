export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One entry of a feed. `title` and `summary` are plain text; `content` is the entry's HTML as published (not sanitised). */
export interface FeedItem {
  id: string | null;
  title: string | null;
  /** Absolute URL of the item's page, resolved against xml:base, the feed link or the document URL. */
  link: string | null;
  published_at: Date | null;
  updated_at: Date | null;
  summary: string | null;
  content: string | null;
  author: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  items: FeedItem[];
  /** Problems the parser recovered from (malformed XML, undecodable dates); the items are still usable. */
  warnings: string[];
}

export interface ParseFeedOptions {
  /** Where the document came from: names it in errors and is the last base for relative links. */
  url?: string | undefined;
}

/** Not an RSS, Atom, RDF or JSON feed at all: final for that URL, retrying will not help. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
  readonly retryable = false;
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: not an RSS or Atom feed, nor a JSON Feed (${reason})`);
  }
}
