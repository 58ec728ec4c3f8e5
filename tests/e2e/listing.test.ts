/**
 * The listing time slider in headless Chromium: moving it re-requests the area tiles as of the chosen date, and the
 * areas MapLibre renders carry the listing state the history says for that date (asked of the rendered features,
 * not of pixels). Also: the table opens with export links, and a report page renders.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { TEST_REGION } from '../support/env.js';

interface Listing {
  id: number;
  areaCode: string;
  areaLevel: string;
  grade: string;
  status: string;
  listedOn: string;
  termEndsOn: string;
  delistedOn: string | null;
}

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
let browser: Browser;
let c: ConsolePage;

const apiGet = <T,>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

/** Move the slider the way a user's drag does: set the range input's value and fire its input event. */
async function slideTo(page: Page, date: string) {
  await page.evaluate((d) => {
    const el = document.querySelector<HTMLInputElement>('[data-testid="listing-slider"]')!;
    const min = el.dataset.min!;
    const days = Math.round((Date.parse(d) - Date.parse(min)) / 86_400_000);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, String(days));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, date);
  await page
    .waitForFunction((d) => document.querySelector('[data-testid="listing-slider"]')?.getAttribute('data-date') === d, date, { timeout: 60_000 })
    .catch(async (e) => {
      const state = await page.evaluate(() => document.querySelector('[data-testid="listing-slider"]')?.outerHTML ?? 'no slider');
      throw new Error(`slider did not reach ${date}: ${state}; ${e}`);
    });
  // Read out as a date in the page's language (zh-CN here: 2026年3月1日), not as the ISO form.
  const [y, m, day] = date.split('-').map(Number);
  expect(await page.locator('[data-testid="listing-slider"]').getAttribute('aria-valuetext')).toBe(`${y}年${m}月${day}日`);
  // The township source now asks for tiles of that date.
  await page.waitForFunction(
    (d) => (window.__gc!.map as any).getSource('townships').serialize().tiles[0].includes(`as_of=${d}`),
    date,
    { timeout: 60_000 },
  );
  await waitForMapIdle(page);
}

/** The rendered township feature with this code: its listing properties as MapLibre holds them. */
async function renderedArea(page: Page, source: string, code: string) {
  return page.evaluate(
    ({ source, code }) => {
      const m = window.__gc!.map as any;
      const layers = m.getStyle().layers.filter((l: any) => l.source === source && l.type === 'fill').map((l: any) => l.id);
      const hits = m.queryRenderedFeatures(undefined, { layers }).filter((f: any) => f.properties.code === code);
      const flags = m
        .queryRenderedFeatures(undefined, { layers: m.getStyle().layers.filter((l: any) => l.metadata?.['gc:flag'] && l.source === source).map((l: any) => l.id) })
        .filter((f: any) => f.properties.code === code)
        .map((f: any) => f.layer.metadata['gc:flag']);
      const p = hits[0]?.properties ?? null;
      return p && { listing_class: p.listing_class, listing_grade: p.listing_grade ?? null, listing_status: p.listing_status ?? null, flags: [...new Set(flags)].sort() };
    },
    { source, code },
  );
}

