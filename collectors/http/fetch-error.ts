/** A fetch that did not produce a usable response; `retryable` says whether trying again later may help. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(`${url}: ${reason}`);
  }
}

/**
 * robots.txt keeps us from this URL, so it was never requested. A distinct class so a crawl can
 * count "disallowed" apart from "failed". Final when the rules disallow the URL; retryable (at a
 * later run) when robots.txt itself could not be read and we hold back until it can.
 */
export class RobotsDisallowedError extends FetchError {
  override name = 'RobotsDisallowedError';
  constructor(
    url: string,
    readonly robotsUrl: string,
    /** Why robots.txt could not be read, when that is what holds us back. */
    readonly unavailableReason?: string,
  ) {
    super(
      url,
      unavailableReason
        ? `not fetched: ${robotsUrl} could not be read (${unavailableReason}), so the site is treated as disallowed for now`
        : `not fetched: disallowed by ${robotsUrl}`,
      unavailableReason !== undefined,
    );
  }
}
