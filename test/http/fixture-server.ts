import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  /** Time of arrival by the given clock (a virtual clock in politeness tests). */
  at: number;
  headers: IncomingMessage['headers'];
  /** Requests being served at arrival, this one included. */
  inFlight: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface FixtureServer {
  url: string;
  log: LoggedRequest[];
  /** How many times the path was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** Serves routes by exact path on loopback and a free port, logging each request; unknown paths are 404. */
export async function startFixtureServer(routes: Record<string, Route>, options: { host?: string; now?: () => number } = {}): Promise<FixtureServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const log: LoggedRequest[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    inFlight++;
    res.on('close', () => inFlight--);
    log.push({ path, at: now(), headers: req.headers, inFlight });
    const route = routes[path];
    if (route) route(req, res, log.filter((entry) => entry.path === path).length);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    log,
    hits: (path) => log.filter((entry) => entry.path === path).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port nothing listens on: bind one, then release it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/feed.xml`;
}

/** Resolves with the error a promise rejects with, failing the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (error: unknown) => error,
  );
}
