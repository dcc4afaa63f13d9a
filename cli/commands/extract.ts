import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import type { Config } from '../../config/schema.ts';
import { decodeBody } from '../../collectors/http/charset.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { extractArticle } from '../../collectors/mentions/extract/extract-article.ts';

/** A page file that cannot be read; names the file. */
export class PageFileError extends Error {
  override name = 'PageFileError';
}

/**
 * `talentpulse extract FILE|URL [--url BASE]`: what the crawler would take from one page, as JSON,
 * for operators checking a source. A FILE is read as raw bytes so charset detection is exercised
 * exactly as on a fetched page; a URL is fetched with the configured HTTP settings.
 */
export function extractCommand(loadConfig: () => Config): Command {
  return new Command('extract')
    .description('extract the article of one page (file or URL); prints {title, text, author, published_at, lang, encoding}')
    .argument('<page>', 'an HTML file or an http(s) URL')
    .option('--url <base>', "the page's URL, for a saved file (default: the file's own file: URL)")
    .action(async (page: string, options: { url?: string }) => {
      const { body, contentType, url } = /^https?:\/\//i.test(page) ? await fetchPage(page, loadConfig()) : await readPage(page);
      const decoded = decodeBody(body, contentType);
      const article = extractArticle(decoded.text, { url: options.url ?? url });
      const out = { ...article, published_at: article.published_at?.toISOString() ?? null, encoding: decoded.encoding };
      console.log(JSON.stringify(out, null, 2));
    });
}

async function readPage(file: string): Promise<{ body: Buffer; contentType: undefined; url: string }> {
  try {
    return { body: await readFile(file), contentType: undefined, url: pathToFileURL(resolve(file)).href };
  } catch (error) {
    throw new PageFileError(`${file}: cannot read the page (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function fetchPage(url: string, config: Config): Promise<{ body: Buffer; contentType: string | undefined; url: string }> {
  const fetcher = createFetcher({
    timeoutMs: config.http.timeout_ms,
    retries: config.http.retries,
    maxBodyBytes: config.http.max_body_bytes,
    userAgent: config.http.user_agent,
  });
  const response = await fetcher.fetch(url);
  return { body: response.body, contentType: response.headers['content-type'], url: response.url };
}
