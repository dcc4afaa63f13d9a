/** What one article page yields: the text sentiment and clause scoring read, and who said it when. */
export interface Article {
  title: string;
  /** Main text only, paragraphs separated by a blank line. */
  text: string;
  author: string | null;
  published_at: Date | null;
  /** Primary language subtag ('zh', 'en', 'fr' …), null when nothing says. */
  lang: string | null;
}

/**
 * Per-source CSS selectors for sites the generic extractor gets wrong. Each one given takes
 * precedence over what the extractor finds; `remove` is applied to the page before anything else.
 */
export interface ArticleSelectors {
  title?: string | undefined;
  body?: string | undefined;
  author?: string | undefined;
  published_at?: string | undefined;
  remove?: string[] | undefined;
}

export interface ExtractOptions {
  /** The page's URL: named in errors and used to resolve relative links. */
  url: string;
  selectors?: ArticleSelectors | undefined;
  /**
   * Zone for dates the page gives without one. Defaults to Asia/Shanghai on Chinese pages
   * (mainland sites print Beijing time) and UTC elsewhere.
   */
  timeZone?: string | undefined;
}
