/**
 * `pnpm bench`: the tile path against its floors, side by side at city and province scale, in one run:
 *   PostGIS    — the tile statements' own planning and execution time (pg_stat_statements), run unprepared by the
 *                bench and prepared by the API;
 *   API cold   — every tile once, none of them cached, from an API process warmed up on the tiles next to them
 *                (database buffers warm);
 *   API cached — the same tiles again;
 *   nginx      — the same bytes as static files (one worker, keep-alive), the floor of any HTTP server here;
 * per-request times with curl over one keep-alive connection, throughput with autocannon at 1 and 32
 * connections. Then a mixed load at province scale (tiles, features, details, search) with 1–64 clients.
 * The machine is shared: the load average is printed, and every comparison is made within the same run.
 *   pnpm bench                                   # BENCH_SIZES=city,province BENCH_SECONDS=5
 *   pnpm bench -- --save-baseline                # keep the headline figures in bench/baseline-tiles.json
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Database } from 'db';
import { LAYERS } from '../src/layers/registry.js';
import { bindNamed } from '../src/tiles/named-params.js';
import { buildTileSql } from '../src/tiles/tile-sql.js';
import { curlSeries, load, mean, pct, type LoadResult } from './clients.js';
import { mixedLoad } from './mixed.js';
import { AS_OF, benchDbUrl, benchUser, ensureRegion, tileSet } from './region.js';
import { cpuMs, startApi, startNginx } from './servers.js';

const SIZES = (process.env.BENCH_SIZES ?? 'city,province').split(',');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const baselinePath = new URL('../../bench/baseline-tiles.json', import.meta.url);
const load1 = () => loadavg().map((v) => v.toFixed(2)).join(' ');

interface Stats {
  calls: number;
  plans: number;
  planMs: number;
  execMs: number;
}

/** pg_stat_statements of the tile statements in this database since the last reset: means per call. */
async function tileStatementStats(db: Database): Promise<Stats> {
  const [r] = await db.query<{ calls: number; plans: number; plan: number; exec: number }>(
    `SELECT coalesce(sum(calls), 0)::float8 calls, coalesce(sum(plans), 0)::float8 plans,
            coalesce(sum(total_plan_time), 0)::float8 plan, coalesce(sum(total_exec_time), 0)::float8 exec
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query LIKE '%ST_TileEnvelope%' AND query NOT LIKE '%pg_stat_statements%'`,
  );
  return { calls: r!.calls, plans: r!.plans, planMs: r!.plan / Math.max(1, r!.calls), execMs: r!.exec / Math.max(1, r!.calls) };
}
const resetStats = (db: Database) => db.query('SELECT pg_stat_statements_reset()');

/**
 * The same statements prepared, through node-postgres from this process, one at a time: what a Node tile server
 * cannot avoid (the driver, the socket, PostgreSQL's work around execution) — the floor the API's uncached tile is
 * compared with, wall time and this process's CPU per tile. Twice: the first pass prepares and settles the plans.
 */
