/**
 * The findings of the hostile test (issue 10), one test each, on the API over the seeded PostGIS database: NUL and
 * out-of-range dates refused naming the field, corrupt and malformed uploads, body limits before reading, sign-in
 * throttling and auditing, JSON-only writes, the Origin check, Secure cookies and forwarded headers only from
 * trusted proxies, sign-out of bearer tokens, read-only tokens, 404 outside the jurisdiction, unknown OGC
 * parameters, expired sessions, the China-time "today", compression and the console's security headers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from 'api/src/app.js';
import { newToken, purgeExpiredSessions } from 'api/src/auth/sessions.js';
import { loadConfig } from 'api/src/config.js';
import { startServer, type RunningServer } from 'api/src/server.js';
import { chinaToday } from 'domain/time';
import { TEST_DATABASE_URL } from '../support/env.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
let county: string;
const createdTokenIds: number[] = [];

beforeAll(async () => {
  t = await testApp();
  [{ code: county }] = (await t.db.query<{ code: string }>("SELECT jurisdiction_code AS code FROM app_user WHERE username = 'county_office'")) as [{ code: string }];
});
afterAll(async () => {
  if (createdTokenIds.length) await t.db.query('DELETE FROM api_token WHERE id = ANY($1)', [createdTokenIds]);
  await t.db.query("DELETE FROM audit_log WHERE action IN ('sign_in_failed', 'sign_out') AND username LIKE 'probe%'");
  await t.close();
});

const get = (url: string, user: DemoUser = 'city_office', headers: Record<string, string> = {}) => t.app.request(url, { headers: { ...authHeader(user), ...headers } });
const send = (method: string, url: string, body: string | FormData | Uint8Array, headers: Record<string, string>, user: DemoUser | null = 'city_office') =>
  t.app.request(url, { method, headers: { ...(user ? authHeader(user) : {}), ...headers }, body: body as BodyInit });
const json = (method: string, url: string, body: unknown, user: DemoUser | null = 'city_office', headers: Record<string, string> = {}) =>
  send(method, url, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers }, user);
/** An API token of a demo user, removed after the file; returns the Authorization header that carries it. */
async function tokenFor(username: string, readOnly: boolean) {
  const { token, digest } = newToken();
  const [row] = await t.db.query<{ id: number }>(
    "INSERT INTO api_token (user_id, token_sha256, label, read_only) SELECT id, $1, 'probe', $2 FROM app_user WHERE username = $3 RETURNING id",
    [digest, readOnly, username],
  );
  createdTokenIds.push(row!.id);
  return { Authorization: `Bearer ${token}` };
}
const problem = async (res: Response) => ({ status: res.status, ...((await res.json()) as { param?: string; title: string; detail: string }) });

describe('NUL characters are refused where they enter, naming the field', () => {
  it('in search, sign-in, inspection findings and listing notes', async () => {
    expect(await problem(await get('/api/search?q=%E8%A1%A1%00'))).toMatchObject({ status: 400, param: 'q' });
    expect(await problem(await json('POST', '/api/session', { username: 'adm\u0000in', password: 'x' }, null))).toMatchObject({ status: 400, param: 'username' });
    const finding = { firm_id: 1, inspected_on: '2026-10-01', outcome: 'issues', findings: '台账缺失\u0000' };
    expect(await problem(await json('POST', '/api/inspections', finding, 'inspector'))).toMatchObject({ status: 400, param: 'findings' });
    const notes = { conditions: {}, notes: { enforcement: 'x\u0000' } };
    expect(await problem(await json('POST', '/api/listings/1/assessments', notes, 'county_office'))).toMatchObject({ status: 400, param: 'notes.enforcement' });
    expect(await problem(await get('/api/areas/4304%00'))).toMatchObject({ status: 400, param: 'path' });
    expect(await problem(await get('/api/search?q=%E0%A4%A'))).toMatchObject({ status: 400, param: 'q' });
  });
});

