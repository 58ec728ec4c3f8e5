/**
 * The console in headless Chromium against the API on the seeded demo region: what a user of the console would
 * check, asked of the map itself (rendered features), never guessed from pixels.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatViewHash, type ViewState } from 'web/src/url/viewHash.js';
import { VIEWPORTS, webgl2Info } from '../support/browser.js';
import { renderedCounts, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { consoleSession } from '../support/console-session.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

interface CatalogueLayer {
  id: string;
  title: { zh: string; en: string };
  minzoom: number;
  visible: boolean;
  bounds: [number, number, number, number] | null;
  count: number;
}
interface Label {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

const session = consoleSession();
const opened = session.opened;
const open = (viewport = VIEWPORTS.laptop, hash = '', signIn: string | null = 'city_office') => session.open({ viewport, hash, signIn });

async function apiGet<T>(c: ConsolePage, path: string): Promise<T> {
  return c.page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

/** Area names are MapLibre symbols from /api/labels: wait until some are placed. */
async function waitForLabels(page: ConsolePage['page']) {
  await page.waitForFunction(() => window.__gc!.labelsDrawn() > 0, null, {
    timeout: 20_000,
  });
}

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

describe('console', () => {
  it('signs in as city_office with a demo button and shows the demo region on WebGL2', async () => {
    const c = await open(VIEWPORTS.laptop, '', null);
    const gl = await webgl2Info(c.page);
    expect(gl.ok, 'WebGL2 available headless').toBe(true);
    await c.page.waitForSelector('button[data-username="city_office"]', { timeout: 60_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message}\npage shows: ${(await c.page.evaluate(() => document.body.innerText)).slice(0, 500)}\nerrors: ${c.errors.join('\n')}`);
    });
    await c.page.click('button[data-username="city_office"]', { timeout: 60_000 });
    await waitForMapIdle(c.page);
    const counts = await renderedCounts(c.page);
    expect(counts.counties).toBeGreaterThan(0);
    expect(counts.townships).toBeGreaterThan(0);
    // Area names are MapLibre symbols from /api/labels, glyphs served by the console.
    await waitForLabels(c.page);
    await expect.poll(() => c.page.locator('.user-button').textContent()).toContain('市禁毒办');
  });

  it('draws every layer when shown and nothing when hidden', { timeout: 400_000 }, async () => {
    const c = await open(VIEWPORTS.laptop);
    await waitForMapIdle(c.page);
    const catalogue = ((await apiGet<{ layers: CatalogueLayer[] }>(c, '/api/layers')).layers ?? []) as CatalogueLayer[];
    expect(catalogue.map((l) => l.id).sort()).toEqual(
      ['catchments', 'checkpoints', 'counties', 'firms', 'grids', 'roads', 'townships', 'venues', 'villages', 'wastewater_sites'].sort(),
    );
    for (const layer of catalogue) expect(layer.count, `${layer.id} has data`).toBeGreaterThan(0);
    // Layers that show from the same zoom are switched on together, each by its own box, and each must be drawn;
    // then switched off, and none may be. (One layer at a time costs two full redraws per layer on a software GPU.)
    const zoomOf = (l: CatalogueLayer) => Math.max(l.minzoom + 0.5, l.id === 'grids' ? 13 : 9);
    const groups = new Map<number, CatalogueLayer[]>();
    for (const layer of catalogue) groups.set(zoomOf(layer), [...(groups.get(zoomOf(layer)) ?? []), layer]);
    const boxOf = (id: string) => c.page.locator(`li[data-layer="${id}"] input[type="checkbox"]`).first();
    for (const [zoom, layers] of groups) {
      const [w, s, e, n] = layers[0]!.bounds!;
      await c.page.evaluate(({ center, zoom }) => window.__gc!.map.jumpTo({ center, zoom }), { center: [(w + e) / 2, (s + n) / 2] as [number, number], zoom });
      for (const layer of layers) if (!(await boxOf(layer.id).isChecked())) await boxOf(layer.id).check();
      await waitForMapIdle(c.page);
      const shown = await renderedCounts(c.page);
      for (const layer of layers) expect(shown[layer.id] ?? 0, `${layer.id} drawn at z${zoom}`).toBeGreaterThan(0);
      for (const layer of layers) await boxOf(layer.id).uncheck();
      await waitForMapIdle(c.page);
      const hidden = await renderedCounts(c.page);
      for (const layer of layers) {
        expect(hidden[layer.id] ?? 0, `${layer.id} hidden`).toBe(0);
        expect(c.page.url()).not.toMatch(new RegExp(`layers=[^&]*\\b${layer.id}\\b`));
      }
    }
  });

  it('opens a township’s details with its name when it is clicked', async () => {
    const c = await open(VIEWPORTS.laptop, '#map=10.5/26.9/112.8&layers=counties,townships&lang=zh-CN');
    await waitForMapIdle(c.page);
    const b = await c.page.evaluate(() => {
      const bb = window.__gc!.map.getBounds();
      return [bb.getWest(), bb.getSouth(), bb.getEast(), bb.getNorth()];
    });
    const labels = await apiGet<Label[]>(c, `/api/labels/townships?bbox=${b.join(',')}&limit=50`);
    expect(labels.length).toBeGreaterThan(0);
    // A township well inside the view (away from the side panel on the left).
    const viewW = VIEWPORTS.laptop.width;
    let target: (Label & { x: number; y: number }) | undefined;
    for (const l of labels) {
      const p = await c.page.evaluate((ll) => window.__gc!.map.project(ll), [l.lon, l.lat] as [number, number]);
      if (p.x > 450 && p.x < viewW - 80 && p.y > 120 && p.y < VIEWPORTS.laptop.height - 80) {
        target = { ...l, ...p };
        break;
      }
    }
    expect(target, 'a township label point in view').toBeDefined();
    await c.page.mouse.click(target!.x, target!.y);
    await expect.poll(() => new URL(c.page.url()).hash).toContain('sel=');
    expect(new URL(c.page.url()).hash, 'the click selected the township under the pointer').toContain(`sel=townships:${target!.code}`);
    await expect.poll(() => c.page.locator('#details-title').textContent()).toBe(target!.name);
    await expect.poll(() => c.page.locator('.parent-chain').textContent(), { timeout: 10_000 }).toMatch(/县|区|市/);
    expect(c.page.url()).toContain(`sel=townships:${target!.code}`);
  });

  it('searches, flies to the result and selects it', async () => {
    const c = await open(VIEWPORTS.laptop, '#map=8.5/26.9/112.8&lang=zh-CN');
    await waitForMapIdle(c.page);
    const labels = await apiGet<Label[]>(c, '/api/labels/townships?limit=100');
    const target = labels[labels.length - 1];
    const before = await c.page.evaluate(() => window.__gc!.map.getZoom());
    await c.page.fill('.search input', target.name);
    await c.page.waitForSelector('.search-results [role="option"]');
    await c.page.locator('.search-results [role="option"]', { hasText: target.name }).first().click();
    await c.page.waitForTimeout(1200); // the flight lasts 800 ms
    await waitForMapIdle(c.page);
    const after = await c.page.evaluate(() => {
      const m = window.__gc!.map;
      const bb = m.getBounds();
      return { zoom: m.getZoom(), w: bb.getWest(), s: bb.getSouth(), e: bb.getEast(), n: bb.getNorth() };
    });
    expect(after.zoom).toBeGreaterThan(before);
    expect(target.lon).toBeGreaterThan(after.w);
    expect(target.lon).toBeLessThan(after.e);
    expect(target.lat).toBeGreaterThan(after.s);
    expect(target.lat).toBeLessThan(after.n);
    await expect.poll(() => c.page.locator('#details-title').textContent()).toBe(target.name);
    expect(c.page.url()).toContain(`sel=townships:${target.code}`);
  });

  it('switches the interface to English and back', async () => {
    const c = await open(VIEWPORTS.laptop);
    await waitForMapIdle(c.page);
    await expect.poll(() => c.page.locator('#tab-layers').textContent()).toBe('图层');
    const catalogue = (await apiGet<{ layers: CatalogueLayer[] }>(c, '/api/layers')).layers;
    await c.page.click('.header button[data-lang="en"]');
    await expect.poll(() => c.page.locator('#tab-layers').textContent()).toBe('Layers');
    expect(await c.page.getAttribute('.search input', 'placeholder')).toMatch(/^Search/);
    expect(await c.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => c.page.locator('li[data-layer="townships"] .layer-title').textContent()).toBe(catalogue.find((l) => l.id === 'townships')!.title.en);
    expect(c.page.url()).toContain('lang=en');
    await c.page.click('.header button[data-lang="zh-CN"]');
    await expect.poll(() => c.page.locator('#tab-layers').textContent()).toBe('图层');
  });

  it('reopens the same view from a copied link (URL round trip)', async () => {
    const first = await open(VIEWPORTS.laptop, '#map=10/26.9/112.8&layers=counties,townships&lang=zh-CN');
    await waitForMapIdle(first.page);
    const labels = await apiGet<Label[]>(first, '/api/labels/townships?limit=1');
    const view: ViewState = {
      center: [labels[0].lon, labels[0].lat],
      zoom: 11.25,
      layers: ['counties', 'townships', 'firms'],
      opacity: { townships: 0.6 },
      filters: { firms: { category: ['1'] } },
      selection: { layer: 'townships', id: labels[0].code },
      lang: 'en',
    };
    const hash = formatViewHash(view);
    const c = await open(VIEWPORTS.laptop, hash);
    await waitForMapIdle(c.page);
    await expect.poll(() => c.page.locator('#details-title').textContent()).toBe(labels[0].name);
    const state = await c.page.evaluate(() => {
      const m = window.__gc!.map;
      const firms = m.queryRenderedFeatures(undefined, {}).filter((f) => (f.layer.metadata as Record<string, string> | undefined)?.['gc:layer'] === 'firms');
      return {
        zoom: m.getZoom(),
        center: m.getCenter(),
        villages: m.getLayoutProperty('villages-fill', 'visibility'),
        firmCategories: [...new Set(firms.filter((f) => f.properties.point_count === undefined).map((f) => String(f.properties.category)))],
      };
    });
    expect(state.zoom).toBeCloseTo(11.25, 2);
    expect(state.center.lng).toBeCloseTo(labels[0].lon, 4);
    expect(state.center.lat).toBeCloseTo(labels[0].lat, 4);
    expect(state.villages).toBe('none');
    expect(state.firmCategories.every((k) => k === '1')).toBe(true);
    expect(await c.page.locator('#tab-layers').textContent()).toBe('Layers');
    // The page writes back exactly the view it was given.
    expect(new URL(c.page.url()).hash).toBe(hash);
  });

  it('writes screenshots at 1366×768, 1920×1080 and 390×844', { timeout: 300_000 }, async () => {
    const labels = await (async () => {
      const c = await open(VIEWPORTS.laptop, '#map=9/26.9/112.8&lang=zh-CN');
      await waitForMapIdle(c.page);
      const found = await apiGet<Label[]>(c, '/api/labels/townships?limit=5');
      await c.close();
      return found;
    })();
    const sel = labels[0];
    for (const [name, vp] of Object.entries(VIEWPORTS)) {
      const c = await open(vp, '');
      await waitForMapIdle(c.page);
      // A phone's overview (the whole city at about z8) is covered by the sites' markers, and names never overlap
      // markers: there the names come one zoom step in, where the phone's screenshot is taken.
      if (vp.width < 600) {
        await c.page.evaluate(() => window.__gc!.map.jumpTo({ zoom: window.__gc!.map.getZoom() + 1.5 }));
        await waitForMapIdle(c.page);
      }
      await waitForLabels(c.page);
      await c.page.waitForTimeout(500);
      await c.page.screenshot({ path: `${SCREENSHOTS}console-${name}-${vp.width}x${vp.height}.png` });
      await c.close();
      const view: ViewState = { center: [sel.lon, sel.lat], zoom: 11, layers: null, opacity: {}, filters: {}, selection: { layer: 'townships', id: sel.code }, lang: name === 'desktop' ? 'en' : 'zh-CN' };
      const d = await open(vp, formatViewHash(view));
      await waitForMapIdle(d.page);
      await expect.poll(() => d.page.locator('#details-title').textContent()).toBe(sel.name);
      await waitForLabels(d.page);
      await d.page.waitForTimeout(800);
      await d.page.screenshot({ path: `${SCREENSHOTS}console-${name}-${vp.width}x${vp.height}-details.png` });
      await d.close();
    }
  });

  it('logged no console errors and sent no request to another host', () => {
    expect(opened.length).toBeGreaterThan(5);
    expect(opened.flatMap((c) => c.errors)).toEqual([]);
    expect(opened.flatMap((c) => c.foreign)).toEqual([]);
  });
});