async function driverRoundTrips(db: Database, pairs: { def: (typeof LAYERS)[number]; t: { z: number; x: number; y: number } }[], prefix: string) {
  const sql = new Map(LAYERS.map((d) => [d.id, buildTileSql(d)]));
  let ms: number[] = [];
  let cpuUs = 0;
  for (let round = 0; round < 2; round++) {
    ms = [];
    const cpu0 = process.cpuUsage();
    for (const { def, t } of pairs) {
      const q = sql.get(def.id)!.mvt(t.z);
      const t0 = performance.now();
      await db.query(q.text, bindNamed(q, { ...t, prefix, asOf: AS_OF }), { name: `bench_${q.statement}` });
      ms.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    cpuUs = (cpu.user + cpu.system) / pairs.length;
  }
  return { ms, cpuUs };
}

interface ScaleResult {
  size: string;
  tiles: number;
  nonEmpty: number;
  unprepared: Stats;
  prepared: Stats;
  /** node-postgres alone, prepared, the compared (non-empty) tiles in turn: ms per tile, and CPU µs per tile. */
  driver: { ms: number[]; cpuUs: number };
  /** Mean ms per tile of each warm-up pass over neighbouring tiles (uncached), in order. */
  warmup: number[];
  cold: number[];
  cached: number[];
  nginx: number[];
  /** Server CPU time per request over the curl passes (µs): what each server itself spends. */
  cpuUs: { cold: number; cached: number; nginx: number };
  reconnects: number;
  throughput: Record<'api1' | 'nginx1' | 'api32' | 'nginx32', LoadResult & { cpuUsPerRequest: number }>;
  loadBefore: string;
  loadAfter: string;
}

/** The same order every run (a seeded Fisher–Yates shuffle). */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  let seed = 4304;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function benchScale(size: string): Promise<ScaleResult> {
  const db = await ensureRegion(size);
  const { token, prefix } = await benchUser(db);
  const auth = { Authorization: `Bearer ${token}` };
  const tiles = await tileSet(db);
  // `file`: the path nginx serves the same bytes at (no query string).
  const pairs = LAYERS.flatMap((def) =>
    tiles.filter((t) => t.z >= def.minzoom).map((t) => {
      const file = `/api/tiles/${def.id}/${t.z}/${t.x}/${t.y}.mvt`;
      return { def, t, file, path: `${file}?as_of=${AS_OF}` };
    }),
  );
  console.log(`[bench] ${size}: ${tiles.length} tiles at z5–14 × ${LAYERS.length} layers = ${pairs.length} requests; load average ${load1()}`);

  // The tile statements run unprepared, as the bench's own client: PostGIS's planning + execution, and the bytes
  // nginx will serve. Once over every tile to find the bytes and warm the database's buffers, then measured over
  // the tiles that have bytes only: the same set as the API's passes below, so that the two PostGIS figures compare
  // like with like (empty tiles cost next to nothing and would pull the mean down).
  const sql = new Map(LAYERS.map((d) => [d.id, buildTileSql(d)]));
  const unpreparedTile = async ({ def, t }: (typeof pairs)[number]) => {
    const q = sql.get(def.id)!.mvt(t.z);
    const [row] = await db.query<{ mvt: Uint8Array | null }>(q.text, bindNamed(q, { ...t, prefix, asOf: AS_OF }));
    return row?.mvt;
  };
  const bytes = new Map<string, Uint8Array>();
  for (const p of pairs) {
    const mvt = await unpreparedTile(p);
    if (mvt?.byteLength) bytes.set(p.file, new Uint8Array(mvt));
  }
  // Compared on the tiles that have bytes (empty ones are 204 from the API, absent for nginx).
  const compared = pairs.filter((p) => bytes.has(p.file));
  await resetStats(db);
  for (const p of compared) await unpreparedTile(p);
  const unprepared = await tileStatementStats(db);
  const driver = await driverRoundTrips(db, compared, prefix);
  // In a fixed shuffled order, so that each half of a pass holds every layer alike (the halves are compared).
  const paths = shuffled(compared.map((p) => p.path));

  const loadBefore = load1();
  const api = await startApi(benchDbUrl(size));
  const nginx = await startNginx(bytes).catch(async (err) => (await api.stop(), Promise.reject(err)));
  try {
    // Uncached tiles from a process past its first minutes, as a server that has run for a while serves them:
    // PostgreSQL plans a prepared statement's first five executions on each connection before settling on its
    // generic plan, and the process itself takes a few thousand requests to reach its steady speed (measured: a
    // first pass over neighbouring tiles ran at 0.7–0.8 ms per tile, a second over other neighbours at 0.6, and the
    // measured pass after one warm-up pass was 0.15 ms slower in its first half than in its second). The same
    // tiles requested again and again with no cache: 0.67, 0.58, 0.53 ms per tile, then level at ~0.53 (the API's
    // CPU 377, 257, 203, then ~200 µs per tile): the JIT settles after ~10,000 tile requests.
    // So eight passes over the tiles next to the measured ones (the four sides and the four corners: each a set of
    // tiles not yet cached, none of them measured) come first; their means are printed, and the measured pass's
    // two halves.
    const measured = new Set(pairs.map((p) => p.path));
    const warmup: number[] = [];
    for (const [dx, dy] of [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, -1], [1, -1], [-1, 1]]) {
      const next = pairs.map((p) => p.path.replace(/\/(\d+)\/(\d+)\.mvt/, (_m, x: string, y: string) => `/${Number(x) + dx}/${Number(y) + dy}.mvt`)).filter((p) => !measured.has(p));
      warmup.push(mean(curlSeries(api.url, next, auth).ms));
    }
    await resetStats(db);
    let cpu0 = cpuMs(api.pid);
    const cold = curlSeries(api.url, paths, auth);
    const coldCpuUs = ((cpuMs(api.pid) - cpu0) * 1000) / paths.length;
    const prepared = await tileStatementStats(db);
    cpu0 = cpuMs(api.pid);
    const cached = curlSeries(api.url, paths, auth);
    const cachedCpuUs = ((cpuMs(api.pid) - cpu0) * 1000) / paths.length;
    cpu0 = cpuMs(nginx.pid);
    const static_ = curlSeries(nginx.url, paths);
    const nginxCpuUs = ((cpuMs(nginx.pid) - cpu0) * 1000) / paths.length;
    for (const r of [cold, cached, static_]) if (r.statuses.some((s) => s !== 200)) throw new Error(`unexpected statuses: ${[...new Set(r.statuses)].join(', ')}`);
    // Interleaved, so that both servers see the same machine; with the server's own CPU time per request.
    const timedLoad = async (server: typeof api, connections: number, headers?: Record<string, string>) => {
      const cpu0 = cpuMs(server.pid);
      const r = await load(server.url, paths, connections, SECONDS, headers);
      return { ...r, cpuUsPerRequest: ((cpuMs(server.pid) - cpu0) * 1000) / Math.max(1, r.requests) };
    };
    const nginx1 = await timedLoad(nginx, 1);
    const api1 = await timedLoad(api, 1, auth);
    const nginx32 = await timedLoad(nginx, 32);
    const api32 = await timedLoad(api, 32, auth);
    return {
      size, tiles: pairs.length, nonEmpty: paths.length, unprepared, prepared, driver,
      warmup, cold: cold.ms, cached: cached.ms, nginx: static_.ms, cpuUs: { cold: coldCpuUs, cached: cachedCpuUs, nginx: nginxCpuUs }, reconnects: cold.reconnects + cached.reconnects + static_.reconnects,
      throughput: { api1, nginx1, api32, nginx32 }, loadBefore, loadAfter: load1(),
    };
  } finally {
    await api.stop();
    await nginx.stop();
    await db.close();
  }
}

