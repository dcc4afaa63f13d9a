/**
 * Reads the metadata publishers put in <head> for search engines and social cards: <meta> by
 * name/property/itemprop, and JSON-LD objects (flattened out of @graph and arrays).
 */
export interface PageMetadata {
  /** First non-empty content of a meta tag, matched case-insensitively on name, property or itemprop. */
  meta(...keys: string[]): string | undefined;
  jsonLd: Record<string, unknown>[];
}

export function readPageMetadata(document: Document): PageMetadata {
  const metas = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const content = (element.getAttribute('content') ?? element.getAttribute('value') ?? '').trim();
    if (content === '') continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  return {
    meta: (...keys) => {
      for (const key of keys) {
        const value = metas.get(key.toLowerCase());
        if (value !== undefined) return value;
      }
      return undefined;
    },
    jsonLd: readJsonLd(document),
  };
}

function readJsonLd(document: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      objects.push(value);
      if ('@graph' in value) collect(value['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      collect(JSON.parse((script.textContent ?? '').replace(/^\s*(<!--|\/\/<!\[CDATA\[)|(-->|\/\/\]\]>)\s*$/g, '')));
    } catch {
      // Broken JSON-LD is common and never fatal: the other sources of metadata remain.
    }
  }
  return objects;
}

const ARTICLE_TYPES = /(Article|BlogPosting|NewsArticle|Report|SocialMediaPosting|DiscussionForumPosting|WebPage)$/;

/** JSON-LD objects that describe the article itself, the most specific type first. */
export function articleObjects(objects: Record<string, unknown>[]): Record<string, unknown>[] {
  const typed = objects.filter((object) => types(object).some((type) => ARTICLE_TYPES.test(type)));
  return typed.sort((a, b) => Number(types(a).includes('WebPage')) - Number(types(b).includes('WebPage')));
}

function types(object: Record<string, unknown>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collapses whitespace; undefined for empty. */
export function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
