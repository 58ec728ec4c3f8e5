/**
 * The upload page in headless Chromium, as a county office uses it: choose the GCJ-02 CSV of firms (a project
 * fixture), map a column, see the first rows; a dry run with the wrong datum shows the offset problem and the
 * features drawn off their places; with GCJ-02 the dry run is clean, the import writes, and the new firm is on the
 * map where it belongs. Screenshots in test-output/screenshots/import-*.png.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { writeImportFixtures, type ImportFixtures } from '../fixtures/imports/generate.js';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { TEST_DATABASE_URL } from '../support/env.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
let browser: Browser;
let c: ConsolePage;
let db: Database;
let dir: string;
let fx: ImportFixtures;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'e2e-imports-'));
  fx = await writeImportFixtures(db, dir);
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'county_office' });
  await c.page.goto('/');
  await waitForMapIdle(c.page);
});

afterAll(async () => {
  await db?.query(`DELETE FROM firm WHERE credit_code = ANY($1)`, [fx.firms.expected.added.map((a) => a.credit_code)]);
  await db?.query(`DELETE FROM audit_log WHERE entity IN ('data_import', 'import_mapping')`);
  await db?.query(`DELETE FROM import_mapping`);
  await db?.query(`DELETE FROM data_import`);
  await db?.close();
  await c?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const previewFeatures = () =>
  c.page.evaluate(() => {
    const layer = window.__gc!.deckLayers().find((l) => l.id === 'import-preview');
    return (layer?.props.data as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] } | undefined)?.features ?? [];
  });

describe('the upload page', () => {
  it('uploads a file, maps columns, shows the first rows and the detected encoding', async () => {
    const { page } = c;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-page').waitFor();
    // The page's code came on demand, not with the first bundle.
    await page.getByTestId('import-layer').selectOption('firms');
    await page.getByTestId('import-file').setInputFiles(fx.firms.path);
    await page.getByTestId('import-upload').click();
    await expect.poll(() => page.getByTestId('import-detected').textContent()).toContain('gb18030');
    // Chinese headers were mapped on their own; map the licence column by hand (the file has none: choose none).
    expect(await page.locator('#imp-map-credit_code').inputValue()).toBe('统一社会信用代码');
    expect(await page.locator('#imp-map-lon').inputValue()).toBe('经度');
    await page.locator('#imp-map-address').selectOption('地址');
    expect(await page.locator('.imp-rows tbody tr').count()).toBe(fx.firms.expected.unchanged + 2);
    // A CSV says nothing of its datum: the page asks.
    expect(await page.getByTestId('import-datum').inputValue()).toBe('wgs84');
    await page.screenshot({ path: `${SCREENSHOTS}import-mapping.png` });
    // The panel narrowed the map: let it finish redrawing, so the next step's wait measures the dry run alone.
    await waitForMapIdle(page);
  });

  it('a dry run with the wrong datum shows the offset problem and draws the features off their places', async () => {
    const { page } = c;
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-report').waitFor();
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toMatch(/GCJ|gcj02/i);
    expect(await page.getByTestId('import-write').isDisabled()).toBe(true);
    const feats = await previewFeatures();
    expect(feats.length).toBe(fx.firms.expected.unchanged + 2);
    const wrong = feats.find((f) => f.properties.code === fx.firms.expected.added[0]!.credit_code)!;
    // Read as WGS84, a GCJ-02 point lands a few hundred metres from where the firm is.
    const a = fx.firms.expected.added[0]!;
    const metres = Math.hypot((wrong.geometry.coordinates[0]! - a.lon) * 99_000, (wrong.geometry.coordinates[1]! - a.lat) * 111_000);
    expect(metres).toBeGreaterThan(200);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SCREENSHOTS}import-wrong-datum.png` });
  });

  it('with GCJ-02 the dry run is clean; the import writes and the new firm shows on the map', async () => {
    const { page } = c;
    await page.getByTestId('import-datum').selectOption('gcj02');
    await page.getByTestId('import-dry-run').click();
    // The last report stays on screen while the new dry run runs: wait for this one, with the same budget as any
    // other step (expect.poll alone gives up after one second, less than a dry run takes on a busy machine).
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status'), { timeout: 30_000 }).toBe('clean');
    expect(await page.getByTestId('import-report').textContent()).toContain('2');
    const a = fx.firms.expected.added[0]!;
    // The preview is drawn by deck.gl, loaded on demand: its layer takes the new features a frame or two later.
    const offsetMetres = async () => {
      const right = (await previewFeatures()).find((f) => f.properties.code === a.credit_code);
      return right ? Math.hypot((right.geometry.coordinates[0]! - a.lon) * 99_000, (right.geometry.coordinates[1]! - a.lat) * 111_000) : Infinity;
    };
    await expect.poll(offsetMetres, { timeout: 10_000 }).toBeLessThan(2);
    await page.screenshot({ path: `${SCREENSHOTS}import-dry-run.png` });

    await page.getByTestId('import-write').click();
    await page.getByTestId('import-message').waitFor();
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM firm WHERE credit_code = ANY($1)`, [fx.firms.expected.added.map((x) => x.credit_code)]);
    expect(row!.n).toBe(2);

    // The map, zoomed to the new firm, draws it from the freshly invalidated tiles.
    await page.evaluate(([lon, lat]) => window.__gc!.map.jumpTo({ center: [lon!, lat!], zoom: 15 }), [a.lon, a.lat]);
    await waitForMapIdle(page);
    await expect
      .poll(() => page.evaluate((code) => window.__gc!.map.queryRenderedFeatures().filter((f) => f.properties.credit_code === code).length, a.credit_code), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}import-done.png` });
    expect(c.errors).toEqual([]);
    expect(c.foreign).toEqual([]);
  });
});
