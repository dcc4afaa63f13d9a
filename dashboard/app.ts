import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { sql } from 'kysely';
import { type Clause, loadClauses } from '../config/clauses.ts';
import type { Config } from '../config/schema.ts';
import type { Db } from '../warehouse/database.ts';
import type { AppContext } from './context.ts';
import { loadSession } from './http/guards.ts';
import { apiNotFound, errorHandler } from './http/http-error.ts';
import { alertsRoutes } from './routes/alerts-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { mentionsRoutes } from './routes/mentions-routes.ts';
import { overviewRoutes } from './routes/overview-routes.ts';
import { rectificationRoutes } from './routes/rectification-routes.ts';
import { surveyHookRoutes } from './routes/survey-hook-routes.ts';
import { surveyRoutes } from './routes/survey-routes.ts';
import { defaultWebDist, webRoutes } from './web-static.ts';

export interface AppOptions {
  /** The clause catalogue; loaded from config/clauses.yaml when omitted. */
  clauses?: readonly Clause[];
  /** Folder of the built web UI; dashboard/web/dist by default. */
  webDist?: string;
}

export interface DashboardApp {
  app: Express;
  start(port?: number): Promise<{ port: number; url: string }>;
  /** Closes the HTTP server; the database belongs to the caller and stays open. */
  stop(): Promise<void>;
}

export function createApp(config: Readonly<Config>, db: Db, options: AppOptions = {}): DashboardApp {
  const ctx: AppContext = { config, db, clauses: options.clauses ?? loadClauses() };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  // Machine to machine, signed with a shared secret: before the session, CSRF and JSON parsing of /api.
  const hooks = express.Router();
  hooks.use(surveyHookRoutes(ctx));
  hooks.use(errorHandler);
  app.use('/api', hooks);

  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.get('/health', async (_req, res) => {
    await sql`select 1`.execute(db);
    res.json({ status: 'ok' });
  });
  api.use(loadSession(db));
  api.use(authRoutes(ctx));
  api.use(overviewRoutes(ctx));
  api.use(alertsRoutes(ctx));
  api.use(mentionsRoutes(ctx));
  api.use(rectificationRoutes(ctx));
  api.use(surveyRoutes(ctx));
  api.use(exportRoutes(ctx));
  api.use(apiNotFound);
  api.use(errorHandler);
  app.use('/api', api);
  app.use(webRoutes(options.webDist ?? defaultWebDist));
  app.use(errorHandler);

  let server: Server | undefined;
  return {
    app,
    start(port = config.server.port) {
      return new Promise((resolve, reject) => {
        const host = config.server.host;
        const listening = app.listen(port, host, (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address() as AddressInfo;
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({ port: address.port, url: `http://${shown}:${address.port}` });
        });
        server = listening;
      });
    },
    stop() {
      const current = server;
      server = undefined;
      if (!current) return Promise.resolve();
      return new Promise((resolve, reject) => {
        current.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would otherwise hold close() open.
        current.closeAllConnections();
      });
    },
  };
}
