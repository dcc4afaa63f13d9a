import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { parseFeedDate } from './feed-dates.ts';
import { htmlToText, textValue } from './feed-text.ts';
import type { FeedFormat, FeedItem, ParsedFeed } from './types.ts';
import { resolveUrl } from './xml-base.ts';
import { children, decodeCharacterReferences, firstChild, text, xhtmlText, type FeedElement } from './xml-element.ts';

const ATOM_1 = 'http://www.w3.org/2005/Atom';

type XmlFormat = Exclude<FeedFormat, 'json'>;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through @rowanmanning/feed-parser, which tolerates most
 * malformed XML. Our mapping on top of its element tree picks the fields the way feedparser does
 * (xml:base, Atom text constructs, Dublin Core dates) so one FeedItem means the same in every format.
 * Throws whatever the parser throws for a document that is not a feed; the caller names the URL.
 */
export function parseXml(xml: string, url: string | undefined, warnings: string[]): Omit<ParsedFeed, 'warnings'> {
  const feed = parseXmlFeed(xml);
  const format: XmlFormat = feed.meta.type === 'atom' ? 'atom' : feed.meta.type === 'rdf' ? 'rdf' : 'rss';
  const channel = feed.element;
  const link = linkOf(channel, format, url);
  // Item links resolve against xml:base, then the site the feed names, then the document URL.
  const base = link ?? url;
  return {
    format,
    title: constructText(firstChild(channel, ['title']), format),
    link,
    items: feed.items.map((item, index) => mapItem(item.element, format, base, (message) => warnings.push(`item ${index + 1}: ${message}`))),
  };
}

function mapItem(element: FeedElement, format: XmlFormat, base: string | undefined, warn: (message: string) => void): FeedItem {
  const date = (names: string[], last: boolean): Date | null => {
    for (const name of names) {
      const found = children(element, name);
      const chosen = last ? found.at(-1) : found[0];
      const value = text(chosen);
      if (!value) continue;
      const parsed = parseFeedDate(value);
      if (parsed) return parsed;
      warn(`unparseable date "${value}" in <${name}>`);
    }
    return null;
  };
  const content = contentHtml(element, format);
  const summaryElement =
    firstChild(element, format === 'atom' ? ['summary'] : ['description', 'summary']) ??
    firstChild(element, ['description'], 'media') ??
    firstChild(firstChild(element, ['group'], 'media'), ['description'], 'media');
  return {
    id: idOf(element, format, base),
    title: constructText(firstChild(element, ['title']), format),
    link: linkOf(element, format, base),
    // Atom's later <updated> wins when several are given (feedparser's precedence); the first published date otherwise.
    published_at: date(format === 'atom' ? ['published', 'issued', 'created'] : ['pubdate', 'issued', 'created', 'published'], false),
    updated_at: date(format === 'atom' ? ['updated', 'modified'] : ['date', 'modified', 'updated', 'lastbuilddate'], true),
    summary: constructText(summaryElement, format) ?? htmlToText(content),
    content,
    author: authorOf(element, format),
  };
}

/**
 * Title and summary as plain text. Atom says how the value is encoded (Atom 0.3 also with
 * mode="escaped|base64"); RSS values are treated as HTML, as feed readers do.
 */
function constructText(element: FeedElement | null, format: XmlFormat): string | null {
  if (!element) return null;
  const type = (element.getAttribute('type') ?? (format === 'atom' ? 'text' : 'html')).toLowerCase();
  const mode = element.getAttribute('mode')?.toLowerCase();
  if (mode === 'base64') {
    return htmlToText(Buffer.from(element.textContent.trim(), 'base64').toString('utf8'));
  }
  if (mode === 'escaped') return htmlToText(text(element));
  if (type === 'xhtml' || type === 'application/xhtml+xml') return textValue(xhtmlText(element));
  if (type === 'text' || type === 'text/plain') return textValue(decodeCharacterReferences(element.textContent));
  // Atom 1.0 (3.1.1): any other non-text, non-XML media type is carried base64-encoded.
  if (element.namespaceUri === ATOM_1 && mode === undefined && !/^text\/|html|xml/.test(type)) {
    return htmlToText(Buffer.from(element.textContent.trim(), 'base64').toString('utf8'));
  }
  return htmlToText(text(element));
}

function contentHtml(element: FeedElement, format: XmlFormat): string | null {
  if (format !== 'atom') return text(firstChild(element, ['encoded'], 'content')) ?? text(firstChild(element, ['body', 'fullitem']));
  const content = firstChild(element, ['content']);
  if (!content) return null;
  const type = (content.getAttribute('type') ?? 'text').toLowerCase();
  return type === 'xhtml' ? content.innerHtml || null : text(content);
}

function linkOf(element: FeedElement, format: XmlFormat, base: string | undefined): string | null {
  const atomLinks = children(element, 'link').filter((l) => l.getAttribute('href'));
  const alternate =
    atomLinks.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && /html/i.test(l.getAttribute('type') ?? 'html')) ??
    atomLinks.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  if (format === 'atom') return alternate ? resolveUrl(alternate, alternate.getAttribute('href'), base) : null;

  const plain = children(element, 'link').find((l) => !l.getAttribute('href') && text(l));
  if (plain) return resolveUrl(plain, text(plain), base);
  if (alternate) return resolveUrl(alternate, alternate.getAttribute('href'), base);
  // RSS 2.0: a guid is the permalink unless isPermaLink="false".
  const guid = firstChild(element, ['guid']);
  const guidText = text(guid);
  if (guid && guidText && guid.getAttribute('ispermalink')?.toLowerCase() !== 'false' && /^https?:\/\//i.test(guidText)) return guidText;
  const about = element.getAttribute('rdf:about');
  return about && /^https?:\/\//i.test(about) ? about : null;
}

function idOf(element: FeedElement, format: XmlFormat, base: string | undefined): string | null {
  const id = text(firstChild(element, format === 'atom' ? ['id'] : ['guid', 'id'])) ?? element.getAttribute('rdf:about');
  // Path-like ids are relative references (feedparser resolves them too); opaque ids such as "abc" stay as written.
  return id && /^(\/|\.\.?\/)/.test(id) ? resolveUrl(element, id, base) : id;
}

function authorOf(element: FeedElement, format: XmlFormat): string | null {
  const person = firstChild(element, ['author']);
  if (format === 'atom' || (person && person.findElementWithName('name'))) {
    const source = person ?? firstChild(element, ['source'])?.findElementWithName('author');
    return textValue(text(source?.findElementWithName('name'))) ?? textValue(text(source?.findElementWithName('email'))) ?? (person ? null : creator(element));
  }
  const raw = text(person) ?? creator(element);
  if (!raw) return null;
  // RSS writes "email (Name)"; the name is what readers know the author by.
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
  return textValue(named?.[1] ?? raw);
}

function creator(element: FeedElement): string | null {
  return text(firstChild(element, ['creator', 'author'], 'dc')) ?? text(firstChild(element, ['author'], 'itunes'));
}
