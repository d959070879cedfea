import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { coreHash } from './build/core-hash';
import { cspPlugin } from './build/csp';

// No COOP/COEP headers: the threaded DuckDB bundle (coi) hangs on registerFileHandle.
// Everything the page needs (wasm, workers, sample data) is bundled: no request leaves the origin.
export default defineConfig({
  plugins: [
    react(),
    cspPlugin(),
    // Installable and offline: a web app manifest and a service worker that precaches everything the app loads
    // (shell, DuckDB's wasm and workers, the sample and its snapshot). A new version waits until the user accepts
    // the update prompt (src/app/UpdatePrompt.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/icon.svg'],
      manifest: {
        name: 'Pantau PDN',
        short_name: 'Pantau PDN',
        description:
          'Porsi belanja pengadaan untuk Produk Dalam Negeri dan UMK-Koperasi, per perangkat daerah.',
        lang: 'id',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5d4b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,csv,json,svg,png,webmanifest}'],
        // DuckDB's `mvp` bundle only runs in browsers without WebAssembly exceptions (none of today's): it is
        // cached when first used instead of downloaded by everyone (39 MB).
        globIgnores: ['**/duckdb-mvp*', '**/duckdb-browser-mvp*'],
        runtimeCaching: [
          {
            urlPattern: /duckdb-(browser-)?mvp[^/]*\.(wasm|js)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'duckdb-mvp' },
          },
        ],
        // DuckDB's wasm bundle is ~34 MB.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The core's source fingerprint: a snapshot made by the same core needs no re-matching at start (build/core-hash.ts).
  define: { __PANTAU_CORE__: JSON.stringify(coreHash()) },
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
