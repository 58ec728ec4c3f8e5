/**
 * Helpers for driving the console in a browser test: a page that records every request's origin and every
 * console error, sign-in, and waiting until the map has drawn everything it is going to draw.
 */
import type { Browser, Page } from 'playwright-core';
import { newContext, type Viewport } from './browser.js';

export interface ConsolePage {
  page: Page;
  /** Requests to any origin other than the console's own (they were aborted). */
  foreign: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openConsolePage(browser: Browser, baseUrl: string, viewport: Viewport, opts: { signIn?: string } = {}): Promise<ConsolePage> {
  const context = await newContext(browser, viewport, baseUrl);
  const origin = new URL(baseUrl).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  if (opts.signIn) {
    const res = await context.request.post(`${baseUrl}/api/session`, { data: { username: opts.signIn, password: 'demo' } });
    if (!res.ok()) throw new Error(`sign-in as ${opts.signIn} failed: ${res.status()}`);
  }
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = `${m.text()} @ ${m.location().url}`;
    errors.push(text);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, foreign, errors, close: () => context.close() };
}

/**
 * The console has handled the map's `load` (`__gc.ready`: it framed the data and asked for the labels), every
 * visible source's tiles are loaded, the map is not moving, and an `idle` was seen after that. `map.loaded()` alone
 * can be true a (slow, software-rendered) frame before `load`, while the console has not yet framed the data.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !!window.__gc?.ready, null, { timeout });
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const m = window.__gc!.map;
        if (m.loaded() && m.areTilesLoaded() && !m.isMoving()) return resolve(true);
        m.once('idle', () => resolve(true));
        setTimeout(() => resolve(false), 2000);
      }),
    null,
    { timeout, polling: 100 },
  );
}

/** Rendered feature counts per catalogue layer ("gc:layer" metadata), as MapLibre reports them. */
export async function renderedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const m = window.__gc!.map;
    const out: Record<string, number> = {};
    for (const f of m.queryRenderedFeatures()) {
      const id = (f.layer.metadata as Record<string, string> | undefined)?.['gc:layer'];
      if (id) out[id] = (out[id] ?? 0) + 1;
    }
    return out;
  });
}

/** The part of MapLibre's Map the tests use (the tests package does not depend on maplibre-gl). */
export interface TestMap {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  once(type: string, cb: () => void): void;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  jumpTo(o: { center?: [number, number]; zoom?: number }): void;
  fitBounds(bounds: [[number, number], [number, number]], options?: { padding?: number | Record<string, number>; duration?: number }): void;
  project(p: [number, number]): { x: number; y: number };
  getLayoutProperty(id: string, p: string): unknown;
  setLayoutProperty(id: string, p: string, value: unknown): void;
  getStyle(): { layers: { id: string; type: string }[] };
  queryRenderedFeatures(
    geometry?: unknown,
    options?: unknown,
  ): { layer: { id: string; metadata?: unknown }; sourceLayer?: string; properties: Record<string, unknown>; geometry: { type: string } }[];
  getCanvas(): HTMLCanvasElement;
}

declare global {
  interface Window {
    __gc?: { map: TestMap; ready: boolean; deck: () => unknown; deckLayers: () => { id: string; props: { data: unknown } }[]; labelsDrawn: () => number };
  }
}
