/**
 * The grid officer on a phone (390×844, touch, geolocation granted): signed in, the map frames their grids and
 * the bottom sheet lists what is due per grid; "am I in my grid?" answers "inside <grid>" at a point inside their
 * first grid and "outside" with a distance at a point ~10 km away. Screenshots: test-output/screenshots/officer-phone-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { testApp } from '../support/test-app.js';

const SHOTS = 'test-output/screenshots';
let browser: Browser;
let c: ConsolePage;
let grids: { code: string; name: string; bbox: [number, number, number, number] }[];
/** A point inside the officer's first grid (its label point, which PostGIS keeps inside the polygon). */
let inside: { lon: number; lat: number };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const t = await testApp();
  [inside] = await t.db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(g.label_point) lon, ST_Y(g.label_point) lat FROM grid_assignment a JOIN app_user u ON u.id = a.user_id
     JOIN grid_cell g ON g.code = a.grid_code WHERE u.username = 'grid_officer' ORDER BY g.code LIMIT 1`,
  );
  await t.close();
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.phone, { signIn: 'grid_officer' });
  const context = c.page.context();
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ longitude: inside.lon, latitude: inside.lat, accuracy: 25 });
  grids = ((await (await context.request.get('/api/grids/mine')).json()) as { grids: typeof grids }).grids;
  await c.page.goto('/');
  await waitForMapIdle(c.page).catch(async (e) => {
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-0-failed.png` });
    throw new Error(`${(e as Error).message}\npage errors: ${c.errors.join('\n')}`);
  });
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('grid officer on a phone', () => {
  it('frames their grids, outlines them and lists what is due per grid', async () => {
    expect(grids.length).toBeGreaterThan(0);
    const union = grids.reduce((b, g) => [Math.min(b[0], g.bbox[0]), Math.min(b[1], g.bbox[1]), Math.max(b[2], g.bbox[2]), Math.max(b[3], g.bbox[3])], [180, 90, -180, -90]);
    // The map shows all of their grids, and not much more: grids are a few hundred metres across.
    await c.page.waitForFunction(
      (u) => {
        const b = window.__gc!.map.getBounds();
        return b.getWest() <= u[0] && b.getSouth() <= u[1] && b.getEast() >= u[2] && b.getNorth() >= u[3] && window.__gc!.map.getZoom() > 11;
      },
      union,
      { timeout: 30_000 },
    );
    await c.page.waitForFunction(() => window.__gc!.deckLayers().some((l) => l.id === 'officer-grids'), null, { timeout: 30_000 });
    await waitForMapIdle(c.page);
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-1-map.png` });

    // The bottom sheet holds the panel.
    await c.page.locator('button.collapse[aria-expanded="false"]').click();
    const names = c.page.locator('.officer-grid h3');
    await names.first().waitFor({ timeout: 30_000 });
    expect(await names.allInnerTexts()).toEqual(grids.map((g) => g.name));
    await expect.poll(() => c.page.locator('.officer-freshness').innerText()).toMatch(/已更新/);
    // Touch targets: every button in the panel at least 44 px tall.
    const heights = await c.page.locator('.officer button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    // Opening the sheet brings the officer's panel to its top, above the other themes' controls.
    await expect.poll(() => c.page.locator('.officer h2').evaluate((h) => h.getBoundingClientRect().top - document.querySelector('#panel-body')!.getBoundingClientRect().top)).toBeLessThan(60);
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-2-panel.png` });
    await c.page.locator('.officer-grid').first().scrollIntoViewIfNeeded();
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-2-due.png` });
  });

  it('answers "inside" with the grid name, then "outside" with a distance after moving away', async () => {
    const button = c.page.getByRole('button', { name: '我在网格内吗？' });
    await button.click();
    const banner = c.page.locator('.officer-banner');
    await banner.and(c.page.locator('[data-state="inside"]')).waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain(grids[0]!.name);
    await c.page.waitForFunction(() => window.__gc!.deckLayers().some((l) => l.id === 'officer-position'), null, { timeout: 30_000 });
    await waitForMapIdle(c.page);
    // The dot is drawn where the map can be seen: above the bottom sheet.
    const dot = await c.page.evaluate((p) => window.__gc!.map.project([p.lon, p.lat]), inside);
    const sheetTop = await c.page.locator('.side-panel').evaluate((e) => e.getBoundingClientRect().top);
    const mapTop = await c.page.locator('.map-region').evaluate((e) => e.getBoundingClientRect().top);
    expect(mapTop + dot.y).toBeLessThan(sheetTop);
    expect(await banner.boundingBox().then((b) => b!.y + b!.height)).toBeLessThanOrEqual(844);
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-3-inside.png` });

    // About 10 km east: outside every grid of theirs.
    await c.page.context().setGeolocation({ longitude: inside.lon + 0.1, latitude: inside.lat, accuracy: 40 });
    await button.click();
    await banner.and(c.page.locator('[data-state="outside"]')).waitFor({ timeout: 30_000 });
    const text = await banner.innerText();
    expect(text).toMatch(/不在我的网格内/);
    const km = Number(/([\d.]+) km/.exec(text)?.[1]);
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(15);
    await waitForMapIdle(c.page);
    await c.page.screenshot({ path: `${SHOTS}/officer-phone-4-outside.png` });
    expect(c.errors).toEqual([]);
    expect(c.foreign).toEqual([]);
  });
});
