/**
 * The browser and console pages of one e2e test file. Each test's pages are closed when the test ends: a page left
 * open keeps drawing (MapLibre, deck.gl, on a software GPU) and takes CPU from the tests after it. What the pages
 * logged (console errors, requests to other hosts) is kept for the file's last check.
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS, type Viewport } from './browser.js';
import { openConsolePage, type ConsolePage } from './console-page.js';

export interface ConsoleSession {
  /** The shared browser (launched before the file's first test). */
  browser(): Browser;
  baseUrl(): string;
  /** A new signed-in (or signed-out, `signIn: null`) page at `/${hash}`; closed when the current test ends. */
  open(opts?: { viewport?: Viewport; hash?: string; signIn?: string | null }): Promise<ConsolePage>;
  /** Every page this file opened, closed or not. */
  opened: readonly ConsolePage[];
}

export function consoleSession(defaults: { signIn?: string | null } = {}): ConsoleSession {
  let browser: Browser | undefined;
  let baseUrl = '';
  const opened: ConsolePage[] = [];
  const open: ConsolePage[] = [];

  beforeAll(async () => {
    baseUrl = inject('baseUrl');
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
    await browser?.close();
  });

  return {
    browser: () => browser!,
    baseUrl: () => baseUrl,
    opened,
    async open({ viewport = VIEWPORTS.laptop, hash = '', signIn = defaults.signIn ?? 'city_office' } = {}) {
      const c = await openConsolePage(browser!, baseUrl, viewport, { signIn: signIn ?? undefined });
      opened.push(c);
      open.push(c);
      await c.page.goto(`/${hash}`);
      return c;
    },
  };
}