function printScales(rs: ScaleResult[]) {
  const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–').padStart(12);
  const row = (label: string, vals: string[]) => console.log(label.padEnd(52) + vals.join(''));
  const line = (label: string, get: (r: ScaleResult) => number, d = 3) => row(label, rs.map((r) => f(get(r), d)));
  console.log('\n== tiles: API vs PostGIS vs nginx (ms per tile unless noted) ==');
  row('', rs.map((r) => r.size.padStart(12)));
  line('tile requests (non-empty, compared)', (r) => r.nonEmpty, 0);
  line('PostGIS plan, unprepared (mean; compared tiles)', (r) => r.unprepared.planMs);
  line('PostGIS exec, unprepared (mean; compared tiles)', (r) => r.unprepared.execMs);
  line('PostGIS plan per tile, API prepared (mean)', (r) => r.prepared.planMs);
  line('PostGIS exec per tile, API prepared (mean)', (r) => r.prepared.execMs);
  line('  plannings / executions, API', (r) => r.prepared.plans / Math.max(1, r.prepared.calls));
  line('node-postgres alone, prepared: mean', (r) => mean(r.driver.ms));
  line('node-postgres alone, prepared: p50', (r) => pct(r.driver.ms, 50));
  line('  its client process CPU per tile (µs)', (r) => r.driver.cpuUs, 0);
  for (const [name, get] of [['API cold', (r: ScaleResult) => r.cold], ['API cached', (r: ScaleResult) => r.cached], ['nginx (same bytes)', (r: ScaleResult) => r.nginx]] as const) {
    line(`${name}: mean`, (r) => mean(get(r)));
    line(`${name}: p50`, (r) => pct(get(r), 50));
    line(`${name}: p95`, (r) => pct(get(r), 95));
    line(`${name}: p99`, (r) => pct(get(r), 99));
  }
  line('API cold, first half of the pass: mean', (r) => mean(r.cold.slice(0, r.cold.length >> 1)));
  line('API cold, second half of the pass: mean', (r) => mean(r.cold.slice(r.cold.length >> 1)));
  line('API adds per uncached tile: cold − exec − nginx (mean)', (r) => mean(r.cold) - r.prepared.execMs - mean(r.nginx));
  line('  the same with medians (p50 cold − exec − p50 nginx)', (r) => pct(r.cold, 50) - r.prepared.execMs - pct(r.nginx, 50));
  line('API adds beyond node-postgres + nginx (p50)', (r) => pct(r.cold, 50) - pct(r.driver.ms, 50) - pct(r.nginx, 50));
  line('API cached / nginx time (mean)', (r) => mean(r.cached) / mean(r.nginx), 2);
  line('API process CPU per uncached tile (µs)', (r) => r.cpuUs.cold, 0);
  line('API process CPU per cached tile (µs)', (r) => r.cpuUs.cached, 0);
  line('nginx CPU per tile (µs)', (r) => r.cpuUs.nginx, 0);
  for (const r of rs) console.log(`API warm-up passes before the uncached pass, ${r.size} (uncached neighbours, mean ms per tile): ${r.warmup.map((v) => v.toFixed(2)).join(', ')}`);
  console.log('(curl, one keep-alive connection; new connections opened after the first: ' + rs.map((r) => `${r.size} ${r.reconnects}`).join(', ') + ')');
  console.log(`\n== cached tiles, autocannon, ${SECONDS} s each (requests/s; latency ms p50/p95/p99) ==`);
  for (const r of rs) {
    const t = r.throughput;
    const show = (n: string, x: LoadResult & { cpuUsPerRequest: number }) =>
      `${n.padEnd(30)}${x.rps.toFixed(0).padStart(9)} req/s   ${x.p50.toFixed(3)} / ${x.p95.toFixed(3)} / ${x.p99.toFixed(3)}   server CPU ${x.cpuUsPerRequest.toFixed(0)} µs/request ${x.non2xx + x.errors ? `(${x.non2xx} non-2xx, ${x.errors} errors)` : ''}`;
    console.log(`${r.size} (load average before ${r.loadBefore}, after ${r.loadAfter})`);
    console.log('  ' + show('nginx, 1 connection', t.nginx1));
    console.log('  ' + show('API, 1 connection', t.api1));
    console.log('  ' + show('nginx, 32 connections', t.nginx32));
    console.log('  ' + show('API, 32 connections', t.api32));
    console.log(`  server CPU per cached tile, API / nginx: ${(t.api32.cpuUsPerRequest / t.nginx32.cpuUsPerRequest).toFixed(2)}× at 32 connections (less sensitive to the machine's other load than req/s)`);
    console.log(`  API / nginx throughput: 1 connection ${((t.api1.rps / t.nginx1.rps) * 100).toFixed(0)}% (target ≥ 50%), 32 connections ${((t.api32.rps / t.nginx32.rps) * 100).toFixed(0)}% (target ≥ 75%)`);
  }
  for (const r of rs) {
    const added = mean(r.cold) - r.prepared.execMs - mean(r.nginx);
    console.log(`target: ${r.size}: API adds ≤ 0.3 ms per uncached tile beyond PostGIS execution and nginx → ${added.toFixed(3)} ms`);
  }
}

