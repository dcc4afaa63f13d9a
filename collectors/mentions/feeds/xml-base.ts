import type { FeedElement as Element } from './xml-element.ts';

/**
 * Resolves a possibly relative URL the way XML Base says: every xml:base from the root down to
 * the element, applied in turn on top of the document's own URL. A relative xml:base in a feed
 * fetched from a known URL then still yields an absolute link.
 */
export function resolveUrl(element: Element, value: string | null | undefined, documentUrl: string | undefined): string | null {
  const url = value?.trim();
  if (!url) return null;
  // An absolute URL is kept exactly as the publisher wrote it.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  let base = documentUrl;
  for (const xmlBase of xmlBases(element)) base = join(xmlBase, base) ?? base;
  return join(url, base) ?? url;
}

function xmlBases(element: Element): string[] {
  const chain: string[] = [];
  for (let node: Element | null = element; node; node = node.parent) {
    const value = node.getAttribute('xml:base');
    if (value) chain.unshift(value.trim());
  }
  return chain;
}

function join(url: string, base: string | undefined): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    // Without an absolute base a relative reference cannot be resolved; the caller keeps what it has.
    return base === undefined && /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : undefined;
  }
}
