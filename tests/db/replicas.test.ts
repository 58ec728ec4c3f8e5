/**
 * Read replicas, on a primary and a hot standby of the test's own (tests/support/throwaway-postgres.ts: initdb,
 * then pg_basebackup -R -X stream, each on its own port; the shared cluster is not touched) holding the tiny
 * region: reads land on the replica; a write is seen by the writer's next read and by the next tile in every
 * process, even while the replica has not replayed it; a lagging replica leaves the read pool and comes back; a
 * stopped replica costs no request an error; and a server started with the replica in READ_DATABASE_URLS
 * migrates and signs in on the primary without writing to the replica.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type CreatedApp } from 'api/src/app.js';
import { startApi } from 'api/bench/servers.js';
import { loadConfig } from 'api/src/config.js';
import { startServer } from 'api/src/server.js';
import { walReached, type Database, type ServerStatus } from 'db';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { openReplicated, type ReplicatedOptions } from 'db/replicated';
import { createSeededDatabase } from '../support/seed-region.js';
import { startThrowawayPostgres, startThrowawayStandby, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import { decodeTile, lonLatToTile } from '../support/tiles.js';
import { chinaToday } from 'domain/time';

const DB = 'replicas';
const REGION = { seed: 4304, size: 'tiny', asOf: '2026-11-01' } as const;
const AUTH = { Authorization: 'Bearer demo-admin' };
/** The county's office: the body that lists villages. */
const COUNTY = { Authorization: 'Bearer demo-county_office' };
const SETTINGS = { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' };
let primary: ThrowawayPostgres;
let standby: ThrowawayPostgres;
const opened: { close(): Promise<void> }[] = [];

/** Fixtures read from the seeded region: a village with no listing, the county, a word to search for. */
let village: { code: string; lon: number; lat: number };
let county: string;
let searchTerm: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(25);
  }
}
const one = (pg: ThrowawayPostgres, sql: string, db = DB) => pg.psql(db, sql).trim();
/** The standby has replayed everything the primary has written so far. */
async function caughtUp(db = DB) {
  const target = one(primary, 'SELECT pg_current_wal_lsn()', db);
  await until('the standby has caught up', () => walReached(one(standby, 'SELECT pg_last_wal_replay_lsn()', db), target));
}

beforeAll(async () => {
  primary = await startThrowawayPostgres({ settings: SETTINGS });
  await createSeededDatabase(primary.url(DB), primary.url('postgres'), REGION, () => {});
  primary.psql(DB, 'CREATE EXTENSION pg_stat_statements');
  standby = await startThrowawayStandby(primary, { settings: SETTINGS });
  await caughtUp();
  const [code, lon, lat] = one(
    primary,
    `SELECT a.code || ' ' || ST_X(a.label_point) || ' ' || ST_Y(a.label_point) FROM admin_area a
     WHERE a.level = 'village' AND a.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.area_code = a.code) ORDER BY a.code LIMIT 1`,
  ).split(' ');
  village = { code: code!, lon: Number(lon), lat: Number(lat) };
  expect(village.code).toMatch(/^\d{12}$/);
  county = one(primary, "SELECT code FROM admin_area WHERE level = 'county' AND valid_to IS NULL ORDER BY code LIMIT 1");
  searchTerm = one(primary, "SELECT left(name, 2) FROM admin_area WHERE level = 'township' ORDER BY code LIMIT 1");
}, 180_000);

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => {});
  standby?.destroy();
  primary?.destroy();
});

interface Api {
  url: string;
  db: Database;
  created: CreatedApp;
  logs: string[];
  replica(): ServerStatus;
}

/** The API over real HTTP (fast path included) on the primary, reading from the standby. */
async function api(opts: ReplicatedOptions = {}): Promise<Api> {
  const logs: string[] = [];
  const db = await openReplicated(primary.url(DB), [standby.url(DB)], { pool: { max: 4 }, probeIntervalMs: 100, log: (m) => logs.push(m), ...opts });
  const created = createApp({ db, config: loadConfig({ DATABASE_URL: primary.url(DB), SEED_DEMO: '1', WEB_DIST: '/nonexistent' }), startup: { phase: 'ready' } });
  await created.started;
  const http = await startServer(created.app, 0, '127.0.0.1', { fastPath: created.fastPath });
  opened.push({ close: async () => (await http.close(), await created.close(), await db.close()) });
  const a = { url: http.url, db, created, logs, replica: () => db.servers().find((s) => s.role === 'replica')! };
  await until('the replica is in the read pool', () => a.replica().inReadPool === true);
  return a;
}

