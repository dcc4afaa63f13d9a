import * as cheerio from 'cheerio';
import type { ArticleSelectors } from '../../../config/schema.ts';
import { guessLanguage } from '../feed-items.ts';

export interface ArticlePage {
  title: string;
  text: string;
  author: string | null;
  published_at: Date | null;
  lang: string | null;
}

// Page furniture that is never the article: navigation, footers, comments, share bars, related links.
const NOISE = 'script, style, noscript, template, iframe, form, nav, header, footer, aside, [role=navigation], [role=contentinfo], [role=complementary], .comments, #comments, .comment, .related, .share, .breadcrumb';
const BODY_CANDIDATES = ['[itemprop=articleBody]', 'article', 'main', '[role=main]', '.article-content', '.article', '.content', '#content'];
const BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, br, blockquote, section, article';

/**
 * A minimal main-text extraction with cheerio, used until the real extractor lands: per-source
 * selectors first, then semantic containers, then the element holding the most paragraph text.
 */
export function extractFallbackArticle(html: string, options: { url: string; selectors?: ArticleSelectors | undefined }): ArticlePage {
  const $ = cheerio.load(html);
  const selectors = options.selectors;
  const lang = $('html').attr('lang')?.trim().slice(0, 2).toLowerCase() || null;
  const metaTitle = $('meta[property="og:title"]').attr('content') ?? $('title').first().text();
  const metaAuthor = $('meta[name=author]').attr('content') ?? null;
  const metaDate = $('meta[property="article:published_time"]').attr('content') ?? $('time[datetime]').first().attr('datetime') ?? null;

  // Selector overrides are read before the noise is removed: a site may keep its byline in a <header>.
  const pick = (selector: string | undefined) => (selector ? $(selector).first().text().replace(/\s+/g, ' ').trim() || undefined : undefined);
  const title = pick(selectors?.title) ?? ($('h1').first().text().trim() || metaTitle.trim());
  const author = pick(selectors?.author) ?? metaAuthor;
  const dateText = selectors?.published_at ? ($(selectors.published_at).first().attr('datetime') ?? pick(selectors.published_at)) : metaDate;

  for (const selector of selectors?.remove ?? []) $(selector).remove();
  $(NOISE).remove();
  const body = selectors?.body ? $(selectors.body).first() : bestContainer($);
  body.find('h1').first().remove();
  body.find(BLOCKS).after('\n');
  const text = body
    .text()
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const published = dateText ? new Date(dateText) : null;
  return {
    title: title.replace(/\s+/g, ' ').trim(),
    text,
    author: author?.trim() || null,
    published_at: published && !Number.isNaN(published.getTime()) ? published : null,
    lang: lang ?? guessLanguage(`${title} ${text}`),
  };
}

function bestContainer($: cheerio.CheerioAPI) {
  for (const selector of BODY_CANDIDATES) {
    const found = $(selector).first();
    if (found.length > 0 && found.text().trim().length > 0) return found;
  }
  // The parent of the most paragraph text is usually the article.
  const score = new Map<unknown, number>();
  let best = $('body');
  let bestScore = 0;
  $('p').each((_, p) => {
    const parent = $(p).parent();
    const node = parent.get(0);
    const total = (score.get(node) ?? 0) + $(p).text().trim().length;
    score.set(node, total);
    if (total > bestScore) {
      bestScore = total;
      best = parent;
    }
  });
  return best;
}
