import type { parseFeed } from '@rowanmanning/feed-parser';

/** An element of the parsed XML tree as @rowanmanning/feed-parser exposes it. */
export type FeedElement = ReturnType<typeof parseFeed>['element'];

export function children(element: FeedElement, name: string): FeedElement[] {
  return element.findElementsWithName(name);
}

/**
 * The first child with one of the names, in order of preference. With a prefix only children
 * in that namespace prefix count; without one, children in the parent's own namespace are
 * preferred so that <media:title> or <dc:description> never shadow the feed's own <title> or
 * <description> (also when the feed itself is prefixed, as in <r:rss>).
 */
export function firstChild(element: FeedElement | null | undefined, names: string[], prefix?: string): FeedElement | null {
  if (!element) return null;
  if (prefix !== undefined) {
    for (const name of names) {
      const found = element.findElementsWithName(name).find((child) => child.namespace === prefix);
      if (found) return found;
    }
    return null;
  }
  for (const ownOnly of [true, false]) {
    for (const name of names) {
      const found = element.findElementsWithName(name).find((child) => !ownOnly || child.namespace === element.namespace);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The element's text as the XML says it (entities decoded once, CDATA literal), trimmed; null when
 * absent or empty. Not the parser's textContentNormalized, which decodes a second time and so
 * turns an escaped "&lt;br>" inside HTML into a real tag.
 */
export function text(element: FeedElement | null | undefined): string | null {
  return element ? decodeCharacterReferences(element.textContent).trim() || null : null;
}

/** Numeric character references, which the XML parser leaves undecoded (named HTML entities are left for the HTML step). */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&#(?:x([0-9a-f]+)|(\d+));/gi, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/** Readable text of inline XHTML (Atom type="xhtml"): scripts and styles left out, blocks kept apart. */
export function xhtmlText(element: FeedElement): string {
  return element.children
    .map((child) => {
      if (typeof child === 'string') return child;
      if (SKIPPED.has(child.name)) return '';
      return BLOCKS.has(child.name) ? ` ${xhtmlText(child)} ` : xhtmlText(child);
    })
    .join('');
}
