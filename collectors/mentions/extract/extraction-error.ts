/**
 * A page from which no article could be extracted. Final: fetching the same bytes again gives
 * the same result, so collectors record it and do not retry.
 */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
  readonly retryable = false;
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}
