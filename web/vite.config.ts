/**
 * The console is a static bundle served by the API from web/dist. In development `vite` proxies /api to the API
 * (API_PORT, default 8082) so the page and the API share one origin, as in production.
 *
 * The first load is what the first view needs (MapLibre, React, the console, the zh-CN catalogue); deck.gl, the
 * wall display, tables, reports, charts, the patrol sheet and the English catalogue are imported with import() and
 * land in their own chunks. `BUNDLE_REPORT=1 vite build` also writes dist/bundle-report.html (what each part weighs).
 *
 * The grid officer's offline app (web/src/reporting/pwa.ts registers it): the manifest makes it installable, the
 * Workbox service worker precaches the app shell (HTML, JS, CSS, icons) and keeps the answers the console needs to
 * open with no network. What is cached at run time, and why:
 *  - /api/session, /api/style.json, /api/layers, /api/labels: network first (fresh when online), the last answer
 *    when offline, so a signed-in officer's console opens outdoors;
 *  - /api/tiles and /api/basemap: stale-while-revalidate, bounded: the tiles of the places the officer looked at
 *    (their grids, framed at sign-in) draw at once and offline, and are refreshed in the background;
 *  - not /api/grids/mine or /api/grid-months/*: the page keeps its own copies of those (with the time they were
 *    fetched, shown to the officer), and a write must never be answered from a cache.
 * Both run-time caches are dropped on sign-out (pwa.ts dropUserCaches).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHED, TILES_CACHED } from './src/reporting/offline-routes';
import { visualizer } from 'rollup-plugin-visualizer';
import { glyphsPlugin } from './build/vite-plugin-glyphs';

const apiPort = process.env.API_PORT ?? '8082';
const DAY = 24 * 3600;

export default defineConfig({
  plugins: [
    react(),
    glyphsPlugin(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false, // registered from pwa.ts: no inline script (the console page runs under a CSP)
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        id: '/',
        name: '禁毒网格化管理地图 · 网格员',
        short_name: '禁毒网格',
        description: '网格员：我的网格、到期检查、每月数据上报（可离线使用）',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#003c71',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The map's glyphs too: labels draw offline in the console's font.
        globPatterns: ['**/*.{js,css,html,png,svg,woff2,pbf}'],
        // MapLibre and deck.gl make the main chunk large; it is the app shell and must be precached.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once (no second load needed before the officer walks out).
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: API_CACHED,
            handler: 'NetworkFirst',
            options: { cacheName: 'gc-api', networkTimeoutSeconds: 6, expiration: { maxEntries: 200, maxAgeSeconds: 14 * DAY }, cacheableResponse: { statuses: [200] } },
          },
          {
            urlPattern: TILES_CACHED,
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'gc-tiles', expiration: { maxEntries: 4000, maxAgeSeconds: 14 * DAY }, cacheableResponse: { statuses: [200, 204] } },
          },
        ],
      },
    }),
    ...(process.env.BUNDLE_REPORT ? [visualizer({ filename: 'dist/bundle-report.html', template: 'treemap', gzipSize: true, brotliSize: true })] : []),
  ],
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    // MapLibre alone is ~800 KB raw; every other large part is split off (see above).
    chunkSizeWarningLimit: 1000,
    sourcemap: false,
    // No modulepreload polyfill (0.5 KiB of the first load): index.html preloads nothing, and for the chunks that
    // import() pulls in, a browser without modulepreload (Safari < 17) only loads their imports one step later.
    modulePreload: { polyfill: false },
  },
});
