import type { Readable } from 'node:stream';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { FetchError } from './fetch-error.ts';

export interface RequestLimits {
  /** Until the response headers arrive: DNS, connect, TLS and the server's think time. */
  connectTimeoutMs: number;
  /** Longest silence while the body streams in. */
  readTimeoutMs: number;
  /** Ceiling on one whole attempt, so a server dripping a byte at a time cannot hold us forever. */
  timeoutMs: number;
  maxBodyBytes: number;
}

export interface RawResponse {
  status: number;
  /** Lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Read for 2xx only; other statuses carry nothing we use. */
  body: Buffer;
}

/** One axios instance per fetcher; redirects are followed by the fetcher so every hop passes robots.txt and the host gate. */
export function createHttpClient(userAgent: string): AxiosInstance {
  return axios.create({
    responseType: 'stream',
    maxRedirects: 0,
    decompress: true,
    // Statuses are judged by the fetcher, so a 404 is a final FetchError and not an AxiosError.
    validateStatus: () => true,
    headers: { 'User-Agent': userAgent, Accept: '*/*' },
  });
}

/** One GET, without retries: resolves with any HTTP status, rejects with a FetchError for transport failures and limits. */
export async function requestOnce(client: AxiosInstance, url: string, headers: Record<string, string>, limits: RequestLimits): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut: string | undefined;
  const abortAfter = (ms: number, why: string) =>
    setTimeout(() => {
      timedOut ??= why;
      controller.abort();
    }, ms);
  const overall = abortAfter(limits.timeoutMs, `no complete response within ${limits.timeoutMs} ms`);
  const connect = abortAfter(limits.connectTimeoutMs, `no response headers within ${limits.connectTimeoutMs} ms`);
  try {
    let response;
    try {
      response = await client.get<Readable>(url, { headers, signal: controller.signal });
    } catch (error) {
      throw classifyError(url, error, timedOut);
    } finally {
      clearTimeout(connect);
    }
    const status = response.status;
    const flat = flattenHeaders(response.headers as Record<string, unknown>);
    if (status < 200 || status >= 300) {
      response.data.destroy();
      return { status, headers: flat, body: Buffer.alloc(0) };
    }
    const declared = Number(flat['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      response.data.destroy();
      throw tooLarge(url, limits.maxBodyBytes, `${declared} bytes announced`);
    }
    const body = await readCapped(url, response.data, limits, controller.signal, () => timedOut);
    return { status, headers: flat, body };
  } finally {
    clearTimeout(overall);
  }
}

/** Streams the body, stopping as soon as it passes the cap or goes quiet for longer than the read timeout. */
function readCapped(url: string, stream: Readable, limits: RequestLimits, signal: AbortSignal, timedOut: () => string | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const settle = (error?: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      signal.removeEventListener('abort', onAbort);
      if (error) {
        stream.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => settle(new FetchError(url, `timed out: no data for ${limits.readTimeoutMs} ms while reading the body`, true)), limits.readTimeoutMs);
    };
    const onAbort = () => settle(new FetchError(url, `timed out: ${timedOut() ?? 'request aborted'}`, true));
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return settle(tooLarge(url, limits.maxBodyBytes, 'stopped reading'));
      chunks.push(chunk);
      arm();
    });
    stream.on('end', () => settle());
    stream.on('error', (error) => settle(classifyError(url, error, timedOut())));
    arm();
  });
}

function tooLarge(url: string, cap: number, detail: string): FetchError {
  return new FetchError(url, `body larger than the limit of ${cap} bytes (${detail}; raise http.max_body_bytes if the page is wanted)`, false);
}

// Failures of the connection or the network, which may well pass.
const RETRYABLE_CODES = new Set([
  'ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE', 'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function classifyError(url: string, error: unknown, timedOut: string | undefined): FetchError {
  if (error instanceof FetchError) return error;
  if (timedOut) return new FetchError(url, `timed out: ${timedOut}`, true);
  const code = error instanceof AxiosError ? (error.code ?? '') : String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return new FetchError(url, `timed out (${message})`, true);
  // A corrupt gzip/brotli body is the server's bytes, not the network: the same bytes would fail again.
  // (zlib's codes are Z_*, brotli's come out as ERR__ERROR_FORMAT_*.)
  if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT')) return new FetchError(url, `could not decompress the body (${message})`, false);
  if (code === 'ERR_INVALID_URL' || code === 'ERR_BAD_REQUEST') return new FetchError(url, `invalid request (${message})`, false);
  const cause = [code, message].filter(Boolean).join(' ');
  return new FetchError(url, cause || 'request failed', RETRYABLE_CODES.has(code));
}

function flattenHeaders(headers: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}
