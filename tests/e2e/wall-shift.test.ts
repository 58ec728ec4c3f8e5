/**
 * The wall's shift-change view and visitor mode in headless Chromium (1920×1080): the rotation reaches the shift
 * change, whose figures are those of /api/wall/changes for the chosen window; the wall's own visitor button hides
 * every name of a person and every exact site name from the page (and the page asks the API for visitor answers),
 * and survives a reload. Screenshots: wall-shift.png, wall-shift-visitor.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, type ConsolePage } from '../support/console-page.js';

const SHOTS = 'test-output/screenshots';
const AS_OF = '2026-11-01';
let browser: Browser;
let c: ConsolePage;
let page: Page;

interface Changes {
  since: string;
  listings: { listed: number; delisted: number; items: { recordedBy: string | null }[] };
  rising: { count: number };
  overdue: { count: number; items: { name: string | null }[] };
  checkpointCases: { cases: number; items: { name: string | null }[] };
  flaggedCheckIns: { count: number; items: { name: string | null; inspector: string | null }[] };
}

const shiftShown = (p: Page) => p.waitForSelector('.wall[data-active-view="shift"] .wall-shift-grid', { timeout: 60_000 });
const figure = (p: Page, id: string) => p.locator(`[data-figure="shift.${id}"]`).innerText().then(Number);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'wall' });
  page = c.page;
  // Only the shift-change view (`views=`), so a slow software-rendered page cannot rotate past it mid-check.
  await page.goto(`/#views=shift&refresh=3&as_of=${AS_OF}`);
  await page.evaluate(() => localStorage.setItem('grid-console.wall.prefs', JSON.stringify({ visitor: false, shiftHours: 72 })));
  await page.reload();
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
});

describe('shift change and visitor mode', () => {
  let full: Changes;

  it('shows what changed in the last 72 hours before the reference day ends, as the API counts it, with names', async () => {
    await shiftShown(page);
    const since = new Date(Date.parse(`${AS_OF}T23:59:00+08:00`) - 72 * 3_600_000).toISOString();
    full = (await (await page.request.get(`/api/wall/changes?since=${encodeURIComponent(since)}&until=${encodeURIComponent(`${AS_OF}T23:59:00+08:00`)}&limit=8`)).json()) as Changes;
    expect(await figure(page, 'overdue')).toBe(full.overdue.count);
    expect(await figure(page, 'cases')).toBe(full.checkpointCases.cases);
    expect(await figure(page, 'listings')).toBe(full.listings.listed + full.listings.delisted);
    expect(await figure(page, 'rising')).toBe(full.rising.count);
    expect(full.overdue.count + full.checkpointCases.cases, 'the seeded days have something to report').toBeGreaterThan(0);
    const text = await page.locator('.wall-shift').innerText();
    const names = [...full.overdue.items.map((i) => i.name), ...full.checkpointCases.items.map((i) => i.name)].filter(Boolean) as string[];
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(text).toContain(n);
    await page.screenshot({ path: `${SHOTS}/wall-shift.png` });
  });

  it('in visitor mode, switched on the wall itself, shows no person and no exact site name, and stays on after a reload', async () => {
    const visitorRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/wall/changes')) visitorRequests.push(r.url());
    });
    await page.locator('.wall-visitor').click({ timeout: 60_000 });
    expect(await page.locator('.wall-visitor').getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector('.wall[data-active-view="shift"] .wall-shift[data-visitor="true"]', { timeout: 60_000 });
    const names = [
      ...full.overdue.items.map((i) => i.name),
      ...full.checkpointCases.items.map((i) => i.name),
      ...full.listings.items.map((i) => i.recordedBy),
      ...full.flaggedCheckIns.items.flatMap((i) => [i.name, i.inspector]),
    ].filter(Boolean) as string[];
    const body = await page.locator('body').innerText();
    expect(names.filter((n) => body.includes(n))).toEqual([]);
    // The same counts, worded without names.
    expect(await figure(page, 'overdue')).toBe(full.overdue.count);
    expect(await page.locator('[data-block="overdue"] li').first().innerText()).toMatch(/某|a /);
    // From the first request in visitor mode on, every one is: a poll due before the click may still go out
    // without it, none may after.
    const isVisitor = (u: string) => new URL(u).searchParams.get('visitor') === '1';
    const first = visitorRequests.findIndex(isVisitor);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(visitorRequests.slice(first).filter((u) => !isVisitor(u))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/wall-shift-visitor.png` });

    await page.reload();
    await page.waitForSelector('.wall');
    expect(await page.locator('.wall-visitor').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.wall').getAttribute('data-visitor')).toBe('true');
    expect(c.errors).toEqual([]);
  });
});
