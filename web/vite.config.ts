/**
 * The console is a static bundle served by the API from web/dist. In development `vite` proxies /api to the API
 * (API_PORT, default 8082) so the page and the API share one origin, as in production.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = process.env.API_PORT ?? '8082';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    // MapLibre and deck.gl are large; they are in the first load on purpose (the map is the page). Charts or
    // editors must be imported with import() so that they land in their own chunks.
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
