/**
 * The lab-results import page in headless Chromium, as a city office uses it (city_office): a lab CSV with one bad
 * row (a concentration that is not a number) is checked in a dry run whose report names that row and column, counts
 * the rows that are fine and writes nothing (asked of the API); the corrected file is checked, then imported as a
 * background job whose progress the page shows, and its samples are in the sites' series (asked of the API).
 * Screenshots in test-output/screenshots/lab-import-*.png.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { recomputeAll } from 'api/src/wastewater/repository.js';
import { consoleSession } from '../support/console-session.js';
import { VIEWPORTS } from '../support/browser.js';
import type { ConsolePage } from '../support/console-page.js';
import { TEST_DATABASE_URL, TEST_REGION } from '../support/env.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
const session = consoleSession({ signIn: 'city_office' });
const FILE_PREFIX = 'e2e-lab-';
// A time inside the seeded weeks at which the seed has no samples (it samples at other hours): a second result in
// that week, so the week's sample count says whether the rows were written.
const SAMPLED_AT = '2026-10-14 04:37';
const MONTH = { from: '2026-10-01', to: '2026-10-31' };

let db: Database;
let dir: string;
let c: ConsolePage;
let sites: { code: string; populationServed: number }[];

interface Site {
  code: string;
  kind: string;
  populationServed: number;
}

/** The lab's CSV (UTF-8, the Chinese headers a lab writes): methamphetamine at both sites, ketamine at the first. */
function labCsv(concentrationAtSecondSite: string): string {
  const [a, b] = sites as [Site, Site];
  const flow = (s: Site) => Math.round(s.populationServed * 0.25);
  return [
    '采样点编码,采样时间,检测物质,浓度(ng/L),日流量(m³/d),低于定量限,定量限(ng/L),实验室',
    `${a.code},${SAMPLED_AT},甲基苯丙胺,85.2,${flow(a)},否,1,湖南省疾控中心`,
    `${b.code},${SAMPLED_AT},甲基苯丙胺,${concentrationAtSecondSite},${flow(b)},否,1,湖南省疾控中心`,
    `${a.code},${SAMPLED_AT},氯胺酮,12.5,${flow(a)},否,1,湖南省疾控中心`,
  ].join('\n');
}

