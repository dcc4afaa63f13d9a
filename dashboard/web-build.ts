import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDir } from '../config/paths.ts';

const webRoot = resolve(projectDir, 'dashboard/web');
export const webDist = resolve(webRoot, 'dist');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when there is no build, or a source of the UI changed after it was built. */
export function webBuildIsStale(): boolean {
  const built = resolve(webDist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((name) => resolve(webRoot, name)).filter(existsSync);
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Builds the web UI with Vite when it is missing or older than its sources, so `npm start` serves the current UI. */
export async function ensureWebBuilt(log: (message: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log('building the web UI…');
  const { build } = await import('vite');
  await build({ configFile: resolve(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
