import robotsParser from 'robots-parser';
import { FetchError } from './fetch-error.ts';

export type RobotsVerdict =
  | { allowed: true; robotsUrl: string; crawlDelayMs?: number | undefined }
  | { allowed: false; robotsUrl: string; unavailable: false }
  /** robots.txt could not be read; `cause` says why (an HTTP status, or no answer at all). */
  | { allowed: false; robotsUrl: string; unavailable: true; cause: FetchError };

/** How the fetcher gets a robots.txt: resolves with the body of a 2xx, rejects with a FetchError. */
export type RobotsLoader = (robotsUrl: string) => Promise<Buffer>;

type Rules =
  | { kind: 'parsed'; robot: ReturnType<typeof robotsParser> }
  | { kind: 'allow-all' }
  | { kind: 'unavailable'; cause: FetchError };

export interface RobotsRules {
  check(url: string): Promise<RobotsVerdict>;
}

/**
 * robots.txt per origin (scheme, host, port — RFC 9309 §2.3), loaded once and kept for the
 * life of the fetcher; concurrent requests to a new origin share one load.
 */
export function createRobotsRules(load: RobotsLoader, userAgent: string): RobotsRules {
  const origins = new Map<string, Promise<Rules>>();
  return {
    async check(url) {
      const robotsUrl = new URL('/robots.txt', url).href;
      let rules = origins.get(robotsUrl);
      if (!rules) {
        rules = loadRules(load, robotsUrl);
        origins.set(robotsUrl, rules);
      }
      const loaded = await rules;
      if (loaded.kind === 'allow-all') return { allowed: true, robotsUrl };
      if (loaded.kind === 'unavailable') return { allowed: false, robotsUrl, unavailable: true, cause: loaded.cause };
      // robots-parser matches the product token of the user agent ("talentpulse" in "talentpulse/0.1 (…)").
      if (loaded.robot.isAllowed(url, userAgent) === false) return { allowed: false, robotsUrl, unavailable: false };
      const crawlDelay = loaded.robot.getCrawlDelay(userAgent);
      return { allowed: true, robotsUrl, crawlDelayMs: typeof crawlDelay === 'number' && crawlDelay > 0 ? crawlDelay * 1000 : undefined };
    },
  };
}

/**
 * As Google does: a 4xx (other than 429) means there are no rules, so everything is allowed; too
 * many redirects is taken as a missing file; a 5xx, 429 or an unreachable host means we hold back
 * from the whole origin for now, since we cannot tell what it forbids.
 */
async function loadRules(load: RobotsLoader, robotsUrl: string): Promise<Rules> {
  try {
    const body = await load(robotsUrl);
    return { kind: 'parsed', robot: robotsParser(robotsUrl, body.toString('utf8')) };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const status = error.status;
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) return { kind: 'allow-all' };
    if (/redirect/.test(error.reason)) return { kind: 'allow-all' };
    return { kind: 'unavailable', cause: error };
  }
}
