/**
 * The command centre's wall display in headless Chromium, one page: signed in as `wall` it shows the wall (not the
 * console), its figures are those of /api/overview, the map view rotates by itself, and when the API and the tiles
 * fail the figures and the map stay on screen with an offline badge, until the network comes back.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, renderedCounts, waitForMapIdle, type ConsolePage } from '../support/console-page.js';

const SHOTS = 'test-output/screenshots';
const AS_OF = '2026-11-01';
let browser: Browser;
let c: ConsolePage;
let page: Page;

const figure = (p: Page, id: string) => p.locator(`[data-figure="${id}"]`).innerText();
const asNumber = (s: string) => Number(s.replace(/[,\s]/g, ''));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'wall' });
  page = c.page;
  // Short intervals so that rotation, refresh, retries and tile reloads all happen within the test.
  await page.goto(`/#rotate=3&refresh=3&tiles=5&as_of=${AS_OF}`);
  await page.waitForSelector('.wall [data-figure="listings.key_rectification"]', { timeout: 60_000 });
  await waitForMapIdle(page);
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('wall display', () => {
  it('shows the wall, not the console, with the figures /api/overview returns', async () => {
    expect(await page.locator('.console').count()).toBe(0);
    const res = await page.request.get(`/api/overview?as_of=${AS_OF}`);
    const o = await res.json();
    expect(asNumber(await figure(page, 'listings.key_rectification'))).toBe(o.listings.key_rectification);
    expect(asNumber(await figure(page, 'checkpoints.vehicles'))).toBe(o.checkpoints.vehicles);
    expect(o.checkpoints.vehicles, 'the seeded week has checkpoint traffic').toBeGreaterThan(0);
    expect(asNumber(await figure(page, 'inspections.venues_overdue'))).toBe(o.inspections.venues_overdue);
    expect(await figure(page, 'people.controlRate')).toBe(`${(o.people.controlRate * 100).toFixed(1)}%`);
    const rising = await page.locator('.wall-rising-name').allInnerTexts();
    expect(rising).toEqual(o.signals.topRising.map((r: { name: string }) => r.name));
    const counts = await renderedCounts(page);
    expect(counts.counties ?? 0, 'the jurisdiction is drawn').toBeGreaterThan(0);
    expect(c.foreign).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/wall-1920.png` });
  });

  it('rotates through its views by itself and says which is on', async () => {
    const first = await page.locator('.wall').getAttribute('data-active-view');
    const seen = new Set([first]);
    // Four views: a slow software-rendered page may skip one between two looks, so look until three were seen.
    for (let i = 0; i < 6 && seen.size < 3; i++) {
      const before = await page.locator('.wall').getAttribute('data-active-view');
      await page.waitForFunction((b) => document.querySelector('.wall')?.getAttribute('data-active-view') !== b, before, { timeout: 20_000 });
      const now = await page.locator('.wall').getAttribute('data-active-view');
      seen.add(now);
      expect(await page.locator('.wall-view.active').getAttribute('data-view')).toBe(now);
    }
    expect(seen.size).toBe(3);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SHOTS}/wall-1920-${await page.locator('.wall').getAttribute('data-active-view')}.png` });
  });

  it('keeps the figures and the map when the API and tiles fail, shows since when, and recovers', async () => {
    const before = await figure(page, 'listings.key_rectification');
    const asOfBefore = await figure(page, 'dataAsOf');
    let tileFailures = 0;
    page.on('requestfailed', (r) => {
      if (r.url().includes('/api/tiles/')) tileFailures++;
    });
    await page.route('**/api/overview**', (r) => r.abort('internetdisconnected'));
    await page.route('**/api/tiles/**', (r) => r.abort('internetdisconnected'));

    await page.waitForSelector('[data-offline]', { timeout: 30_000 });
    // At least one periodic tile reload was attempted (and refused) during the outage.
    await expect.poll(() => tileFailures, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    expect(await figure(page, 'listings.key_rectification')).toBe(before);
    expect(await page.locator('[data-offline]').innerText()).toContain(asOfBefore.replace(/^\D+/, ''));
    const counts = await renderedCounts(page);
    expect(counts.counties ?? 0, 'the map keeps its last tiles').toBeGreaterThan(0);
    await waitForMapIdle(page); // SwiftShader draws late: let the canvas catch up with the rotation before the picture
    await page.screenshot({ path: `${SHOTS}/wall-1920-offline.png` });

    await page.unroute('**/api/overview**');
    await page.unroute('**/api/tiles/**');
    await page.waitForSelector('[data-offline]', { state: 'detached', timeout: 30_000 });
    expect(await figure(page, 'listings.key_rectification')).toBe(before);
    expect(c.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
