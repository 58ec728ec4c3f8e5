/**
 * The console is a static bundle served by the API from web/dist. In development `vite` proxies /api to the API
 * (API_PORT, default 8082) so the page and the API share one origin, as in production.
 *
 * The first load is what the first view needs (MapLibre, React, the console, the zh-CN catalogue); deck.gl, the
 * wall display, tables, reports, charts, the patrol sheet and the English catalogue are imported with import() and
 * land in their own chunks. `BUNDLE_REPORT=1 vite build` also writes dist/bundle-report.html (what each part weighs).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { glyphsPlugin } from './build/vite-plugin-glyphs';

const apiPort = process.env.API_PORT ?? '8082';

export default defineConfig({
  plugins: [
    react(),
    glyphsPlugin(),
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
  },
});
