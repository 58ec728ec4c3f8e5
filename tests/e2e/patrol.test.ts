/**
 * The inspector's day in headless Chromium (desktop, one page load): switch on the 巡查 mode, plan the day's
 * route → deck.gl draws the path and one numbered disc per stop, as many as the API's plan has, in its order;
 * "print patrol sheet" → under print media only the sheet shows, with the same stops in the same order and a
 * route sketch. Screenshots: test-output/screenshots/patrol-desktop.png, patrol-print.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { TEST_REGION } from '../support/env.js';

const SHOTS = 'test-output/screenshots';
const DAY = TEST_REGION.asOf;
let browser: Browser;
let c: ConsolePage;
let api: { count: number; stops: { name: string; seq: number; lon: number; lat: number }[] };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'inspector' });
  await c.page.goto('/');
  await waitForMapIdle(c.page);
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('patrol mode', () => {
  it('plans a route: the path and numbered stops are drawn, as many as the API plans, in its order', async () => {
    const page = c.page;
    await page.locator('fieldset.modes label', { hasText: '巡查' }).locator('input').check();
    await page.locator('.patrol-control input[type="date"]').fill(DAY);
    await page.waitForSelector('.patrol-due li', { timeout: 30_000 });
    api = await page.evaluate(async (d) => (await fetch(`/api/patrols/plan?date=${d}&max_stops=8`)).json(), DAY);
    expect(api.count).toBeGreaterThan(1);

    await page.locator('.patrol-plan').click();
    await page.waitForFunction(() => window.__gc!.deckLayers().some((l) => l.id === 'patrol-stops'), null, { timeout: 30_000 });
    const drawn = await page.evaluate(() => {
      const layers = window.__gc!.deckLayers() as unknown as { id: string; props: { data: unknown[] } }[];
      const stops = layers.find((l) => l.id === 'patrol-stops')!.props.data as { name: string; seq: number }[];
      const path = layers.find((l) => l.id === 'patrol-route')!.props.data as { path: number[][] }[];
      return { names: stops.map((s) => s.name), seqs: stops.map((s) => s.seq), pathPoints: path[0]!.path.length };
    });
    expect(drawn.names).toEqual(api.stops.map((s) => s.name));
    expect(drawn.seqs).toEqual(api.stops.map((_, i) => i + 1));
    expect(drawn.pathPoints).toBe(api.count + 1);
    await expect.poll(() => page.locator('.patrol-summary').getAttribute('data-stops')).toBe(String(api.count));
    await expect.poll(() => page.locator('.patrol-stops li').count()).toBe(api.count);

    // Frame the route and ask deck.gl what is really under the first stop on screen.
    const s0 = api.stops[0]!;
    const lons = api.stops.map((s) => s.lon);
    const lats = api.stops.map((s) => s.lat);
    await page.evaluate((b) => window.__gc!.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: { top: 120, bottom: 80, left: 460, right: 120 }, duration: 0 }), [
      Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats),
    ]);
    await waitForMapIdle(page);
    // deck.gl picks from its last drawn frame, which may lag the map's idle event on a busy machine: ask again until
    // the stops drawn within the first stop's marker (radius 12 px) around its projected position include it.
    type Picked = { layer?: { id: string }; object?: { seq: number } };
    const stopsUnderFirst = () => page.evaluate(([lon, lat]) => {
      const p = window.__gc!.map.project([lon, lat]);
      const deck = window.__gc!.deck() as unknown as { pickObjects(o: object): Picked[] };
      const hits = deck.pickObjects({ x: p.x - 8, y: p.y - 8, width: 16, height: 16, layerIds: ['patrol-stops'] });
      return hits.map((h) => ({ layer: h.layer?.id, seq: h.object?.seq }));
    }, [s0.lon, s0.lat]);
    await expect.poll(stopsUnderFirst, { timeout: 20_000 }).toContainEqual({ layer: 'patrol-stops', seq: 1 });
    await page.screenshot({ path: `${SHOTS}/patrol-desktop.png` });
  });

  it('prints a sheet with the same stops, and nothing of the console', async () => {
    const page = c.page;
    await page.locator('.patrol-print').click();
    await page.waitForSelector('.patrol-sheet-table tbody tr', { timeout: 15_000 });
    await page.emulateMedia({ media: 'print' });
    const sheet = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('.patrol-sheet-table tbody tr')].map((tr) => (tr.querySelector('strong')?.textContent ?? '').trim()),
      date: document.querySelector('[data-field="date"]')?.textContent,
      inspector: document.querySelector('[data-field="inspector"]')?.textContent,
      boxes: document.querySelectorAll('.patrol-sheet-table .patrol-box').length,
      mapStops: document.querySelectorAll('.patrol-sheet-map .patrol-sheet-map-stop').length,
      // Everything under <body> except the sheet's root is hidden by the print CSS.
      visibleOthers: [...document.body.children].filter((el) => !el.classList.contains('patrol-print-root') && getComputedStyle(el).display !== 'none' && el.tagName !== 'SCRIPT').length,
      actionsShown: getComputedStyle(document.querySelector('.patrol-sheet-actions')!).display !== 'none',
    }));
    expect(sheet.rows).toEqual(api.stops.map((s) => s.name));
    expect(sheet.date).toBe(DAY);
    expect(sheet.inspector?.length).toBeGreaterThan(0);
    expect(sheet.boxes).toBe(api.count * 3);
    expect(sheet.mapStops).toBe(api.count);
    expect(sheet.visibleOthers).toBe(0);
    expect(sheet.actionsShown).toBe(false);
    await page.screenshot({ path: `${SHOTS}/patrol-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(c.errors).toEqual([]);
  });
});
