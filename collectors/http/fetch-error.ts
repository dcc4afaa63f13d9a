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
