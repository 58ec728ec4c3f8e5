/**
 * User administration in headless Chromium, as an administrator would do it: open 系统管理 from the user menu,
 * create an inspector for one county (found by name), read the password shown once, see the creation in the audit
 * log, sign out, sign in as the new inspector through the login form, and see only that county on the map.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPostgres } from 'db/postgres';
import type { Database } from 'db';
import { launchBrowser, VIEWPORTS } from '../support/browser.js';
import { openConsolePage, waitForMapIdle, type ConsolePage } from '../support/console-page.js';
import { TEST_DATABASE_URL } from '../support/env.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
const USERNAME = 'e2e_county_inspector';

let browser: Browser;
let db: Database;
let c: ConsolePage;
let county: { code: string; name: string };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = await openPostgres(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL, { max: 1 });
  // A county of the city that is not the demo county_office's, so that what the new user sees is new.
  [county] = (await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM admin_area WHERE level = 'county' AND valid_to IS NULL
       AND code <> (SELECT jurisdiction_code FROM app_user WHERE username = 'county_office') ORDER BY code LIMIT 1`,
  )) as [{ code: string; name: string }];
  browser = await launchBrowser();
});

afterAll(async () => {
  await c?.close().catch(() => undefined);
  await browser?.close();
  const ids = (await db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [USERNAME])).map((u) => u.id);
  await db.query("DELETE FROM audit_log WHERE user_id = ANY($1) OR detail->>'username' = $2", [ids, USERNAME]);
  await db.query('DELETE FROM app_user WHERE id = ANY($1)', [ids]);
  await db.close();
});

describe('user administration in the console', () => {
  it('creates an inspector for one county, who signs in and sees only that county', async () => {
    c = await openConsolePage(browser, inject('baseUrl'), VIEWPORTS.desktop, { signIn: 'admin' });
    const { page } = c;
    await page.goto('/');
    await waitForMapIdle(page);

    // The administration is in the user menu, for administrators.
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    const dialog = page.getByRole('dialog', { name: '系统管理' });
    await dialog.waitFor();
    await dialog.locator('tr[data-username="inspector"]').waitFor();

    // A new inspector for one county, the county found by its name.
    await dialog.getByRole('button', { name: '新建用户' }).click();
    const editor = dialog.getByRole('complementary', { name: '新建用户' });
    await editor.getByLabel('用户名').fill(USERNAME);
    await editor.getByLabel('姓名').fill(`${county.name}检查员`);
    await editor.getByLabel('角色').selectOption('inspector');
    await editor.getByRole('searchbox', { name: '查找地区' }).fill(county.name);
    await editor.getByRole('button', { name: '查找', exact: true }).click();
    await editor.getByRole('button', { name: new RegExp(`^${county.name}`) }).first().click();
    expect(await editor.getByLabel('地区代码').inputValue()).toBe(county.code);
    await editor.getByRole('button', { name: '创建' }).click();

    const secret = dialog.getByTestId('one-time-password');
    await secret.waitFor();
    const password = (await secret.textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const row = dialog.locator(`tr[data-username="${USERNAME}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(county.name);
    await page.screenshot({ path: `${SCREENSHOTS}admin-users.png` });

    // The creation is in the audit log, by whom and for whom.
    await dialog.getByRole('tab', { name: '审计日志' }).click();
    const entry = dialog.locator('tr[data-action="user.create"]').first();
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(new RegExp(`admin[\\s\\S]*新建用户[\\s\\S]*${USERNAME}`));
    await page.screenshot({ path: `${SCREENSHOTS}admin-audit.png` });

    // Sign out, and in again as the new inspector through the login form.
    await dialog.getByRole('button', { name: '返回地图' }).click();
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await waitForMapIdle(page);
    await page.waitForTimeout(500);
    await waitForMapIdle(page);

    const me = (await page.evaluate(async () => (await fetch('/api/session')).json())) as { user: { username: string; role: string; scopePrefix: string } };
    expect(me.user).toMatchObject({ username: USERNAME, role: 'inspector', scopePrefix: county.code.slice(0, 6) });
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);
    // Every area the map draws lies in that county, and the county is drawn.
    const codes = await page.evaluate(() =>
      window.__gc!.map
        .queryRenderedFeatures()
        .filter((f) => ['counties', 'townships', 'villages'].includes((f.layer.metadata as Record<string, string> | undefined)?.['gc:layer'] ?? ''))
        .map((f) => String(f.properties.code)),
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).toContain(county.code);
    expect(codes.filter((code) => !code.startsWith(county.code.slice(0, 6)))).toEqual([]);
    // Searching for another county finds nothing: it does not exist for this user.
    const other = (await db.query<{ name: string }>(`SELECT name FROM admin_area WHERE level = 'county' AND code <> $1 AND valid_to IS NULL ORDER BY code LIMIT 1`, [county.code]))[0]!;
    const found = (await page.evaluate(async (q) => (await fetch(`/api/search?q=${encodeURIComponent(q)}`)).json(), other.name)) as { results: unknown[] };
    expect(found.results).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}admin-new-inspector.png` });
    expect(c.errors).toEqual([]);
  });

  it('opens the wall display from an address holding a read-only token, and takes the token out of the address', async () => {
    const base = inject('baseUrl');
    const admin = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };
    const [{ id }] = (await db.query<{ id: number }>("SELECT id FROM app_user WHERE username = 'wall'")) as [{ id: number }];
    const issued = (await (await fetch(`${base}/api/users/${id}/tokens`, { method: 'POST', headers: admin, body: JSON.stringify({ label: 'e2e 大屏' }) })).json()) as { id: number; token: string };
    const wall = await openConsolePage(browser, base, VIEWPORTS.desktop);
    try {
      await wall.page.goto(`/#token=${issued.token}&rotate=30`);
      await wall.page.locator('.wall').waitFor({ timeout: 60_000 });
      expect(await wall.page.evaluate(() => window.location.hash)).toBe('#rotate=30');
      const me = (await wall.page.evaluate(async () => (await fetch('/api/session')).json())) as { user: { username: string; readOnly?: boolean } };
      expect(me.user).toMatchObject({ username: 'wall', readOnly: true });
      expect(await wall.page.evaluate(async () => (await fetch('/api/wastewater/recompute', { method: 'POST' })).status)).toBe(403);
      expect(wall.errors.filter((e) => !e.includes('403'))).toEqual([]);
    } finally {
      await wall.close();
      await fetch(`${base}/api/users/${id}/tokens/${issued.id}`, { method: 'DELETE', headers: admin });
      await db.query('DELETE FROM api_token WHERE id = $1', [issued.id]);
      await db.query("DELETE FROM app_session s USING app_user u WHERE u.id = s.user_id AND u.username = 'wall' AND s.read_only");
      await db.query(
        `DELETE FROM audit_log WHERE (action = 'token.issue' AND detail->>'label' = 'e2e 大屏') OR (action = 'token.revoke' AND entity_id = $1)
            OR (action = 'sign_in' AND detail->>'tokenId' = $1)`,
        [String(issued.id)],
      );
    }
  });
});
