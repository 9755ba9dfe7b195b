import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname);

// Entry points: the portal bundle holds no console code; the on-site complaint page (onsite.html) holds no framework.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // dist/.vite/manifest.json: the load bench (bench/load/bundle.ts) sums each entry's first-load JavaScript from it.
    manifest: true,
    // Every supported browser has modulepreload; without the polyfill chunk the on-site page inlines into one document.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: path.join(root, 'index.html'), console: path.join(root, 'console.html'), onsite: path.join(root, 'onsite.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
