/**
 * A vector basemap in the browser: the console started with BASEMAP pointing at a vector PMTiles archive (made here
 * from the demo data by the console's own export) draws the basemap's features and labels under its own layers,
 * with the generated style and the console's own glyphs, and no request leaves the console's origin.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { startApi } from '../support/global-setup-server.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

let browser: Browser;
let api: Awaited<ReturnType<typeof startApi>>;
const opened: ConsolePage[] = [];

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  const auth = { Authorization: 'Bearer demo-city_office' };
  const res = await fetch(`${baseUrl}/api/exports/tiles.pmtiles?layers=counties,townships,villages,roads,checkpoints&minzoom=8&maxzoom=12`, { headers: auth });
  expect(res.status).toBe(200);
  const path = join(mkdtempSync(join(tmpdir(), 'e2e-basemap-')), 'city.pmtiles');
  writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
  api = await startApi(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL, { BASEMAP: `pmtiles:${path}` });
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  for (const c of opened) await c.close().catch(() => undefined);
  await browser?.close();
  api?.child.kill('SIGTERM');
});

/** Rendered features per basemap style layer (ids `basemap-…`). */
const BASEMAP_COUNTS = `(() => {
  const m = window.__gc.map;
  const ids = m.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('basemap-'));
  const out = {};
  for (const f of m.queryRenderedFeatures({ layers: ids })) out[f.layer.id] = (out[f.layer.id] ?? 0) + 1;
  return out;
})()`;

describe('vector basemap', () => {
  it('draws the archive’s roads, boundaries and names under the console, all from the console’s origin', { timeout: 240_000 }, async () => {
    for (const [name, viewport] of [['laptop', VIEWPORTS.laptop], ['phone', VIEWPORTS.phone]] as const) {
      const c = await openConsolePage(browser, api.baseUrl, viewport, { signIn: 'city_office' });
      opened.push(c);
      const basemapTiles: string[] = [];
      c.page.on('request', (r) => {
        if (r.url().includes('/api/basemap/')) basemapTiles.push(r.url());
      });
      const labels = (await (await c.page.request.get(`${api.baseUrl}/api/labels/townships?limit=1`)).json()) as { lon: number; lat: number }[];
      await c.page.goto(`/#layers=counties&map=11.5/${labels[0]!.lat.toFixed(5)}/${labels[0]!.lon.toFixed(5)}`);
      await waitForMapIdle(c.page);
      const counts = (await c.page.evaluate(BASEMAP_COUNTS)) as Record<string, number>;
      expect(counts['basemap-roads-casing'], `${name}: basemap roads drawn (${JSON.stringify(counts)})`).toBeGreaterThan(0);
      expect(counts['basemap-townships-boundary'], `${name}: basemap boundaries drawn`).toBeGreaterThan(0);
      expect((counts['basemap-townships-label'] ?? 0) + (counts['basemap-villages-label'] ?? 0) + (counts['basemap-roads-line-label'] ?? 0), `${name}: basemap names placed`).toBeGreaterThan(0);
      expect(basemapTiles.length).toBeGreaterThan(0);
      expect(basemapTiles.every((u) => /\/api\/basemap\/\d+\/\d+\/\d+\.pbf$/.test(u))).toBe(true);
      expect(c.foreign, 'requests that left the console').toEqual([]);
      expect(c.errors.filter((e) => !/favicon/.test(e)), 'console errors').toEqual([]);
      await c.page.screenshot({ path: `${SCREENSHOTS}basemap-vector-${name}.png` });
      if (name !== 'laptop') continue;
      // Closer in, roads are drawn cased (a light core from zoom 12).
      await c.page.evaluate('window.__gc.map.jumpTo({ zoom: 13.5 })');
      await waitForMapIdle(c.page);
      const closer = (await c.page.evaluate(BASEMAP_COUNTS)) as Record<string, number>;
      expect(closer['basemap-roads-line'], `cased roads at zoom 13.5 (${JSON.stringify(closer)})`).toBeGreaterThan(0);
      await c.page.screenshot({ path: `${SCREENSHOTS}basemap-vector-${name}-z13.png` });
    }
  });
});
