/** What a server said about a URL's current version, for a later conditional GET. */
export interface HttpValidators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface StoredValidators extends HttpValidators {
  /** Status of the response the validators came with (200, or 304 when confirmed unchanged). */
  status: number;
}

/** Where ETag / Last-Modified are kept between crawls; the warehouse's http_cache in production. */
export interface ValidatorStore {
  get(url: string): Promise<HttpValidators | undefined>;
  put(url: string, validators: StoredValidators): Promise<void>;
}

/** Keeps validators for the life of the process: for tests and one-off commands. */
export function createMemoryValidatorStore(): ValidatorStore & { readonly entries: Map<string, StoredValidators> } {
  const entries = new Map<string, StoredValidators>();
  return {
    entries,
    get: (url) => {
      const entry = entries.get(url);
      return Promise.resolve(entry ? { etag: entry.etag, lastModified: entry.lastModified } : undefined);
    },
    put: (url, validators) => {
      entries.set(url, { ...validators });
      return Promise.resolve();
    },
  };
}

/** Request headers that ask the server to answer 304 when nothing changed. */
export function conditionalHeaders(validators: HttpValidators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}
