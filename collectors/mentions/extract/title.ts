import { clean, type PageMetadata } from './page-metadata.ts';

// Separators sites put between a headline and the site or section name, strongest first:
// spaced ones (" | ", " - ", " :: ", " @ "), then the underscore Chinese portals use unspaced.
const SPACED = /\s+(?:[|\-–—»·@]|::)\s+|\s*\|\s*|\s*::\s*$/;
const UNSPACED = /\s*_\s*/;

/**
 * The headline: og:title, JSON-LD headline or <title>, reduced to the page's own heading when the
 * heading is part of it, else cleaned of site and section names.
 */
export function findTitle(document: Document, metadata: PageMetadata, headline: string | undefined): string {
  const siteName = clean(metadata.meta('og:site_name', 'application-name'));
  const candidates = [clean(metadata.meta('og:title', 'twitter:title')), headline, clean(document.querySelector('title')?.textContent)].filter(
    (text): text is string => !!text,
  );
  const headings = [...document.querySelectorAll('h1, h2')].map((element) => clean(element.textContent)).filter((text): text is string => !!text && text !== siteName);
  // A heading the metadata agrees with is the headline without the site's decorations; a site-wide
  // og:title ("Yahoo News - Latest News") or a teaser og:title then loses to the page's own <title>.
  for (const candidate of candidates) {
    if (headings.includes(candidate)) return candidate;
    const inside = headings.filter((heading) => candidate.includes(heading) && heading.length >= candidate.length * 0.4);
    const longest = inside.sort((a, b) => b.length - a.length)[0];
    if (longest) return longest;
  }
  const first = candidates[0];
  return first ? stripSiteName(first, siteName) : (headings[0] ?? '');
}

export function stripSiteName(raw: string, siteName: string | undefined): string {
  let title = raw;
  if (siteName && title !== siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    title = title.replace(new RegExp(`\\s*(?:[|\\-–—»·@_:]{1,2})\\s*${escaped}\\s*$|^\\s*${escaped}\\s*(?:[|\\-–—»·@_:]{1,2})\\s*`), '').trim() || title;
  }
  for (const separator of [SPACED, UNSPACED]) {
    const parts = title.split(separator).map((part) => part.trim()).filter((part) => part !== '');
    if (parts.length < 2) continue;
    const first = parts[0] ?? title;
    const longest = [...parts].sort((a, b) => weight(b) - weight(a))[0] ?? first;
    // The headline comes first unless a later part is much longer ("Site | A long headline").
    return weight(longest) > 2 * weight(first) ? longest : first;
  }
  return title;
}

/** Length in reading units: a Han character counts as much as a word. */
function weight(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.replace(/\p{Script=Han}/gu, ' ').split(/\s+/).filter(Boolean).length;
  return han + words;
}
