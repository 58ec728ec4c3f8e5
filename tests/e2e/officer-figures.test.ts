/**
 * The grid officer's monthly figures on a phone (390×844) with the network cut: the installed app opens from its
 * service worker, bad figures are refused with a clear message, figures entered offline wait in the phone's
 * outbox, and when the network returns they arrive once — even though the first copy's answer is lost on the way
 * and the phone sends it again. A change made in the office meanwhile is shown beside the officer's figures,
 * not overwritten. Checked in the database, not only on the page.
 * Screenshots: test-output/screenshots/officer-figures-*.png.
 */
// Lets context.route see the service worker's own requests too, so "offline" cuts them as well (playwright#2311).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { testApp } from '../support/test-app.js';

const SHOTS = 'test-output/screenshots';
type Figures = Record<'registered' | 'underControl' | 'riskLow' | 'riskMedium' | 'riskHigh' | 'rehabDue' | 'rehabDone', number>;
interface FormGrid {
  code: string;
  name: string;
  population: number;
  version: number;
  previous: Figures | null;
}

let browser: Browser;
let c: ConsolePage;
let page: Page;
let context: BrowserContext;
let t: Awaited<ReturnType<typeof testApp>>;
let month: string;
let grids: FormGrid[];
let saved: Record<string, unknown>[];
let offline = false;
/** Requests the page or its service worker tried while the phone was offline (each was refused). */
const cutOff: string[] = [];
/** Submissions of the first grid that reached the server, and whether the first answer is to be lost. */
let postsToFirst = 0;
let loseFirstAnswer = true;

/** Whole counts near last month's (no big-change warning), within the grid's population. */
function plausible(g: FormGrid, registered = Math.min(g.previous?.registered ?? 2, g.population)): Figures {
  const high = Math.min(1, registered);
  return { registered, underControl: registered, riskLow: registered - high, riskMedium: 0, riskHigh: high, rehabDue: high, rehabDone: high };
}

async function setOffline(on: boolean) {
  offline = on;
  await context.setOffline(on);
}

const form = (code: string) => page.locator(`.figures-grid[data-grid="${code}"]`);

async function fill(code: string, f: Partial<Record<keyof Figures, number | string>>) {
  for (const [k, v] of Object.entries(f)) await form(code).locator(`input[name="${k}"]`).fill(String(v));
}

async function outboxCount(): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('gc-officer-figures');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => (resolve(req.result), open.result.close());
        };
      }),
  );
}

async function row(code: string) {
  const [r] = await t.db.query<{ version: number; source: string; figures: Figures; submissions: number; audits: number }>(
    `SELECT m.version, m.source,
            json_build_object('registered', m.registered, 'underControl', m.under_control, 'riskLow', m.risk_low, 'riskMedium', m.risk_medium,
                              'riskHigh', m.risk_high, 'rehabDue', m.rehab_due, 'rehabDone', m.rehab_done) AS figures,
            (SELECT count(*)::int FROM grid_month_submission s WHERE s.grid_code = $1 AND s.month = $2::date) AS submissions,
            (SELECT count(*)::int FROM audit_log a WHERE a.entity = 'grid_month' AND a.action = 'submit' AND a.entity_id = $1 || '/' || $3) AS audits
     FROM grid_month m WHERE m.grid_code = $1 AND m.month = $2::date`,
    [code, `${month}-01`, month],
  );
  return r;
}

async function openSheet() {
  const toggle = page.locator('button.collapse');
  await toggle.waitFor({ timeout: 60_000 });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.locator('.figures-grid').first().waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await testApp();
  browser = await launchBrowser();
  c = await openConsolePage(browser, inject('baseUrl'), { ...VIEWPORTS.phone }, { signIn: 'grid_officer' });
  page = c.page;
  context = page.context();
  // Registered after the console page's own route, so it is asked first; online it hands over to that one.
  await context.route('**', async (route) => {
    const req = route.request();
    if (offline) {
      cutOff.push(req.url());
      return route.abort('internetdisconnected');
    }
    const first = grids && new URL(req.url()).pathname === `/api/grid-months/${grids[0]!.code}/${month}/submissions`;
    if (first && req.method() === 'POST') {
      postsToFirst++;
      if (loseFirstAnswer) {
        // The request reaches the server and is counted; its answer is lost on the way back (weak network).
        loseFirstAnswer = false;
        await route.fetch();
        return route.abort('connectionreset');
      }
    }
    return route.fallback();
  });
  const answer = (await (await context.request.get('/api/grid-months/mine')).json()) as { month: string; grids: FormGrid[] };
  month = answer.month;
  grids = answer.grids;
  saved = await t.db.query(`SELECT * FROM grid_month WHERE month = $1::date AND grid_code = ANY($2::text[])`, [`${month}-01`, grids.map((g) => g.code)]);
});