console.log(`[bench] ${new Date().toISOString()}, load average ${load1()} (2 cores shared with other work: figures are noisy; compare within a run)`);
const results: ScaleResult[] = [];
for (const size of SIZES) results.push(await benchScale(size));
printScales(results);
const mixed = SIZES.includes('province') ? await mixedLoad('province', SECONDS) : null;

const headline = Object.fromEntries(
  results.map((r) => [r.size, {
    coldMean: mean(r.cold), cachedMean: mean(r.cached), nginxMean: mean(r.nginx), execMean: r.prepared.execMs,
    api1PctOfNginx: r.throughput.api1.rps / r.throughput.nginx1.rps, api32PctOfNginx: r.throughput.api32.rps / r.throughput.nginx32.rps,
  }]),
);
if (existsSync(baselinePath)) {
  const base = JSON.parse(readFileSync(baselinePath, 'utf8')) as { headline?: typeof headline };
  for (const [size, h] of Object.entries(headline)) {
    const b = base.headline?.[size];
    if (b) console.log(`vs baseline ${size}: cold mean ${b.coldMean.toFixed(3)} → ${h.coldMean.toFixed(3)} ms, cached mean ${b.cachedMean.toFixed(3)} → ${h.cachedMean.toFixed(3)} ms`);
  }
}
if (process.argv.includes('--save-baseline')) {
  mkdirSync(new URL('../../bench/', import.meta.url), { recursive: true });
  writeFileSync(baselinePath, JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), headline, mixed }, null, 2));
  console.log(`baseline saved to ${baselinePath.pathname}`);
}
