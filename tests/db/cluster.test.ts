/**
 * Two API processes behind one port (node:cluster, api/src/cluster.ts) on the PostGIS test database: a write
 * through one process drops the other's cached tile before the write answers, and a write made outside the API
 * reaches both within moments. Every request opens a new connection, so the cluster spreads them round-robin
 * over both processes: a stale cache in either would show in about half of the answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { LISTENER_NAME_PREFIX } from 'api/src/tiles/change-feed.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { decodeTile, lonLatToTile } from '../support/tiles.js';
import { chinaToday } from 'domain/time';

const REPO = join(import.meta.dirname, '../..');
const AUTH = 'Bearer demo-city_office';
let child: ChildProcess;
let base: string;
let db: Database;

/** One request on a connection of its own (no keep-alive), so the cluster picks a process for each. */
function fresh(method: string, path: string, body?: unknown, auth = AUTH): Promise<{ status: number; body: Buffer; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = { Connection: 'close', ...(auth ? { Authorization: auth } : {}), ...(data ? { 'Content-Type': 'application/json' } : {}) };
    const req = request(`${base}${path}`, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), cookie: res.headers['set-cookie']?.join('; ') }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The parent of a process on this machine, from /proc (the field after the parenthesised command name). */
function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
  // The test database holds the demo region and its accounts: the demo is on (off would switch its accounts off).
  child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'api/src/cluster.ts')], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, PORT: '0', API_WORKERS: '2', SEED_DEMO: '1', WEB_DIST: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Both workers print the shared port once they listen.
  const urls = new Set<string>();
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the cluster did not start')), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      for (const m of b.toString().matchAll(/console at (http:\/\/[\d.:]+)\//g)) (urls.add(m[1]!), seen++);
      if (seen >= 2) (clearTimeout(timer), resolve());
    });
  });
  expect(urls.size).toBe(1);
  base = [...urls][0]!;
  // Both processes listening for changes.
  const end = Date.now() + 20_000;
  // Counted by the workers' pids in the listener's name: other servers on the same test database (a file that ran
  // just before, still closing) listen too and are not this cluster's.
  const listeners = async () => {
    const rows = await db.query<{ name: string }>(
      `SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE '${LISTENER_NAME_PREFIX}%' AND datname = current_database()`,
    );
    return rows.filter((r) => parentPid(Number(r.name.slice(LISTENER_NAME_PREFIX.length).split('-')[0])) === child.pid).length;
  };
  while ((await listeners()) < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  expect(await listeners()).toBe(2);
}, 90_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => (child && child.exitCode === null ? child.once('exit', r) : r(null)));
  await db?.close();
});

describe('two API processes on one database', () => {
  it('a write through one process leaves no stale tile in the other, and a write from outside reaches both', async () => {
    const [tw] = await db.query<{ code: string; lon: number; lat: number }>(
      `SELECT a.code, ST_X(a.label_point) lon, ST_Y(a.label_point) lat FROM admin_area a
       WHERE a.level = 'township' AND a.valid_to IS NULL AND a.code LIKE '4380%' AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.area_code = a.code)
       ORDER BY a.code DESC LIMIT 1`,
    );
    const today = chinaToday(); // the API's today (China's date)
    const { z, x, y } = lonLatToTile(tw!.lon, tw!.lat, 11);
    const classes = async (n: number) => {
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fresh('GET', `/api/tiles/townships/${z}/${x}/${y}.mvt?as_of=${today}`);
        expect(res.status).toBe(200);
        out.push(decodeTile(res.body).townships!.find((f) => f.properties.code === tw!.code)!.properties.listing_class);
      }
      return out;
    };
    // Cached in both processes.
    expect(new Set(await classes(10))).toEqual(new Set(['none']));

    const listed = await fresh('POST', '/api/listings', { area_code: tw!.code, grade: 'key_supervision', categories: ['drug_abuse'], listed_on: today });
    expect(listed.status).toBe(201);
    try {
      // At once, from whichever process answers.
      expect(await classes(10)).toEqual(Array(10).fill('key_supervision'));
    } finally {
      // Outside the API: no process waits for this one; the notification reaches both within moments.
      await db.query('DELETE FROM listing WHERE area_code = $1', [tw!.code]);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await classes(10)).toEqual(Array(10).fill('none'));
  }, 60_000);

  it('signing out through one process ends the token in every process at once', async () => {
    const signIn = await fresh('POST', '/api/session', { username: 'county_office', password: 'demo' }, '');
    expect(signIn.status).toBe(200);
    const bearer = `Bearer ${/gc_session=([^;]+)/.exec(signIn.cookie ?? '')![1]}`;
    // Both processes have resolved the token (and keep it in their token cache) and answer its tiles.
    const statuses = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await fresh('GET', '/api/tiles/counties/6/52/27.mvt', undefined, bearer)).status);
      return out;
    };
    expect((await statuses(10)).every((s) => s === 200 || s === 204)).toBe(true);
    expect((await fresh('DELETE', '/api/session', undefined, bearer)).status).toBe(204);
    // Whichever process answers next refuses it.
    expect(await statuses(10)).toEqual(Array(10).fill(401));
  }, 60_000);
});
