import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname);

// Two entry points: the portal bundle holds no console code.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: path.join(root, 'index.html'), console: path.join(root, 'console.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
