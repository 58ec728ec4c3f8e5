/**
 * Tile benchmark (not a test): province scale on a real PostGIS server. For ~500 fixed tiles at zooms 5–14 and
 * every layer whose range includes them, it times
 *   raw   — the layer's ST_AsMVT query run directly in the database (the floor),
 *   cold  — GET through the API (routing, auth, parsing, query, headers) with the tile cache empty (the
 *           database's own buffers are warm: each layer's tiles are queried once before timing),
 *   warm  — the same GET again (served from the tile cache),
 * and prints p50/p95 per layer and the API's overhead over raw, then compares with bench/baseline-tiles.json.
 *   pnpm bench                       # seeds the province region into grid_console_bench on first run (minutes)
 *   pnpm bench -- --save-baseline    # keep this run's figures as the baseline
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { LAYERS } from '../src/layers/registry.js';
import { bindNamed } from '../src/tiles/named-params.js';
import { buildTileSql } from '../src/tiles/tile-sql.js';
import { seedDemo } from '../src/seeding/seed-demo.js';

const SIZE = process.env.BENCH_SIZE ?? 'province';
const AS_OF = '2026-11-01';
const user = process.env.USER ?? 'root';
const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? `postgres://${user}@localhost/postgres?host=/var/run/postgresql`;
const dbName = `grid_console_bench_${SIZE}`;
const url = adminUrl.replace(/\/postgres(\?|$)/, `/${dbName}$1`);
const baselinePath = new URL('../../bench/baseline-tiles.json', import.meta.url);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function ensureRegion() {
  const admin = await openPostgres(adminUrl, { max: 1 });
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).length > 0;
  if (!exists) await admin.exec(`CREATE DATABASE ${dbName}`);
  await admin.close();
  const db = await openPostgres(url, { max: 4 });
  await migrate(db);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int n FROM admin_area')) as [{ n: number }];
  if (n === 0) {
    console.log(`[bench] generating the ${SIZE} region into ${dbName} (once; later runs reuse it) ...`);
    const t0 = Date.now();
    let last = 0;
    await seedDemo(db, {
      seed: 4304,
      size: SIZE,
      asOf: AS_OF,
      onProgress: (p: { step: string; done: number; total: number; overall?: number }) => {
        if (Date.now() - last < 3000) return;
        last = Date.now();
        const el = (Date.now() - t0) / 1000;
        const eta = p.overall && p.overall > 0.02 ? ` about ${Math.round((el / p.overall) * (1 - p.overall))} s left` : '';
        console.log(`[bench] ${p.step} ${p.done}/${p.total}, ${el.toFixed(0)} s${eta}`);
      },
    });
    console.log(`[bench] region generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await db.exec('ANALYZE');
  }
  return db;
}

/** About 500 tiles in all at zooms 5..14 (fewer distinct ones at low zooms), under village label points spread evenly through the region (fixed). */
async function tileSet(db: Awaited<ReturnType<typeof ensureRegion>>) {
  const pts = await db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM (
       SELECT label_point, row_number() OVER (ORDER BY code) r, count(*) OVER () c FROM admin_area WHERE level = 'village') q
     WHERE r % greatest(1, c / 60) = 0 ORDER BY r LIMIT 60`,
  );
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let z = 5; z <= 14; z++) {
    const seen = new Set<string>();
    for (const { lon, lat } of pts) {
      const n = 2 ** z;
      const x = Math.floor(((lon + 180) / 360) * n);
      const r = (lat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
      if (!seen.has(`${x}/${y}`)) tiles.push({ z, x, y }), seen.add(`${x}/${y}`);
    }
  }
  return tiles;
}

const db = await ensureRegion();
const tiles = await tileSet(db);
const { app, tiles: service } = createApp({ db, config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent' }), startup: { phase: 'ready' } });
// A user whose jurisdiction is the whole region (the demo users answer for one city or county), so that every
// tile carries everything in it.
const [root] = await db.query<{ code: string }>("SELECT code FROM admin_area WHERE parent_code IS NULL OR level = (SELECT min(level) FROM admin_area) ORDER BY length(rtrim(code, '0')) LIMIT 1");
const BENCH_TOKEN = 'bench-whole-region';
await db.query(
  `INSERT INTO app_user (username, display_name, role, jurisdiction_code, token_sha256) VALUES ('bench', 'bench', 'admin', $1, $2)
   ON CONFLICT (username) DO UPDATE SET jurisdiction_code = EXCLUDED.jurisdiction_code, token_sha256 = EXCLUDED.token_sha256`,
  [root!.code, (await import('../src/auth/password.js')).sha256Hex(BENCH_TOKEN)],
);
const headers = { Authorization: `Bearer ${BENCH_TOKEN}` };
const prefix = (await import('domain/codes')).scopePrefix(root!.code);
console.log(`[bench] ${SIZE}, whole region ${root!.code}: ${tiles.length} tiles at z5–14, ${LAYERS.length} layers; ST_AsMVT: ${await db.supportsMvt()}`);

type Row = { layer: string; n: number; addedMsP50: number; rawP50: number; rawP95: number; coldP50: number; coldP95: number; warmP50: number; warmP95: number; overheadPct: number; kb: number };
const rows: Row[] = [];
for (const def of LAYERS) {
  const sql = buildTileSql(def);
  const mine = tiles.filter((t) => t.z >= def.minzoom);
  // Warm the database's own buffers first so raw and API see the same cache state.
  for (const t of mine) {
    const q = sql.mvt(t.z);
    await db.query(q.text, bindNamed(q, { ...t, prefix, asOf: AS_OF }));
  }
  const raw: number[] = [], cold: number[] = [], warm: number[] = [];
  let bytes = 0;
  service.cache.clear();
  for (const t of mine) {
    const q = sql.mvt(t.z);
    let t0 = process.hrtime.bigint();
    await db.query(q.text, bindNamed(q, { ...t, prefix, asOf: AS_OF }));
    raw.push(ms(t0));
    const path = `/api/tiles/${def.id}/${t.z}/${t.x}/${t.y}.mvt?as_of=${AS_OF}`;
    t0 = process.hrtime.bigint();
    const res = await app.request(path, { headers });
    const body = await res.arrayBuffer();
    cold.push(ms(t0));
    bytes += body.byteLength;
    t0 = process.hrtime.bigint();
    await (await app.request(path, { headers })).arrayBuffer();
    warm.push(ms(t0));
  }
  const r: Row = {
    layer: def.id,
    n: mine.length,
    // What the API adds to the same tile, per tile: routing, auth, parsing, cache bookkeeping, ETag, response.
    addedMsP50: pct(cold.map((c, i) => c - raw[i]!), 50),
    rawP50: pct(raw, 50), rawP95: pct(raw, 95),
    coldP50: pct(cold, 50), coldP95: pct(cold, 95),
    warmP50: pct(warm, 50), warmP95: pct(warm, 95),
    overheadPct: ((cold.reduce((a, b) => a + b, 0) / raw.reduce((a, b) => a + b, 0)) - 1) * 100,
    kb: bytes / Math.max(1, mine.length) / 1024,
  };
  rows.push(r);
  console.log(`[bench] ${def.id} done (${mine.length} tiles)`);
}

const baseline: Record<string, Row> = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')).rows : {};
const f = (v: number) => v.toFixed(1).padStart(7);
const delta = (now: number, was?: number) => (was ? `${(((now - was) / was) * 100).toFixed(0).padStart(4)}%` : '    –');
console.log('\nlayer              tiles  raw p50  raw p95 cold p50 cold p95 warm p50 warm p95  overhead  added p50  KB/tile  Δcold p95 vs baseline');
for (const r of rows) {
  console.log(
    `${r.layer.padEnd(18)} ${String(r.n).padStart(5)} ${f(r.rawP50)}  ${f(r.rawP95)}  ${f(r.coldP50)}  ${f(r.coldP95)}  ${f(r.warmP50)}  ${f(r.warmP95)}  ${f(r.overheadPct)}%  ${f(r.addedMsP50)}  ${f(r.kb)}  ${delta(r.coldP95, baseline[r.layer]?.coldP95)}`,
  );
}
console.log('(milliseconds; overhead = total API cold time over total raw ST_AsMVT time − 1; added = per-tile API time − raw time, median)');
const worstWarm = Math.max(...rows.map((r) => r.warmP95));
const worstOverhead = Math.max(...rows.map((r) => r.overheadPct));
console.log(`targets: warm p95 < 100 ms for every layer → worst ${worstWarm.toFixed(1)} ms; API overhead < 15% → worst ${worstOverhead.toFixed(1)}%`);
if (process.argv.includes('--save-baseline')) {
  mkdirSync(new URL('../../bench/', import.meta.url), { recursive: true });
  writeFileSync(baselinePath, JSON.stringify({ size: SIZE, at: new Date().toISOString(), rows: Object.fromEntries(rows.map((r) => [r.layer, r])) }, null, 2));
  console.log(`baseline saved to ${baselinePath.pathname}`);
}
await db.close();
