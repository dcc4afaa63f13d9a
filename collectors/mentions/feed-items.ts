import { htmlToText, parseFeed } from './feeds/index.ts';


export interface FeedEntry {
  link: string | null;
  title: string;
  text: string;
  author: string | null;
  published: Date | null;
}

/** Feed text (RSS, Atom, RDF or JSON Feed) to plain-text entries for collection; throws FeedParseError naming the URL. */
export function readFeedEntries(text: string, url: string): FeedEntry[] {
  return parseFeed(text, { url }).items.map((item) => ({
    // An Atom entry without an alternate link is often identified by its permalink.
    link: item.link ?? (item.id && /^https?:\/\//i.test(item.id) ? item.id : null),
    title: item.title ?? '',
    // Many feeds repeat a summary in <description> and the article in <content:encoded>: take the fuller.
    text: htmlToText(item.content) ?? item.summary ?? '',
    author: item.author,
    published: item.published_at ?? item.updated_at,
  }));
}
