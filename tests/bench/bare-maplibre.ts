/**
 * The bench's reference page: bare MapLibre (its own dist build, nothing else) drawing the console's own
 * /api/style.json at a given view. Served by the bench itself through Playwright routes on the console's origin,
 * so it sends the same session cookie and reaches the same tiles; the product does not serve it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

const require = createRequire(join(process.cwd(), '..', 'web', 'package.json'));
const dist = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.js'));

export const BARE_PATH = '/__bench/bare.html';

const html = (view: { center: [number, number]; zoom: number }) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare MapLibre</title>
<link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div>
<script src="/__bench/maplibre-gl.js"></script>
<script>
  const map = new maplibregl.Map({ container: 'map', style: location.origin + '/api/style.json?lang=zh-CN',
    center: ${JSON.stringify(view.center)}, zoom: ${view.zoom}, attributionControl: false,
    transformRequest: (url) => ({ url: new URL(url, location.href).href, credentials: 'same-origin' }) });
  window.__bare = map;
</script></body></html>`;

/** Serves the bare page and MapLibre's files under /__bench/ in this context. */
export async function routeBarePage(context: BrowserContext, view: { center: [number, number]; zoom: number }): Promise<void> {
  const files: Record<string, [string, string]> = {
    '/__bench/maplibre-gl.js': [join(dist, 'maplibre-gl.js'), 'text/javascript'],
    '/__bench/maplibre-gl.css': [join(dist, 'maplibre-gl.css'), 'text/css'],
  };
  await context.route('**/__bench/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === BARE_PATH) return route.fulfill({ status: 200, contentType: 'text/html', body: html(view) });
    const f = files[path];
    return f ? route.fulfill({ status: 200, contentType: f[1], body: readFileSync(f[0]) }) : route.fulfill({ status: 404 });
  });
}