/** Samples behind a site's weekly methamphetamine series in October, as the API reports them. */
async function octoberSamples(code: string): Promise<number> {
  const res = await c.page.context().request.get(`/api/wastewater/sites/${code}/series?substance=methamphetamine&from=${MONTH.from}&to=${MONTH.to}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { points: { n: number }[] };
  return body.points.reduce((sum, p) => sum + p.n, 0);
}

async function removeImported(): Promise<void> {
  await db.query(`DELETE FROM wastewater_sample WHERE import_id IN (SELECT id FROM wastewater_import WHERE filename LIKE $1)`, [`${FILE_PREFIX}%`]);
  await db.query(`DELETE FROM audit_log WHERE entity = 'wastewater_import' AND detail->>'filename' LIKE $1`, [`${FILE_PREFIX}%`]);
  const gone = await db.query(`DELETE FROM wastewater_import WHERE filename LIKE $1 RETURNING id`, [`${FILE_PREFIX}%`]);
  // The signals rested on those samples: back to those of the seed.
  if (gone.length) await recomputeAll(db, { asOf: TEST_REGION.asOf });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
  await removeImported(); // a run that stopped half-way
  dir = await mkdtemp(join(tmpdir(), 'e2e-lab-'));
});

afterAll(async () => {
  if (db) await removeImported();
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the lab-results import page', () => {
  it('a dry run names the bad row and its column, counts the good rows and writes nothing; the corrected file imports with progress', async () => {
    c = await session.open({ viewport: VIEWPORTS.desktop });
    const { page } = c;

    // Two plants of the city, as the office's own API answer lists them.
    const res = await page.context().request.get('/api/wastewater/sites');
    const all = ((await res.json()) as { sites: Site[] }).sites;
    sites = all.filter((s) => s.kind === 'plant_inlet').slice(0, 2);
    expect(sites).toHaveLength(2);
    const before = await Promise.all(sites.map((s) => octoberSamples(s.code)));

    const bad = join(dir, `${FILE_PREFIX}bad.csv`);
    await writeFile(bad, labCsv('不详'));
    await page.getByTestId('lab-import-open').click();
    await page.getByTestId('lab-import-page').waitFor();
    await page.getByLabel('化验结果文件（CSV、Excel .xlsx）').setInputFiles(bad);
    await page.getByTestId('lab-dry-run').click();
    await expect.poll(() => page.getByTestId('lab-report').getAttribute('data-status'), { timeout: 60_000 }).toBe('has_problems');

    // The one problem: spreadsheet row 3 (the header is row 1), the column as the lab named it, in Chinese.
    const problems = page.getByTestId('lab-problems').locator('tbody tr');
    expect(await problems.count()).toBe(1);
    const cells = await problems.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('浓度(ng/L)');
    expect(cells[2]).toBe('“不详”不是数字。');
    expect(await page.getByTestId('lab-rows-valid').textContent()).toBe('无问题 2');
    expect(await page.getByTestId('lab-rows-problems').textContent()).toBe('有问题 1');
    expect(await page.getByTestId('lab-import').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}lab-import-report.png` });
    // A dry run writes nothing.
    expect(await Promise.all(sites.map((s) => octoberSamples(s.code)))).toEqual(before);

    // The corrected file: clean, then imported as a job whose phase and estimate the page shows while it runs.
    const fixed = join(dir, `${FILE_PREFIX}fixed.csv`);
    await writeFile(fixed, labCsv('64.0'));
    await page.getByTestId('lab-import-file').setInputFiles(fixed);
    await page.getByTestId('lab-dry-run').click();
    await expect.poll(() => page.getByTestId('lab-report').getAttribute('data-status'), { timeout: 60_000 }).toBe('clean');
    expect(await page.getByTestId('lab-problems').count()).toBe(0);
    expect(await page.getByTestId('lab-rows-valid').textContent()).toBe('无问题 3');

    // Every state the progress bar passes through, recorded in the page (a fast job can be over between two looks).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __labProgress: string[] }).__labProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"] progress');
        const text = bar && `${bar.closest('[data-phase]')!.getAttribute('data-phase')}|${bar.getAttribute('aria-valuetext')}`;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByTestId('lab-import').click();
    await expect.poll(() => page.getByTestId('lab-report').getAttribute('data-status'), { timeout: 90_000 }).toBe('imported');
    const seen = await page.evaluate(() => (window as unknown as { __labProgress: string[] }).__labProgress);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) {
      const [phase, text] = s.split('|') as [string, string];
      expect(['starting', 'reading', 'checking', 'writing', 'recomputing', 'done']).toContain(phase);
      // Worded from the catalogue, not the phase's name.
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toContain(phase);
    }
    expect(await page.getByTestId('import-progress').count()).toBe(0);

    const summary = page.getByTestId('lab-summary');
    expect(await page.getByTestId('lab-summary-rows').textContent()).toBe('导入 3 行');
    expect(await summary.textContent()).toContain('采样点 2 个');
    expect(await summary.textContent()).toMatch(/重算毒情信号的区域 [1-9]\d* 个/);
    await page.screenshot({ path: `${SCREENSHOTS}lab-import-done.png` });

    // The samples are there: one more methamphetamine result in each site's October.
    expect(await Promise.all(sites.map((s) => octoberSamples(s.code)))).toEqual(before.map((n) => n + 1));

    // The way to the drug signals switches the wastewater mode on.
    await page.getByTestId('lab-show-signals').click();
    await expect.poll(() => page.getByRole('checkbox', { name: '污水验毒' }).isChecked()).toBe(true);
    expect(c.errors).toEqual([]);
    expect(c.foreign).toEqual([]);
  });
});
