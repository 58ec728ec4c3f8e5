/**
 * An exported PMTiles archive opened in the console from a local file, with the tile server cut off: the
 * archive's layers draw from the file alone, styled as the console styles them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
let browser: Browser;
let baseUrl: string;
let c: ConsolePage;
let dir: string;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  mkdirSync(SCREENSHOTS, { recursive: true });
  dir = mkdtempSync('/tmp/gc-offline-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await c?.close().catch(() => undefined);
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline layer packs', () => {
  it('draws the layers of a local .pmtiles export with no tile server', async () => {
    const res = await fetch(`${baseUrl}/api/exports/tiles.pmtiles?layers=townships,checkpoints&maxzoom=11`, { headers: { Authorization: 'Bearer demo-county_office' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="grid-console-townships-checkpoints-.*\.pmtiles"/);
    const file = join(dir, 'county.pmtiles');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));

    c = await openConsolePage(browser, baseUrl, VIEWPORTS.laptop, { signIn: 'city_office' });
    await c.page.goto('/');
    await waitForMapIdle(c.page);
    // From here on there is no tile server: only the file can draw.
    await c.page.route('**/api/tiles/**', (route) => route.abort('internetdisconnected'));
    await c.page.evaluate(() => {
      const m = window.__gc!.map;
      for (const l of m.getStyle().layers) if (l.type !== 'background') m.setLayoutProperty(l.id, 'visibility', 'none');
    });
    await c.page.locator('.offline-archives input[type=file]').setInputFiles(file);
    await c.page.waitForSelector('.offline-archive');
    await waitForMapIdle(c.page);
    const drawn = await c.page.evaluate(() => {
      const m = window.__gc!.map;
      const ids = m.getStyle().layers.filter((l) => l.id.startsWith('offline-')).map((l) => l.id);
      const out: Record<string, number> = {};
      for (const f of m.queryRenderedFeatures({ layers: ids })) out[f.sourceLayer ?? '?'] = (out[f.sourceLayer ?? '?'] ?? 0) + 1;
      return out;
    });
    expect(drawn.townships).toBeGreaterThan(0);
    expect(await c.page.locator('.offline-archive').textContent()).toContain('county.pmtiles');
    await c.page.locator('.offline-archives').scrollIntoViewIfNeeded();
    await c.page.screenshot({ path: `${SCREENSHOTS}offline-pmtiles-1366x768.png` });
    expect(c.errors.filter((e) => !/api\/tiles|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });
});
