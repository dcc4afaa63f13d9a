import type { Article, ExtractOptions } from './article.ts';
import { cleanAuthor, findAuthor } from './author.ts';
import { blockText } from './block-text.ts';
import { ExtractionError } from './extraction-error.ts';
import { declaredLanguage, languageOfText } from './language.ts';
import { readabilityText, type MainText } from './main-text.ts';
import { clean, readPageMetadata } from './page-metadata.ts';
import { parsePage } from './parse-page.ts';
import { dateAtSelector, findPublishedDate } from './published-date.ts';
import { selectAll } from './select-all.ts';
import { findTitle } from './title.ts';

/**
 * Extracts the article of one page: main text (paragraphs separated by blank lines), title,
 * author, publication date and language. Per-source selectors, when given, win over the
 * generic extractor. Throws ExtractionError (final) when the page holds no article text.
 */
export function extractArticle(html: string, options: ExtractOptions): Article {
  const { url, selectors = {} } = options;
  const page = load(html, options);
  // Readability rewrites the tree it reads, so metadata is read from a copy of its own.
  const reading = load(html, options);

  let main: MainText;
  if (selectors.body) {
    const parts = selectAll(reading, selectors.body, url, 'body');
    if (parts.length === 0) throw new ExtractionError(url, `body selector "${selectors.body}" matched nothing (has the site changed its layout?)`);
    main = { text: parts.map((part) => blockText(part)).filter(Boolean).join('\n\n'), byline: null, title: null };
  } else {
    main = readabilityText(reading);
  }
  if (!/[\p{L}\p{N}]/u.test(main.text)) throw new ExtractionError(url, 'no article text found on the page');

  const metadata = readPageMetadata(page);
  const lang = declaredLanguage(page, metadata) ?? languageOfText(main.text);
  const timeZone = options.timeZone ?? (lang === 'zh' ? 'Asia/Shanghai' : 'UTC');
  const pick = (selector: string | undefined, role: string): Element | undefined =>
    selector ? selectAll(page, selector, url, role)[0] : undefined;

  const titleElement = pick(selectors.title, 'title');
  const authorElement = pick(selectors.author, 'author');
  const dateElement = pick(selectors.published_at, 'published_at');
  const title = clean(titleElement?.textContent) ?? findTitle(page, metadata, clean(main.title));
  return {
    title,
    text: withoutLeadingTitle(main.text, title),
    author: (authorElement && cleanAuthor(authorElement.textContent ?? undefined)) ?? findAuthor(metadata, main.byline, page),
    published_at: (dateElement && dateAtSelector(dateElement, timeZone)) ?? findPublishedDate(page, metadata, timeZone, title),
    lang,
  };
}

const comparable = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

/** The headline is stored as the title: a first paragraph that only repeats it is dropped from the text. */
function withoutLeadingTitle(text: string, title: string): string {
  const [first, ...rest] = text.split('\n\n');
  if (rest.length === 0 || !first || !title || comparable(first) !== comparable(title)) return text;
  return rest.join('\n\n');
}

function load(html: string, { url, selectors }: ExtractOptions): Document {
  const document = parsePage(html);
  for (const selector of selectors?.remove ?? []) for (const element of selectAll(document, selector, url, 'remove')) element.remove();
  return document;
}
