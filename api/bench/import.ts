/**
 * Import benchmark (not a test): the province region's 24,000 village polygons and 100,000 grid cells, exported
 * and imported again into an empty database through the same service as POST /api/imports and `pnpm run import`.
 *
 *   pnpm --filter api bench:import
 *
 * Source: the province region generated once into grid_console_bench_province_import (minutes; later runs reuse
 * it). Target: grid_console_bench_empty_import, dropped and migrated each run. Counties and townships go in first
 * (their parents), then villages (zipped Shapefile) and grids (GeoJSON). Printed per layer: features, seconds,
 * features per second, and the peak resident memory of this process while it ran; progress with an estimate of
 * the time left while it runs. BENCH_SIZE=city (or another size) runs on a smaller region; BENCH_TARGET_DB names
 * the target database.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDuration } from 'geodata/demo';
import { parseCrsParam } from 'domain/crs';
import { seedDemoRegion } from 'geodata/demo';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { quoteIdent } from 'db';
import type { SessionUser } from '../src/http/env.js';
import { exportQuery, exportRows, writeExport, type ExportFormat } from '../src/imports/export.js';
import type { ProgressState } from '../src/imports/progress.js';
import { runImport } from '../src/imports/service.js';

const SIZE = process.env.BENCH_SIZE ?? 'province';
const user = process.env.USER ?? 'root';
const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? `postgres://${user}@localhost/postgres?host=/var/run/postgresql`;
const urlOf = (name: string) => adminUrl.replace(/\/postgres(\?|$)/, `/${name}$1`);
const SOURCE = `grid_console_bench_${SIZE}_import`;
// Another name lets two people bench at once on one server (the target is dropped on every run).
const TARGET = process.env.BENCH_TARGET_DB ?? 'grid_console_bench_empty_import';
const WGS84 = parseCrsParam('wgs84')!;

/** Peak resident memory between start() and stop(), sampled every 100 ms. */
function memoryWatch() {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 100);
  sample();
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

const mb = (b: number) => `${(b / 1024 ** 2).toFixed(b < 10 * 1024 ** 2 ? 1 : 0)} MB`;

async function ensureSource() {
  const admin = await openPostgres(adminUrl, { max: 1 });
  if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [SOURCE])).length) await admin.exec(`CREATE DATABASE ${quoteIdent(SOURCE)}`);
  await admin.close();
  const db = await openPostgres(urlOf(SOURCE), { max: 2 });
  await migrate(db);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int n FROM admin_area')) as [{ n: number }];
  if (n === 0) {
    console.log(`[bench] generating the ${SIZE} region into ${SOURCE} (once; later runs reuse it) ...`);
    const t0 = Date.now();
    let last = 0;
    await seedDemoRegion(db, {
      seed: 4304, size: SIZE, asOf: '2026-11-01',
      onProgress: (p) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        const el = (Date.now() - t0) / 1000;
        console.log(`[bench] ${p.step} ${p.done}/${p.total}, ${formatDuration(el)}${p.overall > 0.02 ? `, ETA ${formatDuration((el / p.overall) * (1 - p.overall))}` : ''}`);
      },
    });
    await db.exec('ANALYZE');
  }
  return db;
}

async function freshTarget() {
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(TARGET)} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${quoteIdent(TARGET)}`);
  await admin.close();
  const db = await openPostgres(urlOf(TARGET), { max: 2 });
  await migrate(db);
  const [u] = await db.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, role, jurisdiction_code) VALUES ('bench_admin', 'bench', 'admin', '430000000000') RETURNING id`);
  return { db, user: { id: u!.id, username: 'bench_admin', displayName: 'bench', role: 'admin', jurisdictionCode: '430000000000', scopePrefix: '43', gridCodes: [] } as SessionUser };
}

/** A progress line every couple of seconds, with the service's own estimate of the time left. */
function progressPrinter(label: string) {
  let last = 0;
  return (p: ProgressState) => {
    if (Date.now() - last < 2000 && p.phase !== 'done') return;
    last = Date.now();
    console.log(`[bench] ${label}: ${(p.fraction * 100).toFixed(0)}% ${p.phase} ${p.done}/${p.total ?? '?'}, ${formatDuration(p.elapsedSeconds)}, ETA ${p.etaSeconds === null ? '…' : formatDuration(p.etaSeconds)}`);
  };
}

async function sha256(path: string) {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

const source = await ensureSource();
const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
const { db: target, user: admin } = await freshTarget();
const results: string[] = [];
try {
  const plan: [string, ExportFormat][] = [['counties', 'shp.zip'], ['townships', 'shp.zip'], ['villages', 'shp.zip'], ['grids', 'geojson']];
  for (const [layer, format] of plan) {
    const path = join(dir, `${layer}.${format}`);
    const q = exportQuery(layer)!;
    let stop = memoryWatch();
    let t0 = performance.now();
    await writeExport(exportRows(source, q, '43', '2026-11-01', WGS84), q, format, WGS84, createWriteStream(path), layer);
    const exportSeconds = (performance.now() - t0) / 1000;
    const exportPeak = stop();
    const bytes = (await stat(path)).size;

    stop = memoryWatch();
    t0 = performance.now();
    const r = await runImport(target, admin, { path, filename: `${layer}.${format}`, bytes, sha256: await sha256(path) }, {
      layer, dryRun: false, accept: ['gap', 'outside_parent', 'overlap'], validFrom: '2026-01-01', onProgress: progressPrinter(layer),
    });
    const seconds = (performance.now() - t0) / 1000;
    const peak = stop();
    const n = r.report.counts.read;
    const line = `${layer.padEnd(10)} ${String(n).padStart(7)} features  ${format.padEnd(8)} ${mb(bytes).padStart(7)}  export ${exportSeconds.toFixed(1)} s (peak ${mb(exportPeak)})  import ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} features/s, peak RSS ${mb(peak)}  [${r.report.status}, new ${r.report.counts.new}, problems ${r.report.counts.problems}]`;
    console.log(`[bench] ${line}`);
    console.log(`[bench]   seconds per step: ${Object.entries(r.report.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    results.push(line);
  }
  console.log(`\n[bench] import of the ${SIZE} region (export, then import into an empty database):`);
  for (const l of results) console.log('  ' + l);
  console.log(`  process peak RSS over the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await source.close();
  await target.close();
}
