import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web UI: built into dist/web, served by `vigie serve`; `vite` dev proxies /api to it. */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // the model loader in the editor's validation worker: its one Node import, made for browsers
    alias: {
      'node:module': fileURLToPath(
        new URL('./src/pages/editor/node-module.browser.ts', import.meta.url),
      ),
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
