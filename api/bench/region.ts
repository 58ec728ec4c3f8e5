/**
 * Benchmark databases: one per region size, `grid_console_bench_<size><suffix>` on the local server, generated
 * once (minutes at province scale) and reused while dataset_info says it holds that size; a bench user whose
 * jurisdiction is the whole region; and the fixed tile set the benchmarks request.
 */
import { quoteIdent, type Database } from 'db';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { scopePrefix } from 'domain/codes';
import { sha256Hex } from '../src/auth/password.js';
import { seedDemo } from '../src/seeding/seed-demo.js';

export const AS_OF = '2026-11-01';
export const BENCH_TOKEN = 'bench-whole-region';
const user = process.env.USER ?? 'root';
export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? `postgres://${user}@localhost/postgres?host=/var/run/postgresql`;
const SUFFIX = process.env.BENCH_DB_SUFFIX ?? '';

export const benchDbName = (size: string) => `grid_console_bench_${size}${SUFFIX}`;
export const benchDbUrl = (size: string) => ADMIN_URL.replace(/\/postgres(\?|$)/, `/${benchDbName(size)}$1`);

export async function ensureRegion(size: string, log = console.log): Promise<Database> {
  const name = benchDbName(size);
  const admin = await openPostgres(ADMIN_URL, { max: 1 });
  if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length) await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  // Planning time is what prepared statements save: have pg_stat_statements record it in this database.
  await admin.exec(`ALTER DATABASE ${quoteIdent(name)} SET pg_stat_statements.track_planning = on`);
  await admin.close();
  const db = await openPostgres(benchDbUrl(size), { max: 4, statementTimeoutMs: 0 });
  await migrate(db);
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const [info] = await db.query<{ size: string | null; n: number }>(
    "SELECT (SELECT value->>'size' FROM dataset_info WHERE key = 'region') AS size, (SELECT count(*)::int FROM admin_area) AS n",
  );
  if (info!.n > 0 && info!.size !== size) throw new Error(`${name} holds a '${info!.size}' region, not '${size}': drop it and run again`);
  if (info!.n === 0) {
    log(`[bench] generating the ${size} region into ${name} (once; later runs reuse it) ...`);
    const t0 = Date.now();
    let last = 0;
    await seedDemo(db, {
      seed: 4304,
      size,
      asOf: AS_OF,
      onProgress: (p) => {
        if (Date.now() - last < 3000) return;
        last = Date.now();
        const el = (Date.now() - t0) / 1000;
        const eta = p.overall > 0.02 ? `, about ${Math.round((el / p.overall) * (1 - p.overall))} s left` : '';
        log(`[bench] ${(p.overall * 100).toFixed(0)}% ${p.step} ${p.done}/${p.total}, ${el.toFixed(0)} s${eta}`);
      },
    });
    log(`[bench] region generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await db.exec('ANALYZE');
  }
  return db;
}

/** A user whose jurisdiction is the whole region, so that every tile carries everything in it. */
export async function benchUser(db: Database): Promise<{ token: string; prefix: string }> {
  const [root] = await db.query<{ code: string }>("SELECT code FROM admin_area WHERE valid_to IS NULL ORDER BY length(rtrim(code, '0')), code LIMIT 1");
  await db.query(
    `WITH u AS (
       INSERT INTO app_user (username, display_name, role, jurisdiction_code) VALUES ('bench', 'bench', 'admin', $1)
       ON CONFLICT (username) DO UPDATE SET jurisdiction_code = EXCLUDED.jurisdiction_code RETURNING id)
     INSERT INTO api_token (user_id, token_sha256, label) SELECT id, $2, 'bench' FROM u ON CONFLICT (token_sha256) DO NOTHING`,
    [root!.code, sha256Hex(BENCH_TOKEN)],
  );
  return { token: BENCH_TOKEN, prefix: scopePrefix(root!.code) };
}

export interface Tile {
  z: number;
  x: number;
  y: number;
}

/** Tiles at zooms 5..14 under village label points spread evenly through the region (fixed, ~60 per zoom). */
export async function tileSet(db: Database): Promise<Tile[]> {
  const pts = await db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM (
       SELECT label_point, row_number() OVER (ORDER BY code) r, count(*) OVER () c FROM admin_area WHERE level = 'village') q
     WHERE r % greatest(1, c / 60) = 0 ORDER BY r LIMIT 60`,
  );
  const tiles: Tile[] = [];
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
