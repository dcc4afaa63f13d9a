import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Submission = Record<string, unknown> & { _id: number; _uuid: string; _submission_time: string };

export interface FakeKobo {
  url: string;
  assetUid: string;
  submissions: Submission[];
  /** Every request as it arrived: path with query, and the Authorization header. */
  requests: { url: string; authorization: string | undefined }[];
  /** Answer the next n data requests with HTTP 500 (after letting `after` requests through). */
  failNext(n: number, after?: number): void;
  close(): Promise<void>;
}

/**
 * Enough of KoboToolbox's API v2 data endpoint: token auth, `query` with $gt on
 * _submission_time, `sort`, and limit/start paging with absolute `next` URLs.
 */
export async function startFakeKobo(token: string, assetUid = 'aKoboAsset1'): Promise<FakeKobo> {
  const submissions: Submission[] = [];
  const requests: FakeKobo['requests'] = [];
  let failures = 0;
  let passes = 0;
  const path = `/api/v2/assets/${assetUid}/data/`;
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://fake');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname !== path) return json(404, { detail: 'Not found.' });
    if (req.headers.authorization !== `Token ${token}`) return json(401, { detail: 'Invalid token.' });
    if (passes > 0) passes--;
    else if (failures > 0) {
      failures--;
      return json(500, { detail: 'server error' });
    }
    const query = JSON.parse(url.searchParams.get('query') ?? '{}') as { _submission_time?: { $gt?: string } };
    const after = query._submission_time?.$gt;
    const sort = JSON.parse(url.searchParams.get('sort') ?? '{}') as Record<string, number>;
    let matching = submissions.filter((s) => after === undefined || s._submission_time > after);
    if (sort._submission_time === 1) matching = [...matching].sort((a, b) => a._submission_time.localeCompare(b._submission_time));
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const start = Number(url.searchParams.get('start') ?? 0);
    const page = matching.slice(start, start + limit);
    let next: string | null = null;
    if (start + limit < matching.length) {
      const nextUrl = new URL(`${base}${url.pathname}${url.search}`);
      nextUrl.searchParams.set('start', String(start + limit));
      next = nextUrl.href;
    }
    json(200, { count: matching.length, next, previous: null, results: page });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    assetUid,
    submissions,
    requests,
    failNext: (n, after = 0) => {
      failures = n;
      passes = after;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
