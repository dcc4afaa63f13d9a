import { validate as isCron } from 'node-cron';
import { z } from 'zod';

export const cron = z.string().refine((value) => isCron(value), 'a valid cron expression such as "*/15 * * * *"');

const cssSelector = z.string().min(1, 'a CSS selector');

/** Where an article page keeps its parts, for sites the generic extraction gets wrong. */
export const articleSelectorsSchema = z.strictObject({
  title: cssSelector.optional(),
  body: cssSelector.optional(),
  author: cssSelector.optional(),
  published_at: cssSelector.optional(),
  /** Removed before extraction: share bars, comments, "related articles". */
  remove: z.array(cssSelector).default([]),
});

// Everything every kind of online source has. Strict: a misspelt key is an error at start, not a silently ignored setting.
const common = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  community: z.string(),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  name: z.string().optional(),
  /** A central newspaper counts more than a personal blog. */
  reach: z.number().positive().default(1),
  schedule: cron.default('*/15 * * * *'),
  enabled: z.boolean().default(true),
  /** Boolean keyword expressions over title and text (AND/OR/NOT, 且/或/非, parentheses, "phrases"). */
  include: z.string().min(1).optional(),
  exclude: z.string().min(1).optional(),
  /** A source that has produced nothing new for longer than this is flagged silent. */
  expected_interval_minutes: z.number().int().positive().optional(),
  /** At most this many new article pages are fetched per run, so a first crawl of a big site stays polite. */
  max_items: z.number().int().positive().default(100),
  selectors: articleSelectorsSchema.optional(),
};

export const feedSourceSchema = z.strictObject({
  ...common,
  kind: z.literal('feed'),
  /** Fetch each item's page for the full text instead of trusting the feed's summary. */
  fetch_articles: z.boolean().default(false),
});

export const listSourceSchema = z.strictObject({
  ...common,
  kind: z.literal('list'),
  list: z.strictObject({
    /** One element per listed article. */
    item: cssSelector,
    /** The link inside an item; the item itself when it is the <a>. */
    link: cssSelector.default('a'),
    title: cssSelector.optional(),
    date: cssSelector.optional(),
    next_page: cssSelector.optional(),
    max_pages: z.number().int().positive().default(1),
  }),
});

export const pageSourceSchema = z.strictObject({
  ...common,
  kind: z.literal('page'),
});

export const sourceSchema = z.discriminatedUnion('kind', [feedSourceSchema, listSourceSchema, pageSourceSchema]);

export const crawlSchema = z
  .object({
    /** A new mention joins a story seen within this many days when their SimHashes are this close. */
    near_duplicate_days: z.number().int().positive().default(7),
    near_duplicate_distance: z.number().int().min(0).max(3).default(3),
  })
  .prefault({});

export type ArticleSelectors = z.infer<typeof articleSelectorsSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FeedSource = z.infer<typeof feedSourceSchema>;
export type ListSource = z.infer<typeof listSourceSchema>;
export type PageSource = z.infer<typeof pageSourceSchema>;
export type CrawlSettings = z.infer<typeof crawlSchema>;
