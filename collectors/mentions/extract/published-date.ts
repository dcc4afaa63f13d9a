import { parseDateText } from './date-text.ts';
import { articleObjects, clean, type PageMetadata } from './page-metadata.ts';

const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish-date', 'publish_date',
  'publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'date',
];
// Where pages print "2019年03月05日 10:20 来源：…" or "Published 2019-03-05": small boxes near the headline.
const BYLINE_AREA = /date|time|pub|info|source|meta|byline|author|post-?head|article-?head|subtitle|attr/i;
// A label announcing the date, whatever the box is called: "发布时间：2023年12月01日", "Published: 2023-12-01".
const DATE_LABEL = /(发布时间|发表时间|发布日期|发表于|发布于|时间|日期|published|posted|updated)\s*[:：]?\s*\d{4}/i;

/**
 * The publication date, from the most explicit evidence to the least: meta tags, JSON-LD
 * datePublished, <time datetime>, then a date printed in the byline area or just below the headline.
 */
export function findPublishedDate(document: Document, metadata: PageMetadata, timeZone: string, title: string): Date | null {
  for (const key of META_KEYS) {
    const value = metadata.meta(key);
    const date = value ? parseDateText(value, timeZone) : undefined;
    if (date) return date;
  }
  for (const object of articleObjects(metadata.jsonLd)) {
    const value = object.datePublished ?? object.dateCreated;
    const date = typeof value === 'string' ? parseDateText(value, timeZone) : undefined;
    if (date) return date;
  }
  // One query per kind: a selector list would return document order, not this order of trust.
  const times = ['[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]', 'time[datetime]'].flatMap((selector) => [...document.querySelectorAll(selector)]);
  for (const element of times) {
    const value = element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent ?? '';
    const date = parseDateText(value, timeZone) ?? parseDateText(value, timeZone, true);
    if (date) return date;
  }
  return datePrintedNearHeadline(document, timeZone, title);
}

function datePrintedNearHeadline(document: Document, timeZone: string, title: string): Date | null {
  for (const element of document.querySelectorAll('body *')) {
    const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const text = clean(element.textContent) ?? '';
    if (text.length > 200 || !(BYLINE_AREA.test(label) || DATE_LABEL.test(text))) continue;
    if (element.closest('nav, footer, aside, [class*="comment"], [id*="comment"]')) continue;
    const date = parseDateText(text, timeZone, true);
    if (date) return date;
  }
  // No labelled box: the few lines right after the headline are where bylines sit.
  const headings = [...document.querySelectorAll('h1, h2, h3')];
  const headline = headings.find((heading) => clean(heading.textContent) === title) ?? document.querySelector('h1');
  let next = headline?.nextElementSibling ?? headline?.parentElement?.nextElementSibling ?? null;
  for (let steps = 0; next && steps < 3; steps++, next = next.nextElementSibling) {
    const date = parseDateText((clean(next.textContent) ?? '').slice(0, 200), timeZone, true);
    if (date) return date;
  }
  return null;
}

/** Reads the date an operator's selector points at: a datetime/content attribute, else the text. */
export function dateAtSelector(element: Element, timeZone: string): Date | null {
  const value = element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent ?? '';
  return parseDateText(value, timeZone) ?? parseDateText(value, timeZone, true) ?? null;
}