describe('dates outside 1900–2100 are refused as 400 naming the field', () => {
  it.each([
    ['/api/areas/430000000000?as_of=0000-01-01', 'as_of'],
    ['/api/overview?as_of=0000-01-01', 'as_of'],
    ['/api/tiles/townships/8/208/108.mvt?as_of=0000-01-01', 'as_of'],
    ['/api/listings?as_of=0000-01-01', 'as_of'],
    ['/api/listings/due?as_of=9999-12-31', 'as_of'],
    ['/api/style.json?as_of=0001-01-01', 'as_of'],
    ['/api/wastewater/areas/430000000000/series?from=0000-01-01', 'from'],
    ['/api/patrols/due?as_of=0000-02-29', 'as_of'],
    ['/api/ogc/collections/townships/items?datetime=0000-01-01T00:00:00Z', 'datetime'],
  ])('%s', async (url, param) => {
    expect(await problem(await get(url))).toMatchObject({ status: 400, param });
  });
});

describe('uploads', () => {
  it('answers a corrupt .xlsx and a malformed multipart body with 400, naming the file', async () => {
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)]);
    const form = new FormData();
    form.append('file', new Blob([corrupt]), 'lab.xlsx');
    expect(await problem(await send('POST', '/api/wastewater/imports?dry_run=1', form, {}))).toMatchObject({ status: 400, param: 'file', title: 'Unreadable file' });
    const broken = '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nno closing boundary';
    expect(await problem(await send('POST', '/api/wastewater/imports?dry_run=1', broken, { 'Content-Type': 'multipart/form-data; boundary=xyz' }))).toMatchObject({ status: 400, param: 'file' });
  });
});

describe('request bodies are limited before they are read', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: '1', WEB_DIST: '/nonexistent' });
    server = await startServer(createApp({ db: t.db, config, startup: { phase: 'ready' } }).app, 0);
  });
  afterAll(() => server.close());

  /** Sends only the headers of a request announcing `length` bytes, and resolves with the answer. */
  const announce = (path: string, length: number, type: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': type, 'Content-Length': String(length), ...authHeader('city_office') } });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body });
          req.destroy(); // the announced body is never sent
        });
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.flushHeaders();
    });

  it('refuses a 100 MB JSON sign-in and a 200 MB upload from their headers alone (413)', async () => {
    const signIn = await announce('/api/session', 100 * 1024 * 1024, 'application/json');
    expect(signIn.status).toBe(413);
    expect(JSON.parse(signIn.body)).toMatchObject({ param: 'body' });
    const upload = await announce('/api/wastewater/imports?dry_run=1', 200 * 1024 * 1024, 'text/csv');
    expect(upload.status).toBe(413);
  });

  it('counts a body sent without a length (chunked) and stops at the limit', async () => {
    const big = JSON.stringify({ username: 'probe', password: 'x'.repeat(100_000) });
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });
});

describe('sign-in', () => {
  it('is throttled per user name with 429 and Retry-After, before the password is checked, and audits each failure', async () => {
    const attempt = (username: string, password: string) => json('POST', '/api/session', { username, password }, null);
    for (let i = 0; i < 5; i++) expect((await attempt('wall', 'wrong')).status).toBe(401);
    const locked = await attempt('wall', 'demo'); // the right password no longer helps
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const failures = await t.db.query<{ detail: { reason: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'sign_in_failed' AND username = 'wall' AND at > now() - interval '1 minute'",
    );
    expect(failures.map((f) => f.detail.reason)).toEqual(Array(5).fill('wrong_password'));
    await t.db.query("DELETE FROM audit_log WHERE action = 'sign_in_failed' AND username = 'wall'");
  });

  it('is throttled per address across user names, and audits unknown names as such', async () => {
    const fresh = await testApp(); // its own throttle
    try {
      const attempt = (username: string) => fresh.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'guess' }) });
      for (let i = 0; i < 20; i++) expect((await attempt(`probe${i}`)).status).toBe(401);
      expect((await attempt('probe_next')).status).toBe(429);
      const [row] = await fresh.db.query<{ user_id: number | null; detail: { reason: string } }>("SELECT user_id, detail FROM audit_log WHERE action = 'sign_in_failed' AND username = 'probe0'");
      expect(row).toMatchObject({ user_id: null, detail: { reason: 'unknown_user' } });
    } finally {
      await fresh.close();
    }
  });
});

