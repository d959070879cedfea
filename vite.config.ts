import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No COOP/COEP headers: the threaded DuckDB bundle (coi) hangs on registerFileHandle.
// Everything the page needs (wasm, workers, sample data) is bundled: no request leaves the origin.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
