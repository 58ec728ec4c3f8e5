/**
 * Opening hours in the inspector's day, in headless Chromium: the office makes one of the day's stops open only in
 * the afternoon; the inspector plans the day in the page and that stop is visited in the afternoon, the morning
 * going to the others. The printed sheet carries one QR code per stop; the code's link, opened on a phone
 * (390×844), shows that stop's inspection form. Screenshots: patrol-hours-desktop.png, patrol-sheet-qr.png,
 * patrol-qr-phone.png in test-output/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';

const SHOTS = 'test-output/screenshots';
const DAY = '2026-11-02'; // a Monday: the demo's firms are open, so the morning has work
let browser: Browser;
let c: ConsolePage;
let office: BrowserContext;
let target: { kind: 'firm' | 'venue'; id: number; name: string; hours: string | null };

interface Stop { kind: 'firm' | 'venue'; id: number; name: string; seq: number; beginAt: string; openingHours: string | null }

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'inspector' });
  office = await browser.newContext({ baseURL: inject('baseUrl') });
  expect((await office.request.post('/api/session', { data: { username: 'county_office', password: 'demo' } })).ok()).toBe(true);
});

afterAll(async () => {
  if (target) {
    await office.request.put(`/api/${target.kind}s/${target.id}/opening-hours`, { data: { opening_hours: target.hours } });
  }
  await office?.close();
  await c?.close();
  await browser?.close();
});

const minutes = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

describe('a stop open only in the afternoon', () => {
  it('is visited in the afternoon when the inspector plans the day in the page', async () => {
    const page = c.page;
    // The day as planned before: its first stop is visited in the morning.
    const before = (await (await page.request.get(`/api/patrols/plan?date=${DAY}&max_stops=6`)).json()) as { stops: Stop[] };
    const first = before.stops[0]!;
    expect(minutes(first.beginAt)).toBeLessThan(12 * 60);
    target = { kind: first.kind, id: first.id, name: first.name, hours: first.openingHours };
    const set = await office.request.put(`/api/${first.kind}s/${first.id}/opening-hours`, { data: { opening_hours: '每天 14:00-18:00' } });
    expect(set.status()).toBe(200);

    await page.goto('/');
    await waitForMapIdle(page);
    await page.locator('fieldset.modes label', { hasText: '巡查' }).locator('input').check();
    await page.locator('.patrol-control input[type="date"]').fill(DAY);
    await page.locator('.patrol-control input[type="number"]').fill('6');
    await page.locator('.patrol-plan').click();
    await page.waitForSelector('.patrol-stops li', { timeout: 30_000 });

    const rows = await page.locator('.patrol-stops li').evaluateAll((lis) => lis.map((li) => ({ stop: li.getAttribute('data-stop'), begin: li.getAttribute('data-begin') ?? '' })));
    const mine = rows.find((r) => r.stop === `${first.kind}/${first.id}`);
    expect(mine, 'the stop is still planned').toBeDefined();
    expect(minutes(mine!.begin)).toBeGreaterThanOrEqual(14 * 60);
    expect(minutes(mine!.begin) + 30).toBeLessThanOrEqual(18 * 60);
    // The morning went to other stops.
    expect(rows.some((r) => r.stop !== mine!.stop && minutes(r.begin) < 12 * 60)).toBe(true);
    // What the page shows is what the API planned.
    const api = (await (await page.request.get(`/api/patrols/plan?date=${DAY}&max_stops=6`)).json()) as { stops: Stop[] };
    expect(rows.map((r) => r.stop)).toEqual(api.stops.map((s) => `${s.kind}/${s.id}`));
    await page.screenshot({ path: `${SHOTS}/patrol-hours-desktop.png` });
  });

  it('prints a sheet with one QR code per stop, each linking to that stop', async () => {
    const page = c.page;
    await page.locator('.patrol-print').click();
    await page.waitForSelector('.patrol-sheet-table tbody tr .patrol-qr svg', { timeout: 15_000 });
    await page.emulateMedia({ media: 'print' });
    const qrs = await page.locator('.patrol-sheet-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ url: tr.querySelector('.patrol-qr')?.getAttribute('data-url') ?? '', modules: tr.querySelectorAll('.patrol-qr svg path').length })),
    );
    const stops = (await (await page.request.get(`/api/patrols/plan?date=${DAY}&max_stops=6`)).json()) as { stops: Stop[] };
    expect(qrs).toHaveLength(stops.stops.length);
    qrs.forEach((q, i) => {
      const s = stops.stops[i]!;
      expect(q.modules).toBeGreaterThan(0);
      expect(new URL(q.url).hash).toContain(`sel=${s.kind}s:${s.id}`);
    });
    await page.setViewportSize({ width: 1400, height: 990 });
    await page.screenshot({ path: `${SHOTS}/patrol-sheet-qr.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it("opens the stop's inspection form on a phone from the QR code's link", async () => {
    const url = await c.page.locator('.patrol-sheet-table tbody tr .patrol-qr').first().getAttribute('data-url');
    const phone = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.phone, { signIn: 'inspector' });
    try {
      const hash = new URL(url!).hash;
      await phone.page.goto(`/${hash}`);
      const sel = /sel=([a-z]+):(\d+)/.exec(hash)!;
      await phone.page.waitForSelector(`[data-selection="${sel[1]}:${sel[2]}"] .patrol-form`, { timeout: 30_000 });
      expect(await phone.page.locator('.patrol-form button[type="submit"]').isVisible()).toBe(true);
      await phone.page.screenshot({ path: `${SHOTS}/patrol-qr-phone.png` });
    } finally {
      await phone.close();
    }
  });
});
