import type { Config } from '../config/schema.ts';
import { createFetcher, type Fetcher } from '../collectors/http/fetcher.ts';

/** The fetcher the http settings describe; API clients pass robots: false (robots.txt speaks to crawlers). */
export function configuredFetcher(config: Config, options: { robots?: boolean } = {}): Fetcher {
  return createFetcher({
    timeoutMs: config.http.timeout_ms,
    retries: config.http.retries,
    maxBodyBytes: config.http.max_body_bytes,
    userAgent: config.http.user_agent,
    connectTimeoutMs: config.http.connect_timeout_ms,
    readTimeoutMs: config.http.read_timeout_ms,
    maxRedirects: config.http.max_redirects,
    hostConcurrency: config.http.host_concurrency,
    hostDelayMs: config.http.host_delay_ms,
    ...(options.robots === false ? { robots: false } : {}),
  });
}