async function showArea(page: Page, code: string) {
  const area = await apiGet<{ bbox: [number, number, number, number] }>(page, `/api/areas/${code}`);
  const [w, s, e, n] = area.bbox;
  await page.evaluate(({ center }) => window.__gc!.map.jumpTo({ center, zoom: 10.5 }), { center: [(w + e) / 2, (s + n) / 2] as [number, number] });
  await waitForMapIdle(page);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'city_office' });
  await c.page.goto('/');
  await waitForMapIdle(c.page);
  if (!(await c.page.locator('[data-testid="listing-slider"]').count())) await c.page.click('#tab-layers');
  await c.page.waitForSelector('[data-testid="listing-slider"]');
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('listing time slider', () => {
  it('recolours a township as the history says: not listed, listed at its grade, then recently delisted', async () => {
    const { listings } = await apiGet<{ listings: Listing[] }>(c.page, `/api/listings?as_of=${TEST_REGION.asOf}&status=delisted`);
    // A township delisted within the last year of the demo history.
    const l = listings.find((x) => x.areaLevel === 'township' && x.delistedOn! > '2026-03-01' && x.listedOn > '2025-01-01')!;
    expect(l, 'a recently delisted township in the demo history').toBeTruthy();
    await showArea(c.page, l.areaCode);

    const before = new Date(Date.parse(l.listedOn) - 20 * 86_400_000).toISOString().slice(0, 10);
    const during = new Date(Date.parse(l.listedOn) + 40 * 86_400_000).toISOString().slice(0, 10);

    await slideTo(c.page, before);
    expect(await renderedArea(c.page, 'townships', l.areaCode)).toMatchObject({ listing_class: 'none', listing_status: null, flags: [] });

    await slideTo(c.page, during);
    const detail = await apiGet<{ listing: Listing }>(c.page, `/api/listings/${l.id}?as_of=${during}`);
    expect(await renderedArea(c.page, 'townships', l.areaCode)).toMatchObject({
      listing_class: detail.listing.grade,
      listing_grade: detail.listing.grade,
      listing_status: detail.listing.status,
      flags: [],
    });

    await c.page.screenshot({ path: `${SCREENSHOTS}listing-during.png` });
    await slideTo(c.page, TEST_REGION.asOf);
    await c.page.screenshot({ path: `${SCREENSHOTS}listing-as-of.png` });
    expect(await renderedArea(c.page, 'townships', l.areaCode)).toMatchObject({
      listing_class: 'recently_delisted',
      listing_status: 'delisted',
      flags: ['recently_delisted'],
    });
  });

  it('flags a township past its term with the overdue outline', async () => {
    const { listings } = await apiGet<{ listings: (Listing & { flags: { continuing: boolean } })[] }>(
      c.page,
      `/api/listings?as_of=${TEST_REGION.asOf}&status=active`,
    );
    const l = listings.find((x) => x.areaLevel === 'township' && x.termEndsOn < TEST_REGION.asOf)!;
    expect(l, 'a township past its term').toBeTruthy();
    await showArea(c.page, l.areaCode);
    await slideTo(c.page, TEST_REGION.asOf);
    const r = await renderedArea(c.page, 'townships', l.areaCode);
    expect(r).toMatchObject({ listing_class: l.grade, flags: ['overdue'] });
    // A year earlier the same area was within its term.
    const earlier = new Date(Date.parse(l.termEndsOn) - 120 * 86_400_000).toISOString().slice(0, 10);
    await slideTo(c.page, earlier);
    expect((await renderedArea(c.page, 'townships', l.areaCode))!.flags).toEqual([]);
  });

  it('opens the listings table with export links, and a printable report', async () => {
    await slideTo(c.page, TEST_REGION.asOf);
    await c.page.click('.listing-open-table');
    await c.page.waitForSelector('.listing-table tbody tr');
    await c.page.screenshot({ path: `${SCREENSHOTS}listing-table.png` });
    const csv = await c.page.getAttribute('a[href^="/api/listings/export.csv"]', 'href');
    expect(csv).toContain(`as_of=${TEST_REGION.asOf}`);
    const rows = await c.page.locator('.listing-table tbody tr').count();
    const api = await apiGet<{ count: number }>(c.page, `/api/listings?as_of=${TEST_REGION.asOf}&status=active`);
    expect(rows).toBe(api.count);
    await c.page.locator('.listing-table tbody tr button').first().click();
    await c.page.waitForSelector('.listing-report-page svg path');
    await c.page.emulateMedia({ media: 'print' });
    await c.page.screenshot({ path: `${SCREENSHOTS}listing-report-print.png`, fullPage: true });
    // In print, only the report is shown.
    expect(await c.page.locator('.console').isVisible()).toBe(false);
    expect(await c.page.locator('.listing-report-page').isVisible()).toBe(true);
    await c.page.emulateMedia({ media: 'screen' });
    expect(c.errors).toEqual([]);
  });
});
