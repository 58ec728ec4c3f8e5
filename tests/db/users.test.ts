/**
 * User administration through the API on PostGIS: an administrator creates users inside their own jurisdiction
 * (areas or grids), changes and disables them, resets passwords, issues and revokes tokens, and reads the audit
 * log; nothing outside their jurisdiction exists for them; other roles may not do any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionOfGrids } from 'api/src/users/jurisdiction.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
let county: string;
let otherCounty: string;
let grids: string[];
let started: string;

beforeAll(async () => {
  t = await testApp();
  [{ code: county }] = (await t.db.query<{ code: string }>("SELECT jurisdiction_code AS code FROM app_user WHERE username = 'county_office'")) as [{ code: string }];
  [{ code: otherCounty }] = (await t.db.query<{ code: string }>(
    "SELECT code FROM admin_area WHERE level = 'county' AND code <> $1 AND valid_to IS NULL ORDER BY code LIMIT 1",
    [county],
  )) as [{ code: string }];
  grids = (await t.db.query<{ code: string }>('SELECT code FROM grid_cell WHERE code LIKE $1 ORDER BY code LIMIT 3', [county.slice(0, 6) + '%'])).map((g) => g.code);
  [{ now: started }] = (await t.db.query<{ now: string }>('SELECT now()::text AS now')) as [{ now: string }];
});

afterAll(async () => {
  // Leave the shared database as it was: the users made here, their audit entries, and the admin's entries.
  const ids = (await t.db.query<{ id: number }>("SELECT id FROM app_user WHERE username LIKE 'ut\\_%'")).map((u) => u.id);
  await t.db.query('DELETE FROM audit_log WHERE user_id = ANY($1) OR (at >= $2 AND username = $3)', [ids, started, 'admin']);
  await t.db.query('DELETE FROM app_user WHERE id = ANY($1)', [ids]);
  await t.close();
});

const call = async (method: string, url: string, body?: unknown, user: DemoUser | { Authorization: string } = 'admin') => {
  const headers = { ...(typeof user === 'string' ? authHeader(user) : user), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  const res = await t.app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: res.status === 204 ? null : ((await res.json()) as any) };
};
const signIn = (username: string, password: string) => call('POST', '/api/session', { username, password }, { Authorization: '' });

describe('creating users', () => {
  it('creates an inspector for one county, who then signs in and sees only that county', async () => {
    const r = await call('POST', '/api/users', { username: 'ut_inspector', display_name: '县检查员', role: 'inspector', jurisdiction_code: county.slice(0, 6) });
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({ username: 'ut_inspector', role: 'inspector', jurisdictionCode: county, active: true, demo: false, hasPassword: true });
    expect(r.json.password).toMatch(/^[A-Za-z0-9_-]{16}$/); // made for them, shown once
    const s = await signIn('ut_inspector', r.json.password);
    expect(s.status).toBe(200);
    expect(s.json.user).toMatchObject({ role: 'inspector', scopePrefix: county.slice(0, 6) });
    const [audit] = await t.db.query<{ detail: Record<string, unknown> }>("SELECT detail FROM audit_log WHERE action = 'user.create' AND detail->>'username' = 'ut_inspector'");
    expect(JSON.stringify(audit)).not.toContain(r.json.password);
  });

  it("derives a grid officer's jurisdiction from their grids", async () => {
    const r = await call('POST', '/api/users', { username: 'ut_grid', display_name: '网格员乙', role: 'grid_officer', grid_codes: grids.slice(0, 2), password: 'a long enough password' });
    expect(r.status).toBe(201);
    expect(r.json.password).toBeUndefined();
    expect(r.json.user.gridCodes).toEqual(grids.slice(0, 2));
    expect(r.json.user.jurisdictionCode).toBe(jurisdictionOfGrids(grids.slice(0, 2)));
    expect((await signIn('ut_grid', 'a long enough password')).json.user.gridCodes).toEqual(grids.slice(0, 2));
  });

  it('refuses what is malformed, taken, or outside the jurisdiction (404 whether or not it exists)', async () => {
    const base = { username: 'ut_bad', display_name: 'x', role: 'office', jurisdiction_code: county };
    expect((await call('POST', '/api/users', { ...base, username: 'Bad Name' })).json.param).toBe('username');
    expect((await call('POST', '/api/users', { ...base, password: 'short' })).json.param).toBe('password');
    expect((await call('POST', '/api/users', { ...base, display_name: 'tab\there' })).json.param).toBe('display_name');
    expect((await call('POST', '/api/users', { ...base, role: 'office', grid_codes: grids.slice(0, 1) })).json.param).toBe('grid_codes');
    expect((await call('POST', '/api/users', { ...base, username: 'county_office' })).status).toBe(409);
    const county2 = await call('POST', '/api/users', { ...base, jurisdiction_code: otherCounty }, 'admin');
    expect(county2.status).toBe(201); // the admin answers for the whole city
    const { status, json } = await call('POST', '/api/users', { ...base, username: 'ut_far', jurisdiction_code: '110000' });
    expect([status, json.param]).toEqual([404, 'jurisdiction_code']);
    expect((await call('POST', '/api/users', { ...base, username: 'ut_far', jurisdiction_code: '439900' })).json.detail).toBe(json.detail.replace('110000000000', '439900000000'));
  });

  it('is for administrators only', async () => {
    for (const user of ['city_office', 'inspector', 'wall', 'grid_officer'] as const) {
      expect((await call('GET', '/api/users', undefined, user)).status).toBe(403);
      expect((await call('POST', '/api/users', { username: 'ut_x', display_name: 'x', role: 'admin', jurisdiction_code: '43' }, user)).status).toBe(403);
      expect((await call('GET', '/api/audit', undefined, user)).status).toBe(403);
    }
  });
});

describe('changing users', () => {
  it('changes role and jurisdiction; disabling ends their sessions at once', async () => {
    const created = await call('POST', '/api/users', { username: 'ut_change', display_name: '甲', role: 'viewer', jurisdiction_code: county, password: 'first password here' });
    const id = created.json.user.id as number;
    const session = (await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ut_change', password: 'first password here' }) })).headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.app.request('/api/layers', { headers: { cookie: session } })).status).toBe(200);
    const moved = await call('PATCH', `/api/users/${id}`, { role: 'office', jurisdiction_code: otherCounty.slice(0, 6), display_name: '乙' });
    expect(moved.json.user).toMatchObject({ role: 'office', jurisdictionCode: otherCounty, displayName: '乙' });
    const me = await t.app.request('/api/session', { headers: { cookie: session } });
    expect(((await me.json()) as any).user).toMatchObject({ role: 'office', jurisdictionCode: otherCounty }); // not the cached old self
    expect((await call('PATCH', `/api/users/${id}`, { active: false })).json.user.active).toBe(false);
    expect((await t.app.request('/api/layers', { headers: { cookie: session } })).status).toBe(401);
    expect((await signIn('ut_change', 'first password here')).status).toBe(401);
    expect((await call('PATCH', `/api/users/${id}`, { colour: 'red' })).json.param).toBe('colour');
  });

  it('resets a password (made, shown once) and the old one stops working', async () => {
    const created = await call('POST', '/api/users', { username: 'ut_reset', display_name: '丙', role: 'inspector', jurisdiction_code: county, password: 'the old password' });
    const id = created.json.user.id as number;
    const r = await call('POST', `/api/users/${id}/password`, {});
    expect(r.json.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await signIn('ut_reset', 'the old password')).status).toBe(401);
    expect((await signIn('ut_reset', r.json.password)).status).toBe(200);
    expect((await call('POST', `/api/users/${id}/password`, { password: 'chosen by the admin' })).json).toEqual({});
    expect((await signIn('ut_reset', 'chosen by the admin')).status).toBe(200);
  });

  it('keeps administrators from locking themselves out', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>("SELECT id FROM app_user WHERE username = 'admin'")) as [{ id: number }];
    expect((await call('PATCH', `/api/users/${id}`, { active: false })).status).toBe(409);
    expect((await call('PATCH', `/api/users/${id}`, { role: 'viewer' })).status).toBe(409);
  });

  it('finds nobody outside the jurisdiction', async () => {
    const outsider = await t.db.query<{ id: number }>(
      `INSERT INTO app_user (username, display_name, role, jurisdiction_code) VALUES ('ut_outsider', '外省', 'office', '110000000000') RETURNING id`,
    );
    const id = outsider[0]!.id;
    for (const [method, url, body] of [['GET', `/api/users/${id}`], ['PATCH', `/api/users/${id}`, { active: false }], ['POST', `/api/users/${id}/password`, {}], ['POST', `/api/users/${id}/tokens`, { label: 'x' }]] as const) {
      const r = await call(method, url, body);
      expect([method, url, r.status]).toEqual([method, url, 404]);
    }
    expect((await call('GET', '/api/users?q=ut_outsider')).json.count).toBe(0);
  });
});

describe('API tokens', () => {
  it('issues a read-only token for a wall display, shown once, that reads but never writes, and revokes it', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>("SELECT id FROM app_user WHERE username = 'wall'")) as [{ id: number }];
    const issued = await call('POST', `/api/users/${id}/tokens`, { label: 'ut 大屏 1' });
    expect(issued.status).toBe(201);
    expect(issued.json).toMatchObject({ label: 'ut 大屏 1', readOnly: true, createdBy: 'admin' });
    const bearer = { Authorization: `Bearer ${issued.json.token}` };
    expect((await call('GET', '/api/overview', undefined, bearer)).status).toBe(200);
    expect((await call('POST', '/api/wastewater/recompute', {}, bearer)).status).toBe(403);
    const listed = await call('GET', `/api/users/${id}`);
    expect(JSON.stringify(listed.json)).not.toContain(issued.json.token);
    expect(listed.json.tokens.find((tk: { id: number }) => tk.id === issued.json.id)).toMatchObject({ readOnly: true, revokedAt: null });
    expect((await call('DELETE', `/api/users/${id}/tokens/${issued.json.id}`)).status).toBe(204);
    expect((await call('GET', '/api/overview', undefined, bearer)).status).toBe(401);
    expect((await call('DELETE', `/api/users/${id}/tokens/999999999`)).status).toBe(404);
    expect((await call('POST', `/api/users/${id}/tokens`, { label: 'old', expires_on: '2020-01-01' })).json.param).toBe('expires_on');
    await t.db.query('DELETE FROM api_token WHERE id = $1', [issued.json.id]);
  });
});

describe('signing in with an API token (a wall display)', () => {
  it('gives a read-only session for a read-only token, and nothing for a revoked or unknown one', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>("SELECT id FROM app_user WHERE username = 'wall'")) as [{ id: number }];
    const issued = await call('POST', `/api/users/${id}/tokens`, { label: 'ut 大屏 2', expires_on: '2100-12-31' });
    const res = await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: issued.json.token }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).user).toMatchObject({ username: 'wall', readOnly: true });
    const cookie = { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
    expect((await t.app.request('/api/overview', { headers: cookie })).status).toBe(200);
    expect((await t.app.request('/api/wastewater/recompute', { method: 'POST', headers: cookie })).status).toBe(403);
    await call('DELETE', `/api/users/${id}/tokens/${issued.json.id}`);
    const again = await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: issued.json.token }) });
    expect(again.status).toBe(401);
    const bad = await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'x'.repeat(40) }) });
    expect(bad.status).toBe(401);
    const [failure] = await t.db.query<{ detail: { reason: string } }>("SELECT detail FROM audit_log WHERE action = 'sign_in_failed' AND at >= $1 AND detail->>'reason' = 'bad_token'", [started]);
    expect(failure).toBeDefined();
    await t.db.query("DELETE FROM audit_log WHERE at >= $1 AND (action = 'sign_in_failed' OR (action = 'sign_in' AND username = 'wall'))", [started]);
    await t.db.query("DELETE FROM app_session s USING app_user u WHERE u.id = s.user_id AND u.username = 'wall' AND s.read_only");
    await t.db.query('DELETE FROM api_token WHERE id = $1', [issued.json.id]);
  });
});

describe('the audit log', () => {
  it('lists what administrators did, filtered by user, action and China-time date, newest first, paged', async () => {
    const all = await call('GET', '/api/audit?user=admin&limit=2');
    expect(all.json.entries).toHaveLength(2);
    expect(all.json.entries[0].id).toBeGreaterThan(all.json.entries[1].id);
    const next = await call('GET', `/api/audit?user=admin&limit=2&before=${all.json.next}`);
    expect(next.json.entries[0].id).toBeLessThan(all.json.entries[1].id);
    const creates = await call('GET', '/api/audit?action=user.create');
    expect(creates.json.entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(creates.json.entries.map((e: { action: string }) => e.action))).toEqual(new Set(['user.create']));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await call('GET', `/api/audit?action=user.create&from=${today}&to=${today}`)).json.count).toBe(creates.json.count);
    expect((await call('GET', '/api/audit?action=user.create&to=2000-01-01')).json.count).toBe(0);
    expect((await call('GET', '/api/audit?from=2026-02-01&to=2026-01-01')).json.param).toBe('from');
    expect((await call('GET', '/api/audit/actions')).json.actions).toContain('user.create');
  });
});
