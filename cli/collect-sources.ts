import type { Config, FeedSource } from '../config/schema.ts';
import { createFetcher } from '../collectors/http/fetcher.ts';
import { collectFeed } from '../collectors/mentions/collect-feed.ts';
import type { ImportSummary } from '../collectors/shared/import-summary.ts';
import type { Db } from '../warehouse/database.ts';
import { createHttpCacheStore } from '../warehouse/http-cache.ts';

/** Collects every enabled feed source in turn; one failing source never stops the others. */
export async function collectSources(db: Db, config: Config, sources: readonly FeedSource[]): Promise<ImportSummary[]> {
  const fetcher = createFetcher({
    timeoutMs: config.http.timeout_ms,
    retries: config.http.retries,
    maxBodyBytes: config.http.max_body_bytes,
    userAgent: config.http.user_agent,
    connectTimeoutMs: config.http.connect_timeout_ms,
    readTimeoutMs: config.http.read_timeout_ms,
    maxRedirects: config.http.max_redirects,
    hostConcurrency: config.http.host_concurrency,
    hostDelayMs: config.http.host_delay_ms,
    // ETag / Last-Modified kept in http_cache, for fetches that ask for a conditional GET.
    validators: createHttpCacheStore(db),
  });
  const summaries: ImportSummary[] = [];
  for (const source of sources) {
    if (!source.enabled) continue;
    summaries.push(
      await collectFeed(db, {
        source: { id: source.id, community: source.community, url: source.url, reach: source.reach, name: source.name ?? source.id },
        fetcher,
        pseudonymKey: config.privacy.pseudonym_key,
      }),
    );
  }
  return summaries;
}
