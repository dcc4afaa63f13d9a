import { articleObjects, clean, isObject, type PageMetadata } from './page-metadata.ts';

const META_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author', 'parsely-author'];
// "作者：张三", "记者 李四", "文/王五" in a Chinese byline (an editor, 编辑, is not the author).
const CHINESE_BYLINE = /(?:(?:作者|撰文|(?<![\p{Script=Han}])文)\s*[:：/／︱|]|记者(?:\s*[:：/／︱|]|\s))\s*([\p{Script=Han}·]{2,8}(?:[ 、,，][\p{Script=Han}·]{2,4})*)/u;
// Bylines often carry the date too: "By Nathan Willis March 25, 2015".
const TRAILING_DATE = /[\s,|·]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?).*$/i;

/**
 * The author: JSON-LD first (structured, full names), then Readability's byline (which also reads
 * author meta tags and bylines in the text), then other meta tags, then a Chinese byline.
 */
export function findAuthor(metadata: PageMetadata, byline: string | null | undefined, document: Document): string | null {
  for (const object of articleObjects(metadata.jsonLd)) {
    const name = cleanAuthor(namesOf(object.author).join(', '));
    if (name) return name;
  }
  const fromByline = cleanAuthor(byline ?? undefined);
  if (fromByline) return fromByline;
  for (const key of META_KEYS) {
    const name = cleanAuthor(metadata.meta(key));
    if (name) return name;
  }
  for (const element of document.querySelectorAll('[class*="author"], [class*="info"], [class*="source"], [id*="author"], [id*="info"]')) {
    const text = clean(element.textContent) ?? '';
    if (text.length > 200) continue;
    const name = CHINESE_BYLINE.exec(text)?.[1];
    if (name) return name;
  }
  return null;
}

function namesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (isObject(value) && typeof value.name === 'string') return [value.name];
  return [];
}

/** Drops URLs (article:author is often a profile link), "By …" and overlong strings that are not names. */
export function cleanAuthor(value: string | undefined): string | undefined {
  let name = clean(value);
  if (!name || /^(https?:)?\/\//i.test(name)) return undefined;
  name = name.replace(/^(by|von|par|por|di)\s+/i, '').replace(/^(作者|记者|文)\s*[:：/／︱|]\s*/, '').replace(TRAILING_DATE, '').trim();
  // What is left of "发表于 2024-08-20" or "Posted on May 3, 2024" once the date is gone is a label, not a name.
  name = name.replace(/^(发表于|发布于|发布时间|发表时间|时间|posted( on)?|published( on)?|updated( on)?)\s*[:：]?$/i, '').trim();
  return name && name.length <= 100 ? name : undefined;
}
