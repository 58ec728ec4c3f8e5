/**
 * "Why is this colour?" in headless Chromium (issue 12): from the console's details panel for a township whose drug
 * signal rises and for a listed one, and on the wall display; the divergence outline drawn in the drug-signal mode.
 * Screenshots in test-output/screenshots/why-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';

const AS_OF = '2026-11-01';
const SHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
let browser: Browser;
let c: ConsolePage;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'city_office' });
  await c.page.goto('/');
  await waitForMapIdle(c.page);
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

/** The page with the evidence scrolled to the top of the details panel. */
async function shotOfWhy(name: string) {
  await c.page.locator('.why-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await c.page.screenshot({ path: `${SHOTS}${name}` });
}

async function openWhy() {
  await c.page.locator('.why-toggle').click();
  await c.page.waitForSelector('.why [data-part="listing"]', { timeout: 30_000 });
}

describe('why is this colour (console)', () => {
  it('draws the divergence outline only in the drug-signal mode', async () => {
    const mode = c.page.locator('fieldset.modes label', { hasText: '污水验毒' }).locator('input');
    const opacity = () =>
      c.page.evaluate(() => {
        const m = window.__gc!.map as any;
        const id = m.getStyle().layers.find((l: any) => l.metadata?.['gc:flag'] === 'divergent' && l.source === 'townships').id;
        return m.getPaintProperty(id, 'line-opacity');
      });
    expect(await opacity()).toBe(0);
    await mode.check();
    await c.page.waitForFunction(() => (window.__gc!.map as any).getPaintProperty('townships-signals-divergent', 'line-opacity') === 1);
    await mode.uncheck();
    await c.page.waitForFunction(() => (window.__gc!.map as any).getPaintProperty('townships-signals-divergent', 'line-opacity') === 0);
    await mode.check(); // on again for the next tests
    expect(await opacity()).toBe(1);
    // The legend of the mode lists the outline with the classes.
    expect(await c.page.locator('.ww-legend li[data-overlay="signal_divergent"]').count()).toBe(1);
    expect(await c.page.locator('.ww-legend li[data-trend="below_detection"]').count()).toBe(1);
  });

  it('explains a rising township: the test, its p-value, the plants and censoring, and what would change it', async () => {
    await c.page.locator('fieldset.modes label', { hasText: '污水验毒' }).locator('input').check();
    await c.page.locator('.ww-rising li[data-trend="rising_significant"][data-level="township"] button').first().click();
    await openWhy();
    const part = c.page.locator('.why [data-part="signal"]');
    expect(await part.getAttribute('data-trend')).toMatch(/^rising/);
    const text = await part.innerText();
    expect(text).toMatch(/Mann–Kendall/);
    expect(text).toMatch(/p (= 0\.\d{3}|< 0\.001)/);
    expect(text).toMatch(/低于定量限/); // the censored share beside the trend
    expect(text).toMatch(/什么会改变颜色/);
    expect(await c.page.locator('.why [data-part="signal"] .ev-chart').count()).toBeGreaterThan(0);
    await shotOfWhy('why-rising-township.png');
  });

  it('explains a listed township by its listing events and what comes next', async () => {
    const code = await c.page.evaluate(async (asOf) => {
      const r = await (await fetch(`/api/listings?as_of=${asOf}&status=active`)).json();
      const list = (r.listings ?? r.items ?? r) as { areaCode: string; areaLevel: string }[];
      return list.find((l) => l.areaLevel === 'township')!.areaCode;
    }, AS_OF);
    await c.page.evaluate((sel) => (window.location.hash = `sel=townships:${sel}`), code);
    await c.page.waitForSelector(`.details[data-selection="townships:${code}"]`);
    await openWhy();
    const part = c.page.locator('.why [data-part="listing"]');
    expect(['key_rectification', 'key_supervision', 'key_attention']).toContain(await part.getAttribute('data-class'));
    const text = await part.innerText();
    expect(text).toMatch(/挂牌颜色/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}：挂牌/);
    expect(text).toMatch(/期限于 \d{4}-\d{2}-\d{2} 届满/);
    await shotOfWhy('why-listed-township.png');
    expect(c.errors).toEqual([]);
  });
});

describe('why is this colour (wall)', () => {
  it('shows the evidence for a featured township during the drug-signal view', async () => {
    const wall = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'wall' });
    try {
      await wall.page.goto(`/#rotate=4&refresh=60&as_of=${AS_OF}`);
      // The wall rotates every few seconds: read the view and the evidence in one step, when the evidence shows.
      const seen = await wall.page.waitForFunction(() => {
        const why = document.querySelector('.wall-evidence .why [data-part="signal"]');
        if (!why) return null;
        return { view: document.querySelector('.wall')?.getAttribute('data-active-view'), text: (document.querySelector('.wall-evidence') as HTMLElement).innerText };
      }, null, { timeout: 60_000 });
      const { view, text } = (await seen.jsonValue())!;
      expect(view).toBe('signals');
      expect(text).toMatch(/为什么是这个颜色/);
      expect(text).toMatch(/p = /);
      await waitForMapIdle(wall.page);
      await wall.page.screenshot({ path: `${SHOTS}why-wall.png` });
    } finally {
      await wall.close();
    }
  });
});