const get = async (a: Api, path: string, headers: Record<string, string> = AUTH) => {
  const res = await fetch(`${a.url}${path}`, { headers });
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status >= 400) console.warn(path, res.status, Buffer.from(body).toString());
  return { status: res.status, body };
};
const getJson = async <T = Record<string, unknown>>(a: Api, path: string, headers: Record<string, string> = AUTH) => {
  const res = await fetch(`${a.url}${path}`, { headers });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** Statements run on a server since its last reset, by a marker in their text. */
const calls = (pg: ThrowawayPostgres, like: string) => Number(one(pg, `SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '${like}'`));
const resetStatements = () => [primary, standby].forEach((pg) => pg.psql(DB, 'SELECT pg_stat_statements_reset()'));

/** Every read route the issue names, with a marker of its SQL. */
const READS: { path: () => string; marker: string }[] = [
  { path: () => tilePath(12, 0), marker: '%ST_AsMVTGeom%' },
  { path: () => `/api/ogc/collections/firms/items?limit=5`, marker: '%__matched%' },
  { path: () => `/api/areas/${county}`, marker: '%WITH RECURSIVE chain%' },
  { path: () => `/api/search?q=${encodeURIComponent(searchTerm)}`, marker: '%WITH hits AS%' },
  { path: () => `/api/overview?as_of=2026-11-01`, marker: '%term_ending_30d%' },
  { path: () => `/api/exports/townships.geojson`, marker: '%AS __g,%' },
  { path: () => `/api/wastewater/areas/${county}/series`, marker: '%site_period AS%' },
];

/** A tile around the village, shifted by i (a fresh, uncached tile each time). */
const tilePath = (z: number, i: number, layer = 'townships') => {
  const t = lonLatToTile(village.lon, village.lat, z);
  return `/api/tiles/${layer}/${z}/${t.x + (i % 8) - 4}/${t.y + Math.floor(i / 8) - 4}.mvt`;
};
/** The village's listing class as its tile at z13 draws it today. */
async function villageClass(a: Api): Promise<unknown> {
  const { z, x, y } = lonLatToTile(village.lon, village.lat, 13);
  const res = await get(a, `/api/tiles/villages/${z}/${x}/${y}.mvt?as_of=${chinaToday()}`);
  expect(res.status).toBe(200);
  return decodeTile(res.body).villages!.find((f) => f.properties.code === village.code)!.properties.listing_class;
}

describe('read replicas', () => {
  it('reads land on the replica: tiles, OGC items, details, search, overview, exports, wastewater series', async () => {
    const a = await api();
    // Settled, and replayed by the replica as far as the probe has seen: otherwise the first read rightly goes to
    // the primary (pick() finds no replica that has reached the floor yet).
    await until('the replica has replayed the read floor', () => {
      const { unsettled, position } = a.created.tiles.feed.floor.state;
      const seen = a.replica().walPosition;
      return !unsettled && seen !== null && (position === null || walReached(seen, position));
    });
    resetStatements();
    for (const r of READS) expect((await get(a, r.path())).status, r.path()).toBeLessThan(300);
    for (const r of READS) {
      expect(calls(standby, r.marker), `${r.path()} on the replica`).toBeGreaterThan(0);
      expect(calls(primary, r.marker), `${r.path()} not on the primary`).toBe(0);
    }
    expect(a.replica().reads).toBeGreaterThan(0);
    // Health: each server's role and lag, from the probe's last answers; where they are only for the signed-in.
    const health = await getJson<{ databases: ServerStatus[] }>(a, '/api/health', {});
    expect(health.databases.map((d) => d.role)).toEqual(['primary', 'replica']);
    const replica = health.databases[1]!;
    expect(replica).toMatchObject({ state: 'ok', inReadPool: true });
    expect(replica.lagMs).toBeLessThan(2000);
    expect(typeof replica.lagBytes).toBe('number');
    expect(replica.name).toBeUndefined();
    const detailed = await getJson<{ databases: ServerStatus[] }>(a, '/api/health/data');
    expect(detailed.databases[1]!.name).toBe(`${standby.dir}:${standby.port}/${DB}`);
    expect(JSON.stringify(detailed.databases)).not.toMatch(/postgres@/); // no credentials
  }, 60_000);

  it('a write is seen by the writer’s next read and by the next tile in every process, while the replica has not replayed it', async () => {
    // A bound far above this test's length: the paused replica stays in the read pool; only the floor keeps reads off it.
    const [a, b] = [await api({ maxLagMs: 60_000 }), await api({ maxLagMs: 60_000 })];
    expect(await villageClass(a)).toBe('none');
    expect(await villageClass(b)).toBe('none'); // cached in both processes, rendered from the replica
    standby.psql(DB, 'SELECT pg_wal_replay_pause()');
    try {
      // Signing in writes a session on the primary; the next request, authenticated there, works at once.
      const signIn = await fetch(`${a.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'city_office', password: 'demo' }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      expect((await get(b, '/api/overview', { Cookie: cookie })).status).toBe(200);

      const listed = await fetch(`${a.url}/api/listings`, {
        method: 'POST',
        headers: { ...COUNTY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ area_code: village.code, grade: 'key_supervision', categories: ['drug_abuse'] }),
      });
      expect(listed.status).toBe(201);
      const { id } = ((await listed.json()) as { listing: { id: number } }).listing;
      // The replica has not replayed it and is still in the pool: a read sent there would be stale.
      expect(one(standby, `SELECT count(*) FROM listing WHERE area_code = '${village.code}'`)).toBe('0');
      expect(a.replica().inReadPool).toBe(true);
      // The writer's next read, the other process's reads, and both processes' tiles see it.
      expect((await getJson<{ listing: { grade: string } }>(a, `/api/listings/${id}`, COUNTY)).listing.grade).toBe('key_supervision');
      expect((await getJson(b, `/api/areas/${village.code}`, COUNTY)).listing).toMatchObject({ id, grade: 'key_supervision' });
      expect(await villageClass(a)).toBe('key_supervision');
      expect(await villageClass(b)).toBe('key_supervision');
      expect(await villageClass(b)).toBe('key_supervision'); // and that is what stays cached
    } finally {
      standby.psql(DB, 'SELECT pg_wal_replay_resume()');
    }
    // Caught up: reads go back to the replica, and they agree.
    await caughtUp();
    await until('reads return to the replica', async () => {
      const before = b.replica().reads!;
      await get(b, `/api/areas/${village.code}`);
      return b.replica().reads! > before;
    });
    expect((await getJson(b, `/api/areas/${village.code}`)).listing).toMatchObject({ grade: 'key_supervision' });
    primary.psql(DB, `DELETE FROM listing WHERE area_code = '${village.code}'`);
  }, 60_000);

  it('a lagging replica leaves the read pool, reads go to the primary without errors, and it comes back once it catches up', async () => {
    const a = await api({ maxLagMs: 300 });
    standby.psql(DB, 'SELECT pg_wal_replay_pause()');
    try {
      // A write the API does not hear of (no trigger on this table): only the lag bound protects readers from it.
      primary.psql(DB, "UPDATE dataset_info SET value = value WHERE key = 'region'");
      await until('the replica is reported lagging', () => a.replica().state === 'lagging');
      expect(a.replica().inReadPool).toBe(false);
      expect(a.replica().lagMs).toBeGreaterThan(300);
      const health = await getJson<{ databases: ServerStatus[] }>(a, '/api/health', {});
      expect(health.databases[1]).toMatchObject({ role: 'replica', state: 'lagging', inReadPool: false });
      resetStatements();
      for (let i = 0; i < 8; i++) expect([200, 204]).toContain((await get(a, tilePath(13, i))).status);
      expect(calls(standby, '%ST_AsMVTGeom%')).toBe(0);
      expect(calls(primary, '%ST_AsMVTGeom%')).toBeGreaterThan(0);
    } finally {
      standby.psql(DB, 'SELECT pg_wal_replay_resume()');
    }
    await until('the replica is back in the read pool', () => a.replica().inReadPool === true);
    expect(a.logs.some((l) => /left the read pool: lagging/.test(l))).toBe(true);
  }, 60_000);

  it('a stopped replica: reads go to the primary with no error, and the replica rejoins when it is back', async () => {
    // A long probe interval: the first reads after the stop meet the dead replica before any probe does.
    const a = await api({ probeIntervalMs: 60_000 });
    const b = await api({ probeIntervalMs: 100 });
    standby.stop('immediate');
    try {
      const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => get(a, tilePath(14, i)).then((r) => r.status)));
      for (const s of statuses) expect([200, 204]).toContain(s);
      for (const r of READS) expect((await get(a, r.path())).status, r.path()).toBeLessThan(300);
      expect(a.replica()).toMatchObject({ state: 'unreachable', inReadPool: false });
      await until('the probe sees the replica gone', () => b.replica().state === 'unreachable');
      for (const r of READS) expect((await get(b, r.path())).status, r.path()).toBeLessThan(300);
    } finally {
      standby.start();
    }
    await until('the replica rejoins', () => b.replica().inReadPool === true, 20_000);
    const before = b.replica().reads!;
    for (let i = 0; i < 4; i++) await get(b, tilePath(15, i));
    expect(b.replica().reads!).toBeGreaterThan(before);
  }, 60_000);

  it('a server started with the replica in READ_DATABASE_URLS migrates the primary and writes nothing to the replica', async () => {
    primary.psql('postgres', 'CREATE DATABASE fresh');
    await caughtUp('postgres');
    const logBefore = standby.log().length;
    const server = await startApi(primary.url('fresh'), { READ_DATABASE_URLS: standby.url('fresh'), READ_REPLICA_PROBE_MS: '100' });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; schemaVersion: number; databases: ServerStatus[] };
      expect(health.status).toBe('ok');
      expect(health.schemaVersion).toBeGreaterThan(100);
      await caughtUp('fresh');
      // Migrated on the primary; the replica has the schema only by replaying it.
      expect(Number(one(standby, 'SELECT count(*) FROM schema_migration', 'fresh'))).toBeGreaterThan(5);
      // A standby refuses every write with an error in its log: there is none.
      expect(standby.log().slice(logBefore)).not.toMatch(/read-only transaction|cannot execute/);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('DATABASE_URL pointing at the standby is refused with a message that says what to change', async () => {
    const db = await openPostgres(standby.url(DB), { max: 1 });
    try {
      await expect(migrate(db)).rejects.toThrow(/hot standby.*READ_DATABASE_URLS/);
    } finally {
      await db.close();
    }
  });
});
