/**
 * Faults, on a PostgreSQL server of the test's own (tests/support/throwaway-postgres.ts) holding the tiny region:
 * the database restarted under load, the pool exhausted, a statement timing out, an import killed half-way, and a
 * pg_dump restored into an empty server. The API answers 503 with Retry-After while it cannot reach the
 * database, never hangs, never loses a committed write nor keeps half of an uncommitted one, and recovers by
 * itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from 'api/src/app.js';
import { loadConfig } from 'api/src/config.js';
import { openPostgres, type PoolOptions } from 'db/postgres';
import { startServer } from 'api/src/server.js';
import { createSeededDatabase } from '../support/seed-region.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import { lonLatToTile } from '../support/tiles.js';

const REGION = { seed: 4304, size: 'tiny', asOf: '2026-11-01' } as const;
const AUTH = { Authorization: 'Bearer demo-admin' };
const REPO = join(import.meta.dirname, '../..');
let server: ThrowawayPostgres;
let centre: { lon: number; lat: number };
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  await createSeededDatabase(server.url('faults'), server.url('postgres'), REGION, () => {});
  const [lon, lat] = server.psql('faults', "SELECT ST_X(label_point) || ' ' || ST_Y(label_point) FROM admin_area WHERE level = 'county' LIMIT 1").trim().split(' ').map(Number);
  centre = { lon: lon!, lat: lat! };
}, 120_000);

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => {});
  server?.destroy();
});

/** The API over real HTTP (fast path included) on the throwaway database with these pool settings. */
async function api(pool: PoolOptions, url = server.url('faults')) {
  const db = await openPostgres(url, pool);
  const created = createApp({ db, config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent' }), startup: { phase: 'ready' } });
  await created.started;
  const http = await startServer(created.app, 0, '127.0.0.1', { fastPath: created.fastPath });
  const handle = { db, created, url: http.url, close: async () => (await http.close(), await created.close(), await db.close()) };
  opened.push(handle);
  return handle;
}

/** A tile near the region's centre, shifted by i so that each request is a different, uncached tile. */
const tilePath = (layer: string, i: number, z = 15) => {
  const t = lonLatToTile(centre.lon, centre.lat, z);
  return `/api/tiles/${layer}/${z}/${t.x + (i % 16) - 8}/${t.y + Math.floor(i / 16) - 8}.mvt`;
};

interface Outcome {
  status: number;
  ms: number;
  at: number;
  retryAfter: string | null;
  type: string | null;
}
async function timed(url: string, t0 = Date.now()): Promise<Outcome> {
  const start = Date.now();
  const res = await fetch(url, { headers: AUTH, signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  return { status: res.status, ms: Date.now() - start, at: start - t0, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type') };
}

/** Holds an exclusive lock on a table (so queries on it wait) until released. */
async function lockTable(url: string, table: string) {
  const holder = await openPostgres(url, { max: 1 });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const tx = holder.transaction(async (q) => {
    await q.exec(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    locked();
    await released;
  });
  await isLocked;
  return { release: async () => (release(), await tx, await holder.close()) };
}

describe('faults', () => {
  it('the database restarted under load: 503 with Retry-After while it is down, no hang, recovery without restarting the API', async () => {
    const a = await api({ max: 4, waitMs: 1000 });
    const outcomes: Outcome[] = [];
    const t0 = Date.now();
    let i = 0;
    const client = async () => {
      // Dated layer, a new date per request: every request goes to the database.
      while (Date.now() - t0 < 7000) outcomes.push(await timed(`${a.url}${tilePath('townships', i++ % 200, 12)}?as_of=2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, t0));
    };
    const load = Promise.all([client(), client(), client(), client()]);
    await new Promise((r) => setTimeout(r, 1500));
    const down = Date.now() - t0;
    server.stop('fast');
    await new Promise((r) => setTimeout(r, 1500));
    server.start();
    const up = Date.now() - t0;
    await load;

    expect(outcomes.length).toBeGreaterThan(50);
    for (const o of outcomes) expect([200, 204, 503], JSON.stringify(o)).toContain(o.status);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.retryAfter).toBe('2');
      expect(o.type).toMatch(/problem\+json/);
    }
    // Failing fast: no request waited anywhere near a client's patience.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(3000);
    expect(outcomes.filter((o) => o.at + o.ms < down).every((o) => o.status !== 503)).toBe(true);
    // Recovered by itself within a couple of seconds of the database coming back.
    const after = outcomes.filter((o) => o.at > up + 2000);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((o) => o.status === 200 || o.status === 204)).toBe(true);
    // And the change feed listens again, so cached tiles are served again.
    const end = Date.now() + 5000;
    while (!a.created.tiles.feed.live && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(a.created.tiles.feed.live).toBe(true);
  }, 60_000);

  it('the pool exhausted: a bounded queue, then 503 — never a hang — and the pool serves again afterwards', async () => {
    const a = await api({ max: 2, maxWaiting: 2, waitMs: 600 });
    const lock = await lockTable(server.url('faults'), 'checkpoint');
    const t0 = Date.now();
    const pending = Array.from({ length: 8 }, (_, i) => timed(`${a.url}${tilePath('checkpoints', i)}`, t0));
    // Two hold connections (waiting on the lock); the other six are refused: at once, or after their wait.
    const settled: Outcome[] = [];
    for (const p of pending) void p.then((o) => settled.push(o), () => {});
    try {
      const end = Date.now() + 5000;
      while (settled.length < 6 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(settled).toHaveLength(6);
      for (const o of settled) {
        expect(o.status).toBe(503);
        expect(o.retryAfter).toBe('2');
        expect(o.ms).toBeLessThan(2500);
      }
    } finally {
      // A failed expectation must not leave the table locked for the tests after it (pg_dump would wait for ever).
      await lock.release();
    }
    const rest = await Promise.all(pending);
    expect(rest.filter((o) => o.status === 200 || o.status === 204)).toHaveLength(2);
    for (let i = 0; i < 6; i++) expect([200, 204]).toContain((await timed(`${a.url}${tilePath('checkpoints', 100 + i)}`)).status);
  }, 30_000);

  it('a slow query: statement_timeout answers 503 and the pool stays usable', async () => {
    const a = await api({ max: 2, statementTimeoutMs: 300 });
    const lock = await lockTable(server.url('faults'), 'checkpoint');
    try {
      const slow = await timed(`${a.url}${tilePath('checkpoints', 1)}`);
      expect(slow.status).toBe(503);
      expect(slow.retryAfter).toBe('2');
      expect(slow.ms).toBeLessThan(2000);
      const res = await fetch(`${a.url}${tilePath('checkpoints', 2)}`, { headers: AUTH });
      expect(((await res.json()) as { reason: string }).reason).toBe('statement_timeout');
    } finally {
      await lock.release();
    }
    const after = await Promise.all(Array.from({ length: 6 }, (_, i) => timed(`${a.url}${tilePath('checkpoints', 3 + i)}`)));
    for (const o of after) expect([200, 204]).toContain(o.status);
  }, 30_000);

  it('an import killed half-way writes nothing', async () => {
    const count = () => server.psql('faults', 'SELECT (SELECT count(*) FROM wastewater_sample) || \' \' || (SELECT count(*) FROM wastewater_import)').trim();
    const before = count();
    const sites = server.psql('faults', 'SELECT code FROM wastewater_site ORDER BY code').trim().split('\n');
    // A lab file large enough to take a while: every site, every day of 2025, three substances.
    const rows = ['站点编码,采样时间,物质,浓度(ng/L),流量(m³/d),低于定量限,定量限(ng/L),检测机构'];
    for (const site of sites) {
      for (let d = 0; d < 365; d++) {
        const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
        for (const s of ['甲基苯丙胺', '氯胺酮', 'MDMA']) rows.push(`${site},${day} 03:17,${s},${(10 + (d % 50)).toFixed(1)},20000,否,1,测试实验室`);
      }
    }
    const dir = mkdtempSync('/tmp/gc-import-');
    const file = join(dir, 'big.csv');
    writeFileSync(file, rows.join('\n'));
    try {
      // The import inserts its rows, then recomputes the area signals: holding area_signal stops it right there,
      // with its rows written inside its open transaction.
      const lock = await lockTable(server.url('faults'), 'area_signal');
      let released = false;
      const releaseOnce = async () => { if (!released) { released = true; await lock.release(); } };
      let child: ReturnType<typeof spawn> | undefined;
      try {
      // node itself (not the tsx wrapper, whose SIGKILL would leave node running).
      child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'api/src/cli/import-wastewater.ts'), file, '--accept-skipping'], {
        cwd: REPO,
        env: { ...process.env, DATABASE_URL: server.url('faults') },
        stdio: 'ignore',
      });
      // Kill it once its transaction has begun writing rows.
      const end = Date.now() + 60_000;
      let writing = false;
      while (!writing && Date.now() < end && child.exitCode === null) {
        writing = server.psql('faults', "SELECT count(*) FROM pg_stat_activity WHERE datname = 'faults' AND wait_event_type = 'Lock' AND query ILIKE '%area_signal%'").trim() !== '0';
        if (!writing) await new Promise((r) => setTimeout(r, 25));
      }
      expect(writing).toBe(true);
      child.kill('SIGKILL');
      if (child.exitCode === null) await new Promise((r) => child!.once('exit', r));
      await releaseOnce();
      // The server notices the dropped connection and rolls back.
      const gone = Date.now() + 10_000;
      while (server.psql('faults', "SELECT count(*) FROM pg_stat_activity WHERE datname = 'faults' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()").trim() !== '0' && Date.now() < gone) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(count()).toBe(before);
      } finally {
        if (child && child.exitCode === null) child.kill('SIGKILL');
        await releaseOnce();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('a pg_dump restored into an empty server answers the same features and tiles', async () => {
    const dir = mkdtempSync('/tmp/gc-dump-');
    const other = await startThrowawayPostgres();
    try {
      const dump = join(dir, 'faults.dump');
      const host = (u: string) => [new URL(u).searchParams.get('host')!, new URL(u).searchParams.get('port')!];
      const [h1, p1] = host(server.url('faults'));
      const [h2, p2] = host(other.url('postgres'));
      execFileSync('/usr/lib/postgresql/15/bin/pg_dump', ['-h', h1!, '-p', p1!, '-U', 'postgres', '-Fc', '--lock-wait-timeout=20s', '-f', dump, 'faults'], { timeout: 60_000 });
      other.psql('postgres', 'CREATE DATABASE restored');
      execFileSync('/usr/lib/postgresql/15/bin/pg_restore', ['-h', h2!, '-p', p2!, '-U', 'postgres', '-d', 'restored', '--exit-on-error', dump]);
      const original = await api({ max: 2 });
      const restored = await api({ max: 2 }, other.url('restored'));
      const answers = async (base: string) => {
        const out: Record<string, unknown> = {};
        for (const layer of ['counties', 'townships', 'villages', 'grids', 'roads', 'checkpoints', 'firms', 'venues', 'wastewater_sites', 'catchments']) {
          const fc = (await (await fetch(`${base}/api/ogc/collections/${layer}/items?limit=10000`, { headers: AUTH })).json()) as { features: { properties: unknown; geometry: unknown }[]; numberMatched: number };
          out[layer] = { n: fc.numberMatched, features: fc.features.map((f) => [f.properties, f.geometry]) };
        }
        for (let i = 0; i < 20; i++) out[`tile${i}`] = (await fetch(`${base}${tilePath('townships', i * 7, 13)}?as_of=2026-11-01`, { headers: AUTH })).headers.get('etag');
        const { generatedAt: _, ...overview } = (await (await fetch(`${base}/api/overview?as_of=2026-11-01`, { headers: AUTH })).json()) as Record<string, unknown>;
        out.overview = overview;
        return out;
      };
      const [a, b] = [await answers(original.url), await answers(restored.url)];
      expect((a.townships as { n: number }).n).toBeGreaterThan(0);
      for (const k of Object.keys(a)) expect(b[k], k).toEqual(a[k]);
    } finally {
      other.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