afterAll(async () => {
  await c?.close();
  await browser?.close();
  if (!t) return;
  const codes = grids?.map((g) => g.code) ?? [];
  await t.db.transaction(async (tx) => {
    await tx.query('DELETE FROM grid_month_submission WHERE grid_code = ANY($1::text[])', [codes]);
    await tx.query('DELETE FROM grid_month_draft WHERE grid_code = ANY($1::text[])', [codes]);
    await tx.query(`DELETE FROM audit_log WHERE entity = 'grid_month'`);
    await tx.query('DELETE FROM grid_month WHERE month = $1::date AND grid_code = ANY($2::text[])', [`${month}-01`, codes]);
    for (const r of saved) {
      const cols = Object.keys(r);
      await tx.query(`INSERT INTO grid_month (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((k) => r[k]));
    }
  });
  await t.close();
});

describe('monthly figures on a phone with no network', () => {
  it('installs: the service worker takes the page, the manifest names the app in Chinese', async () => {
    expect(grids.length).toBeGreaterThanOrEqual(2);
    await page.goto('/');
    await waitForMapIdle(page);
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 60_000 });
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ lang: 'zh-CN', display: 'standalone', start_url: '/' });
    expect(manifest.name).toMatch(/网格/);
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await openSheet();
    // The form's data reached the phone's store (the network answer is kept for later).
    await expect.poll(() => form(grids[0]!.code).locator('[data-state]').first().getAttribute('data-state')).toBe('none');
    await waitForMapIdle(page); // its tiles are cached now
  });

  it('opens with no network and refuses bad figures with a clear message', async () => {
    await setOffline(true);
    await page.reload();
    await openSheet();
    expect(await page.locator('.figures .officer-offline').innerText()).toMatch(/无网络/);
    await page.locator('.officer h3').first().waitFor();
    const g = grids[0]!;
    const f = form(g.code);
    await f.scrollIntoViewIfNeeded();
    await fill(g.code, { registered: -1 });
    await expect.poll(() => f.locator('.figures-error').allInnerTexts()).toEqual(['✖ “在册吸毒人员”不能为负数（收到：-1）']);
    await fill(g.code, { registered: 2.5 });
    await expect.poll(() => f.locator('.figures-error').first().innerText()).toMatch(/必须是整数/);
    await fill(g.code, { registered: g.population + 1 });
    await expect.poll(() => f.locator('.figures-error').first().innerText()).toContain(`超过本网格人口 ${g.population}`);
    await f.locator('input[name=registered]').screenshot({ path: `${SHOTS}/officer-figures-0-input.png` }).catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}/officer-figures-1-refused.png` });
    await f.getByRole('button', { name: '提交' }).click();
    expect(await f.locator('.figures-note').innerText()).toMatch(/处需要修改，未提交/);
    expect(await outboxCount()).toBe(0);
  });

  it('keeps figures entered offline in the outbox, once however often submit is pressed', async () => {
    const [a, b] = grids as [FormGrid, FormGrid];
    await fill(a.code, plausible(a));
    const submit = form(a.code).getByRole('button', { name: '提交' });
    await submit.click();
    await form(a.code).locator('.figures-status[data-state="queued"]').waitFor();
    await submit.click(); // the same form again: the same submission
    expect(await outboxCount()).toBe(1);
    expect(await form(a.code).locator('.figures-status').innerText()).toMatch(/待发送/);
    // The second grid too, against the version it was loaded with.
    await fill(b.code, plausible(b));
    await form(b.code).getByRole('button', { name: '提交' }).click();
    await form(b.code).locator('.figures-status[data-state="queued"]').waitFor();
    expect(await outboxCount()).toBe(2);
    await form(a.code).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/officer-figures-2-queued.png` });
    // Nothing reached the server.
    expect((await row(a.code))?.submissions ?? 0).toBe(0);
  });

  it('sends them when the network returns: counted once although sent twice; an office change shown, not overwritten', async () => {
    const [a, b] = grids as [FormGrid, FormGrid];
    // Meanwhile the office corrects the second grid.
    const prev = Math.min(b.previous?.registered ?? 2, b.population);
    const office = plausible(b, prev > 0 ? prev - 1 : prev + 1);
    const put = await fetch(`${inject('baseUrl')}/api/grid-months/${b.code}/${month}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer demo-county_office', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        base_version: b.version,
        figures: { registered: office.registered, under_control: office.underControl, risk_low: office.riskLow, risk_medium: office.riskMedium, risk_high: office.riskHigh, rehab_due: office.rehabDue, rehab_done: office.rehabDone },
        reason: '与公安系统核对',
      }),
    });
    expect(put.status).toBe(200);

    await setOffline(false);
    // The first copy of grid a's submission is counted by the server but its answer is lost: still "waiting".
    await expect.poll(() => postsToFirst, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // The phone tries again (the next `online`, or its retry timer): the same id, answered "already counted".
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await form(a.code).locator('.figures-status[data-state="sent"]').waitFor({ timeout: 40_000 });
    expect(postsToFirst).toBe(2);
    const ra = (await row(a.code))!;
    expect(ra).toMatchObject({ version: a.version + 1, source: 'officer', figures: plausible(a), submissions: 1, audits: 1 });

    // Grid b: the office's change is shown beside the officer's figures; the database keeps the office's.
    const conflict = form(b.code).locator('.figures-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.innerText()).toMatch(/办公室已修改本月数据，未覆盖/);
    const reg = conflict.locator('tr[data-field="registered"]');
    expect(await reg.locator('.figures-mine').innerText()).toBe(String(plausible(b).registered));
    expect(await reg.locator('.figures-theirs').innerText()).toBe(String(office.registered));
    expect((await row(b.code))!).toMatchObject({ version: b.version + 1, source: 'office', figures: office, submissions: 0 });
    await conflict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/officer-figures-3-conflict.png` });

    // The officer keeps theirs: sent again against the office's version.
    await conflict.getByRole('button', { name: '用我的数据重新提交' }).click();
    await form(b.code).locator('.figures-status[data-state="sent"]').waitFor({ timeout: 30_000 });
    expect((await row(b.code))!).toMatchObject({ version: b.version + 2, source: 'officer', figures: plausible(b), submissions: 1 });
    expect(await outboxCount()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/officer-figures-4-sent.png` });
    // Offline, the page did try the network (health polls, tiles) and was refused every time: what it showed came from the phone.
    expect(cutOff.length).toBeGreaterThan(0);
    expect(c.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(c.foreign).toEqual([]);
  });

  it("shows the office which grids reported this month and the reminder list of the rest", async () => {
    const office = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.laptop, { signIn: 'county_office' });
    try {
      await office.page.goto('/');
      const panel = office.page.locator('.reporting-status');
      await panel.locator('.reporting-summary').waitFor({ timeout: 60_000 });
      const status = (await (await office.page.context().request.get('/api/grid-months/status')).json()) as { reportedCount: number; total: number; notReportedCount: number };
      expect(status.reportedCount).toBeGreaterThanOrEqual(2);
      expect(await panel.locator('.reporting-summary').innerText()).toContain(`已上报 ${status.reportedCount} / ${status.total} 个网格，未上报 ${status.notReportedCount} 个`);
      const reported = await panel.locator('[data-list="reported"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-grid')));
      expect(reported).toEqual(expect.arrayContaining(grids.map((g) => g.code)));
      const reminders = panel.locator('[data-list="not-reported"] li');
      expect(await reminders.count()).toBe(Math.min(status.notReportedCount, 500));
      expect(await reminders.evaluateAll((els) => els.map((e) => e.getAttribute('data-grid')))).not.toContain(grids[0]!.code);
      await panel.scrollIntoViewIfNeeded();
      await office.page.screenshot({ path: `${SHOTS}/officer-figures-5-office.png` });
      expect(office.errors).toEqual([]);
    } finally {
      await office.close();
    }
  });
});
