/**
 * The wastewater map mode in headless Chromium: with the mode on, every township MapLibre draws is filled with
 * the colour of its drug-index trend and an opacity that follows its confidence (asked of the rendered features'
 * evaluated paint, not of pixels); areas without coverage are not filled. Choosing a rising signal opens a chart
 * whose code was not in the first bundle.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TREND_COLORS, confidenceAlpha } from 'domain/palette';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';

let browser: Browser;
let c: ConsolePage;
const scripts: string[] = [];

const hex = (col: { r: number; g: number; b: number }) =>
  '#' + [col.r, col.g, col.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');

/** Every rendered township fill: code, signal properties, and the colour and opacity MapLibre evaluated for it. */
async function renderedTownships(page: Page) {
  return page.evaluate(() => {
    const m = window.__gc!.map as any;
    const layers = m.getStyle().layers.filter((l: any) => l.source === 'townships' && l.type === 'fill').map((l: any) => l.id);
    const seen = new Map<string, any>();
    for (const f of m.queryRenderedFeatures(undefined, { layers })) {
      if (seen.has(f.properties.code)) continue;
      seen.set(f.properties.code, {
        code: f.properties.code,
        trend: f.properties.signal_trend ?? null,
        coverage: f.properties.signal_coverage ?? null,
        n: f.properties.signal_n ?? null,
        color: f.layer.paint['fill-color'],
        opacity: f.layer.paint['fill-opacity'],
      });
    }
    return [...seen.values()];
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'city_office' });
  c.page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await c.page.goto('/');
  await waitForMapIdle(c.page);
  // Township level of the demo city.
  await c.page.evaluate(() => window.__gc!.map.jumpTo({ center: [112.8, 26.9], zoom: 9.2 }));
  await waitForMapIdle(c.page);
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('wastewater mode', () => {
  it("fills each township with its trend's colour and its confidence as opacity", async () => {
    const before = await renderedTownships(c.page);
    expect(before.length).toBeGreaterThan(5);
    await c.page.locator('fieldset.modes label', { hasText: '污水验毒' }).locator('input').check();
    await c.page.waitForFunction(() => {
      const m = window.__gc!.map as any;
      const l = m.getStyle().layers.find((x: any) => x.source === 'townships' && x.type === 'fill');
      return Array.isArray(m.getPaintProperty(l.id, 'fill-color'));
    });
    await waitForMapIdle(c.page);
    const areas = await renderedTownships(c.page);
    const byTrend = new Map<string, number>();
    for (const a of areas) {
      byTrend.set(a.trend, (byTrend.get(a.trend) ?? 0) + 1);
      if (a.trend && a.trend !== 'insufficient') {
        expect(hex(a.color), `${a.code} ${a.trend}`).toBe(TREND_COLORS[a.trend as keyof typeof TREND_COLORS]);
        expect(a.opacity, `${a.code} opacity`).toBeCloseTo(confidenceAlpha(a.trend, a.coverage, a.n), 5);
        expect(a.opacity).toBeGreaterThan(0);
      } else {
        expect(a.opacity, `${a.code} has no data and is not filled`).toBe(0);
      }
    }
    const shots = new URL('../../test-output/screenshots/', import.meta.url).pathname;
    mkdirSync(shots, { recursive: true });
    await c.page.screenshot({ path: `${shots}wastewater-mode.png` });
    // The demo region has rising and falling areas on screen, drawn orange and blue.
    expect([...byTrend.keys()].some((t) => t?.startsWith('rising'))).toBe(true);
    expect([...byTrend.keys()].some((t) => t?.startsWith('falling'))).toBe(true);
  });

  it("an area's colour follows its trend as the API reports it", async () => {
    const areas = await renderedTownships(c.page);
    const rising = areas.find((a) => a.trend === 'rising_significant')!;
    const falling = areas.find((a) => a.trend === 'falling_significant')!;
    for (const a of [rising, falling]) {
      const api = await c.page.evaluate(async (code) => (await fetch(`/api/wastewater/areas/${code}/signals`)).json(), a.code);
      const index = api.signals.find((s: any) => s.substance === 'index');
      expect(index.trend).toBe(a.trend);
    }
    expect(hex(rising.color)).toBe('#e66101'); // orange
    expect(hex(falling.color)).toBe('#0571b0'); // blue
  });

  it('opens a lazily loaded chart from the rising signals list', async () => {
    const chartScriptsBefore = scripts.filter((u) => /SeriesChart|uPlot|uplot/i.test(u));
    expect(chartScriptsBefore).toEqual([]);
    await c.page.locator('.ww-rising li[data-trend="rising_significant"] button').first().click();
    await c.page.waitForSelector('.ww-section .ww-chart canvas', { timeout: 30_000, state: 'attached' });
    expect(scripts.some((u) => /SeriesChart|uPlot|uplot/i.test(u))).toBe(true);
    expect(await c.page.locator('.ww-section .ww-trend').getAttribute('data-trend')).toMatch(/^rising/);
    await c.page.screenshot({ path: new URL('../../test-output/screenshots/wastewater-chart.png', import.meta.url).pathname });
    expect(c.errors).toEqual([]);
  });
});
