import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Config } from '../../config/schema.ts';
import { decodeBody } from '../../collectors/http/charset.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { FeedParseError, parseFeed, type ParsedFeed } from '../../collectors/mentions/feeds/index.ts';

/** A feed file the command could not read; names the file. */
export class FeedFileError extends Error {
  override name = 'FeedFileError';
}

/**
 * `talentpulse parse-feed FILE|URL`: what an operator sees before configuring a source. A file is
 * read as raw bytes so charset detection runs exactly as on a fetched feed; warnings go to stderr
 * so stdout stays one JSON document.
 */
export function parseFeedCommand(loadConfig: () => Config): Command {
  return new Command('parse-feed')
    .description('parse an RSS, Atom or JSON feed (file or URL) and print {title, items: [{title, link, published_at, summary}]} as JSON')
    .argument('<file|url>', 'a feed file, or an http(s) URL to fetch')
    .option('--url <base>', 'the URL a feed file was downloaded from, for resolving relative links')
    .action(async (target: string, options: { url?: string }) => {
      const { body, contentType, url } = await load(target, options.url, loadConfig);
      const feed = parseNamed(decodeBody(body, contentType).text, url, target);
      for (const warning of feed.warnings) console.error(`warning: ${warning}`);
      const items = feed.items.map((item) => ({
        title: item.title,
        link: item.link,
        published_at: (item.published_at ?? item.updated_at)?.toISOString() ?? null,
        summary: item.summary,
      }));
      console.log(JSON.stringify({ title: feed.title, items }, null, 2));
    });
}

/** A file read without --url has no URL to name in errors: name the file instead. */
function parseNamed(text: string, url: string | undefined, target: string): ParsedFeed {
  try {
    return parseFeed(text, { url });
  } catch (error) {
    throw error instanceof FeedParseError && url === undefined ? new FeedParseError(target, error.reason) : error;
  }
}

async function load(target: string, base: string | undefined, loadConfig: () => Config): Promise<{ body: Buffer; contentType?: string; url?: string }> {
  if (/^https?:\/\//i.test(target)) {
    const { http } = loadConfig();
    const fetcher = createFetcher({ timeoutMs: http.timeout_ms, retries: http.retries, maxBodyBytes: http.max_body_bytes, userAgent: http.user_agent });
    const response = await fetcher.fetch(target);
    return { body: response.body, contentType: response.headers['content-type'], url: response.url };
  }
  try {
    return { body: readFileSync(target), ...(base ? { url: base } : {}) };
  } catch (error) {
    throw new FeedFileError(`${target}: cannot read the feed file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
