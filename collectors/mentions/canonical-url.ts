// Parameters that track the click, not the content: two links differing only in these are one page.
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|spm|scm|from|isappinstalled|share_.*|sharer?_.*|wxshare_.*|scene|clicktime|enterid|chksm|mpshare|srcid|ref|ref_src|source)$/i;

/**
 * The unique key of a page: absolute, without fragment, tracking parameters or default port,
 * remaining parameters sorted. Returns undefined for anything that is not an http(s) URL.
 */
export function canonicalUrl(link: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}
