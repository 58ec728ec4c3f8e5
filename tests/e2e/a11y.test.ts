/**
 * Accessibility and language on the pages people use: axe-core (no serious or critical violation) on the console,
 * its details panel, the listings table, the officer's view and the wall display; and no untranslated message key
 * or raw enum value (snake_case words such as drug_abuse) anywhere on screen in zh-CN or English.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from '../support/browser.js';
import { waitForMapIdle } from '../support/console-page.js';
import { consoleSession } from '../support/console-session.js';

const session = consoleSession();

async function open(user: string, hash = '', viewport = VIEWPORTS.laptop): Promise<Page> {
  const c = await session.open({ viewport, hash, signIn: user });
  await waitForMapIdle(c.page);
  return c.page;
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page } as never).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const r = await axe.analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Words on screen that look like a message key (a.b.c) or an enum value (drug_abuse). */
async function untranslated(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+(?:\.[a-zA-Z]+){2,}\b/g) ?? [])];
}

/** A listed township: its details show a grade, categories and dates (asked of the API as the city office). */
async function listedTownship(): Promise<string> {
  const res = await fetch(`${session.baseUrl()}/api/listings?status=listed`, { headers: { Authorization: 'Bearer demo-city_office' } });
  const body = await res.text();
  expect(res.status, body).toBe(200);
  const { listings } = JSON.parse(body) as { listings: { areaCode: string; areaLevel: string }[] };
  const township = listings.find((l) => l.areaLevel === 'township');
  expect(township, 'a listed township in the demo region').toBeDefined();
  return township!.areaCode;
}

describe('accessibility and language', () => {
  it('console with a listed area selected: no serious axe violation, no raw key or enum on screen (zh-CN, English)', { timeout: 240_000 }, async () => {
    const code = await listedTownship();
    for (const lang of ['zh-CN', 'en']) {
      const page = await open('city_office', `#sel=townships:${code}&lang=${lang}`);
      await page.waitForSelector('.details dl', { timeout: 30_000 });
      await page.waitForTimeout(1500); // the plug-in sections arrive with their chunks
      expect(await seriousViolations(page), `axe, console ${lang}`).toEqual([]);
      expect(await untranslated(page), `untranslated, console ${lang}`).toEqual([]);
      if (lang === 'zh-CN') expect(await page.locator('.details').innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      await page.context().close();
    }
  });

  it('listings table: no serious axe violation, no raw key or enum', { timeout: 180_000 }, async () => {
    const page = await open('city_office');
    await page.getByRole('button', { name: /挂牌清单|清单|表格/ }).first().click();
    await page.waitForSelector('table', { timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await untranslated(page)).toEqual([]);
  });

  it("grid officer's phone view: no serious axe violation", { timeout: 180_000 }, async () => {
    const page = await open('grid_officer', '', VIEWPORTS.phone);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await untranslated(page)).toEqual([]);
  });

  it('wall display: no serious axe violation', { timeout: 180_000 }, async () => {
    const c = await session.open({ viewport: VIEWPORTS.desktop, signIn: 'wall' });
    await c.page.waitForSelector('.wall-map canvas', { timeout: 60_000 });
    expect(await seriousViolations(c.page)).toEqual([]);
  });

  it('a selection in a link opens the bottom sheet on a phone, and back walks the selections', { timeout: 180_000 }, async () => {
    const code = await listedTownship();
    const page = await open('city_office', `#sel=townships:${code}`, VIEWPORTS.phone);
    await expect.poll(() => page.locator('.console').getAttribute('class')).toContain('panel-open');
    await expect.poll(() => page.locator('.details').getAttribute('data-selection')).toBe(`townships:${code}`);
    // Select another area through the URL the way a click does (pushState), then go back.
    const other = (await page.evaluate(async () => (await fetch('/api/labels/townships?limit=2')).json())) as { code: string }[];
    const next = other.find((o) => o.code !== code)!.code;
    await page.evaluate((h) => { window.location.hash = h; }, `#sel=townships:${next}`);
    await expect.poll(() => page.locator('.details').getAttribute('data-selection')).toBe(`townships:${next}`);
    await page.goBack();
    await expect.poll(() => page.locator('.details').getAttribute('data-selection')).toBe(`townships:${code}`);
  });
});
