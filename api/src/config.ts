/** Configuration from the environment; every setting has a default that runs the demo. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

export interface Config {
  /** PostgreSQL + PostGIS server; unset → the embedded database in dataDir. */
  databaseUrl?: string;
  /** Folder of the embedded database (ignored with databaseUrl). */
  dataDir: string;
  port: number;
  host: string;
  /** Built web app to serve at /; absent in API-only runs. */
  webDist: string;
  /** Seed the demo region into an empty database on start. */
  seedDemo: boolean;
  demoSize: string;
  demoSeed: number;
  /** A raster basemap under our layers: an XYZ template or pmtiles:/path (see basemap/). Absent → own data only. */
  basemap?: { source: string; datum: 'wgs84' | 'gcj02'; attribution: string; maxzoom: number };
  /** PostgreSQL connection pool: size, bounded wait queue, wait and statement timeouts (see db/postgres.ts). */
  pool: { max: number; maxWaiting: number; waitMs: number; statementTimeoutMs: number };
  /** In-process tile cache bounds, and how long a write waits for other processes to drop its tiles (tiles/). */
  tileCache: { maxBytes: number; maxEntries: number; ttlMs: number; syncTimeoutMs: number };
  /** Check-in: an inspection recorded farther than this from its site is flagged for the office (not refused). */
  inspection: { farFromSiteM: number };
}

/** A non-negative integer setting, or its default. */
function intFrom(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const v = env[name];
  if (v === undefined || v === '') return def;
  if (!/^\d{1,12}$/.test(v)) throw new Error(`${name} must be a non-negative integer, got '${v}'`);
  return Number(v);
}

function basemapFrom(env: NodeJS.ProcessEnv): Config['basemap'] {
  if (!env.BASEMAP) return undefined;
  const datum = (env.BASEMAP_DATUM ?? 'wgs84').toLowerCase();
  if (datum !== 'wgs84' && datum !== 'gcj02') throw new Error(`BASEMAP_DATUM must be wgs84 or gcj02, got '${env.BASEMAP_DATUM}'`);
  return { source: env.BASEMAP, datum, attribution: env.BASEMAP_ATTRIBUTION ?? '', maxzoom: Number(env.BASEMAP_MAXZOOM ?? 18) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? resolve(repoRoot, '.data/pglite')),
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    webDist: resolve(env.WEB_DIST ?? resolve(repoRoot, 'web/dist')),
    seedDemo: env.SEED_DEMO !== '0',
    demoSize: env.DEMO_SIZE ?? 'demo',
    demoSeed: Number(env.DEMO_SEED ?? 4304),
    basemap: basemapFrom(env),
    pool: {
      max: intFrom(env, 'DB_POOL_MAX', 10),
      maxWaiting: intFrom(env, 'DB_POOL_QUEUE', 200),
      waitMs: intFrom(env, 'DB_POOL_WAIT_MS', 5000),
      statementTimeoutMs: intFrom(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000),
    },
    tileCache: {
      maxBytes: intFrom(env, 'TILE_CACHE_MB', 256) * 1024 * 1024,
      maxEntries: intFrom(env, 'TILE_CACHE_ENTRIES', 200_000),
      ttlMs: intFrom(env, 'TILE_CACHE_TTL_S', 900) * 1000,
      syncTimeoutMs: intFrom(env, 'TILE_SYNC_TIMEOUT_MS', 2000),
    },
    inspection: { farFromSiteM: intFrom(env, 'INSPECTION_FAR_M', 300) },
  };
}