describe('writes', () => {
  it('take JSON only (415 otherwise), except the upload route', async () => {
    const body = JSON.stringify({ area_code: county, grade: 'key_supervision', categories: ['other'] });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(await problem(await send('POST', '/api/listings', body, { 'Content-Type': type }, 'county_office'))).toMatchObject({ status: 415, param: 'content-type' });
    }
    const form = new FormData();
    form.append('file', new Blob(['site_code,sampled_at,substance,concentration_ng_l\n']), 'lab.csv');
    expect((await send('POST', '/api/wastewater/imports?dry_run=1', form, {})).status).toBe(200);
  });

  it('from a browser come from our own origin (403 otherwise)', async () => {
    const body = { conditions: {} };
    const evil = await json('POST', '/api/listings/1/assessments', body, 'county_office', { Origin: 'https://evil.example' });
    expect(await problem(evil)).toMatchObject({ status: 403, param: 'origin' });
    expect((await json('POST', '/api/listings/1/assessments', body, 'county_office', { Origin: 'null' })).status).toBe(403);
    expect((await json('POST', '/api/listings/1/assessments', body, 'county_office', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // Our own origin passes the check and reaches the route (which then refuses the empty conditions).
    expect((await json('POST', '/api/listings/1/assessments', body, 'county_office', { Origin: 'http://localhost' })).status).toBe(400);
  });

  it('are refused to a read-only token, which still reads', async () => {
    const bearer = await tokenFor('city_office', true);
    expect((await t.app.request('/api/overview', { headers: bearer })).status).toBe(200);
    const write = await t.app.request('/api/wastewater/recompute', { method: 'POST', headers: bearer });
    expect(await problem(write)).toMatchObject({ status: 403, title: 'Read-only token' });
  });
});

describe('sign-out', () => {
  it('ends a bearer token sent to DELETE /api/session', async () => {
    const bearer = await tokenFor('inspector', false);
    expect((await t.app.request('/api/layers', { headers: bearer })).status).toBe(200);
    expect((await t.app.request('/api/session', { method: 'DELETE', headers: bearer })).status).toBe(204);
    expect((await t.app.request('/api/layers', { headers: bearer })).status).toBe(401);
    await t.db.query("DELETE FROM audit_log WHERE action = 'sign_out' AND entity = 'api_token' AND username = 'inspector'");
  });

  it('purges expired sessions', async () => {
    const { token, digest } = newToken();
    await t.db.query("INSERT INTO app_session (token_sha256, user_id, expires_at) SELECT $1, id, now() - interval '1 minute' FROM app_user WHERE username = 'wall'", [digest]);
    expect((await t.app.request('/api/layers', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await purgeExpiredSessions(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.query('SELECT 1 FROM app_session WHERE token_sha256 = $1', [digest])).toHaveLength(0);
  });
});

describe('jurisdiction and the OGC API', () => {
  it('answers 404, not 403, for an area outside the jurisdiction: the same answer as for one that does not exist', async () => {
    const body = (area_code: string) => ({ area_code, grade: 'key_supervision', categories: ['drug_abuse'] });
    const outside = await problem(await json('POST', '/api/listings', body('438003001000'), 'county_office'));
    const missing = await problem(await json('POST', '/api/listings', body('438002999000'), 'county_office'));
    expect(outside.status).toBe(404);
    expect({ ...outside, instance: undefined }).toEqual({ ...missing, instance: undefined });
    expect((await get('/api/areas/438003000000', 'county_office')).status).toBe(404);
  });

  it('answers 400 for unknown OGC query parameters, naming them', async () => {
    expect(await problem(await get('/api/ogc/collections/townships/items?limit=1&colour=red'))).toMatchObject({ status: 400, param: 'colour' });
    expect(await problem(await get('/api/ogc/collections/townships/items/1?foo=1'))).toMatchObject({ status: 400, param: 'foo' });
    expect((await get('/api/ogc/collections/townships/items?limit=1&f=json')).status).toBe(200);
  });
});

describe('"today" is the date in China', () => {
  it('is the default date of the overview and the listings', async () => {
    expect(((await (await get('/api/overview')).json()) as { asOf: string }).asOf).toBe(chinaToday());
    expect(((await (await get('/api/listings')).json()) as { as_of: string }).as_of).toBe(chinaToday());
  });
});

describe('compression', () => {
  it('sends JSON and tiles as brotli or gzip, as accepted, and leaves them alone otherwise', async () => {
    const plain = await get('/api/layers');
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
    const br = await get('/api/layers', 'city_office', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(text);
    expect(brBytes.length).toBeLessThan(text.length / 3);
    const gz = await get('/api/layers', 'city_office', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);

    const tilePlain = await get('/api/tiles/townships/8/208/108.mvt');
    expect(tilePlain.status).toBe(200);
    const raw = Buffer.from(await tilePlain.arrayBuffer());
    const tileBr = await get('/api/tiles/townships/8/208/108.mvt', 'city_office', { 'Accept-Encoding': 'br' });
    expect(tileBr.headers.get('content-encoding')).toBe('br');
    expect(tileBr.headers.get('etag')).toBe(tilePlain.headers.get('etag'));
    expect(brotliDecompressSync(Buffer.from(await tileBr.arrayBuffer())).equals(raw)).toBe(true);
  });
});

describe('behind a proxy', () => {
  let direct: RunningServer;
  let proxied: RunningServer;
  let started: string;
  beforeAll(async () => {
    [{ now: started }] = (await t.db.query<{ now: string }>('SELECT now()::text AS now')) as [{ now: string }];
    const make = (env: Record<string, string>) =>
      startServer(createApp({ db: t.db, config: loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: '1', WEB_DIST: '/nonexistent', ...env }), startup: { phase: 'ready' } }).app, 0);
    direct = await make({});
    proxied = await make({ TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
    // The sign-ins below: their sessions and audit entries.
    await t.db.query("DELETE FROM app_session s USING app_user u WHERE u.id = s.user_id AND u.username = 'city_office' AND s.created_at >= $1", [started]);
    await t.db.query("DELETE FROM audit_log WHERE action = 'sign_in' AND username = 'city_office' AND at >= $1", [started]);
  });

  const signIn = (base: string, headers: Record<string, string>) =>
    fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'city_office', password: 'demo' }) });

  it('sets Secure cookies when a trusted proxy says the browser used HTTPS, and only then', async () => {
    const https = { 'X-Forwarded-Proto': 'https' };
    expect((await signIn(proxied.url, https)).headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect((await signIn(proxied.url, {})).headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    // The same header from a peer that is not a trusted proxy is a client's claim and is ignored.
    expect((await signIn(direct.url, https)).headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const hsts = await fetch(`${proxied.url}/api/health`, { headers: https });
    expect(hsts.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await fetch(`${direct.url}/api/health`, { headers: https })).headers.get('strict-transport-security')).toBeNull();
  });

  it('builds links from X-Forwarded-Host only when the proxy is trusted', async () => {
    const headers = { ...authHeader('city_office'), 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    const style = async (base: string) => JSON.stringify(await (await fetch(`${base}/api/style.json`, { headers })).json());
    expect(await style(direct.url)).not.toContain('evil.example');
    expect(await style(proxied.url)).toContain('https://evil.example/api/tiles/');
  });
});

describe('the console page', () => {
  it('is served with a CSP without inline scripts, no framing, and cache headers that fit hashed assets', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/index-AbCdEf12.js"></script>');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-AbCdEf12.js'), 'console.log(1)'.repeat(200));
    const { app } = createApp({ db: t.db, config: loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: '1', WEB_DIST: dist }), startup: { phase: 'ready' } });
    const page = await app.request('/');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('worker-src');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await app.request('/assets/index-AbCdEf12.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/some/client/route')).headers.get('cache-control')).toBe('no-cache');
  });
});
