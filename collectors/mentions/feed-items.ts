import { htmlToText, parseFeed } from './feeds/index.ts';

export { FeedParseError } from './feeds/index.ts';

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

/** HTML (or plain text with entities) to collapsed plain text, keeping breaks between blocks. */
export function plainText(html: string): string {
  return htmlToText(html) ?? '';
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
