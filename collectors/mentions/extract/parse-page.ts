import { DOMParser } from 'linkedom';

const HEAD_ONLY = new Set(['HEAD', 'BODY', 'TITLE', 'META', 'LINK', 'BASE']);

/**
 * Parses HTML into a standards-shaped Document (linkedom: light, no layout, enough for Readability
 * and querySelector). Always returns a document with <html>, <head> and <body>, even for fragments.
 */
export function parsePage(html: string): Document {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = new DOMParser().parseFromString(wrapped, 'text/html') as unknown as Document;
  // linkedom is not an HTML5 tree builder: content of a page without <body> stays a child of
  // <html>, where Readability would never look. Browsers put it in the body; so do we.
  const root = document.documentElement;
  for (const node of [...root.childNodes]) {
    if (node.nodeType === 1 && HEAD_ONLY.has((node as Element).tagName)) continue;
    if (node.nodeType === 1 || (node.nodeType === 3 && node.textContent?.trim())) document.body.appendChild(node);
  }
  return document;
}
