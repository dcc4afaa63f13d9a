import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `vite --config dashboard/web/vite.config.ts` during development talks to a running dashboard.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
