/**
 * What ships, started as on a server: the built output (node api/dist/server.js) on a PostgreSQL database of its
 * own with DATABASE_URL and no SEED_DEMO. It holds no demo account and no demo token; the first administrator is
 * made with the built `user:create` command. A database that once ran the demo loses the demo accounts' access
 * when started without it.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from 'db/postgres';
import { quoteIdent } from 'db';
import { ADMIN_DATABASE_URL, TEST_DATABASE_URL } from '../support/env.js';
import { startApi } from '../support/global-setup-server.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const url = new URL(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL);
const name = `${decodeURIComponent(url.pathname.slice(1))}_server`;
url.pathname = `/${name}`;
const SERVER_DB = url.toString();

async function recreate() {
  const admin = await openPostgres(process.env.TEST_ADMIN_DATABASE_URL ?? ADMIN_DATABASE_URL, { max: 1 });
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
}

/** The built CLI, as `pnpm user:create` runs it. */
function userCreate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'api/dist/user-create.js'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: SERVER_DB },
    input,
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

beforeAll(recreate, 60_000);
afterAll(async () => {
  const admin = await openPostgres(process.env.TEST_ADMIN_DATABASE_URL ?? ADMIN_DATABASE_URL, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).finally(() => admin.close());
});

describe('a server started without SEED_DEMO', () => {
  it('migrates, holds no demo account and no demo token, and gets its first admin from user:create', async () => {
    const api = await startApi(SERVER_DB, { SEED_DEMO: '' });
    try {
      const demo = (await (await fetch(`${api.baseUrl}/api/session/demo-accounts`)).json()) as { demo: boolean; accounts: unknown[] };
      expect(demo).toEqual({ demo: false, accounts: [] });
      for (const user of ['admin', 'city_office', 'wall']) {
        expect((await fetch(`${api.baseUrl}/api/layers`, { headers: { Authorization: `Bearer demo-${user}` } })).status).toBe(401);
        const signIn = await fetch(`${api.baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
        expect(signIn.status).toBe(401);
      }
      const db = await openPostgres(SERVER_DB, { max: 1 });
      try {
        expect(await db.query('SELECT 1 FROM app_user')).toHaveLength(0);
        expect(await db.query('SELECT 1 FROM api_token')).toHaveLength(0);
        expect(await db.query('SELECT 1 FROM admin_area')).toHaveLength(0);
      } finally {
        await db.close();
      }

      expect(userCreate(['--username', 'root', '--jurisdiction', '43', '--password-stdin'], 'short\n')).toMatchObject({ status: 2 });
      const made = userCreate(['--', '--username', 'chief', '--jurisdiction', '43', '--display-name', '省禁毒办管理员', '--password-stdin'], 'a strong first password\n');
      expect(made.status, made.out).toBe(0);
      expect(made.out).toContain("created admin 'chief'");
      const generated = userCreate(['--username', 'deputy', '--jurisdiction', '4304', '--role', 'office']);
      const password = /password \(shown once\): (\S+)/.exec(generated.out)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(userCreate(['--username', 'chief', '--jurisdiction', '43'], '').status).toBe(1);

      const signIn = await fetch(`${api.baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'chief', password: 'a strong first password' }) });
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as { user: { role: string; jurisdictionCode: string } }).user).toMatchObject({ role: 'admin', jurisdictionCode: '430000000000' });
    } finally {
      api.child.kill('SIGTERM');
    }
  });

  it('turns off the demo accounts of a database that once ran the demo', async () => {
    await recreate();
    const demo = await startApi(SERVER_DB, { SEED_DEMO: '1', DEMO_SIZE: 'tiny' });
    try {
      expect((await fetch(`${demo.baseUrl}/api/layers`, { headers: { Authorization: 'Bearer demo-admin' } })).status).toBe(200);
    } finally {
      demo.child.kill('SIGTERM');
      await new Promise((r) => demo.child.once('exit', r));
    }
    const server = await startApi(SERVER_DB, { SEED_DEMO: '0' });
    try {
      expect(server.log()).toMatch(/8 demo accounts deactivated/);
      expect((await fetch(`${server.baseUrl}/api/layers`, { headers: { Authorization: 'Bearer demo-admin' } })).status).toBe(401);
      const signIn = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
      expect(signIn.status).toBe(401);
      expect(((await (await fetch(`${server.baseUrl}/api/session/demo-accounts`)).json()) as { accounts: unknown[] }).accounts).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
    }
  });
});

describe('the built console as served', () => {
  it('sends hashed assets pre-compressed and immutable, and the page revalidated, with its CSP', async () => {
    const base = inject('baseUrl');
    const page = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const raw = await fetch(`${base}${script}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(raw.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const rawLength = Number(raw.headers.get('content-length'));
    await raw.arrayBuffer();
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${base}${script}`, { headers: { 'Accept-Encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(rawLength / 2.5);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
      await res.arrayBuffer();
    }
  });
});
