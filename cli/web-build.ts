import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectDir } from '../config/paths.ts';

export const webDist = resolve(projectDir, 'dashboard/web/dist');

/** Builds the web UI with Vite the first time it is needed, so `npm start` works on a fresh clone. */
export async function ensureWebBuilt(log: (message: string) => void): Promise<void> {
  if (existsSync(resolve(webDist, 'index.html'))) return;
  log('building the web UI (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: resolve(projectDir, 'dashboard/web/vite.config.ts'), logLevel: 'warn' });
}
