import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

export const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), 'web', 'dist');

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>talentpulse</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.6">
<h1>talentpulse</h1>
<p>网页界面尚未构建。请运行 <code>npm run build:web</code> 后刷新本页。</p>
<p>The web UI has not been built yet. Run <code>npm run build:web</code>, then reload this page.</p>
<p>The JSON API is available under <code>/api</code> (for example <code>/api/health</code>).</p>
</body></html>`;

/** Serves the built single-page app with a fallback to index.html, or a note on how to build it. */
export function webRoutes(dist: string): Router {
  const router = Router();
  const index = join(dist, 'index.html');
  if (existsSync(index)) {
    router.use(express.static(dist, { index: false, maxAge: '1h' }));
    router.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    router.get('/{*path}', (_req, res) => {
      res.status(200).type('html').send(NOT_BUILT);
    });
  }
  return router;
}
