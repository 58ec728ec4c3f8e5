/**
 * Configuration from the environment, validated once at start (zod): a wrong value stops the server with a message
 * naming the variable, instead of surfacing later as a strange failure. Every setting has a default; the defaults
 * run the embedded demo, and a server (DATABASE_URL) gets no demo data or accounts unless SEED_DEMO=1.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BasemapConfigError, planBasemap, type BasemapPlan } from './basemap/plan.js';
import { parseTrustedProxies, type TrustedProxies } from './http/client-address.js';

/** The repository (or installed app) root: the nearest folder up from here holding pnpm-workspace.yaml. */
function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

/** Region sizes of the demo generator (geodata/src/demo/sizes.ts; a unit test keeps the two lists equal). */
export const DEMO_SIZES = ['tiny', 'demo', 'county', 'city', 'province'] as const;

export const MIB = 1024 * 1024;

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');
const integer = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
/** A size in bytes: 65536, 64k, 20m. */
const bytes = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+\s*[kKmM]?$/, 'must be a size in bytes, e.g. 65536, 64k or 20m')
    .transform((s) => {
      const unit = s.slice(-1).toLowerCase();
      return Number.parseInt(s, 10) * (unit === 'k' ? 1024 : unit === 'm' ? MIB : 1);
    })
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, e.g. postgres://user:password@db/grid')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).optional(),
  PORT: integer(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_DIST: z.string().min(1).optional(),
  SEED_DEMO: flag.optional(),
  DEMO_SIZE: z.enum(DEMO_SIZES).default('demo'),
  DEMO_SEED: integer(1, 2 ** 31 - 1).default(4304),
  BASEMAP: z.string().min(1).optional(),
  BASEMAP_DATUM: z.string().toLowerCase().pipe(z.enum(['wgs84', 'gcj02'], 'must be wgs84 or gcj02')).default('wgs84'),
  BASEMAP_ATTRIBUTION: z.string().default(''),
  BASEMAP_MAXZOOM: integer(0, 24).optional(),
  BASEMAP_STYLE: z.string().min(1).optional(),
  TRUST_PROXY: z.string().default(''),
  COOKIE_SECURE: z.enum(['auto', '0', '1']).default('auto'),
  PUBLIC_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://grid.example.gov.cn (scheme and host, no path)')
    .optional(),
  JSON_BODY_LIMIT: bytes(1024, 16 * MIB).default(64 * 1024),
  IMPORT_MAX_BYTES: bytes(1024, 512 * MIB).default(20 * MIB),
  DB_POOL_MAX: integer(1, 1000).default(10),
  DB_POOL_QUEUE: integer(0, 100_000).default(200),
  DB_POOL_WAIT_MS: integer(0, 600_000).default(5000),
  DB_STATEMENT_TIMEOUT_MS: integer(0, 3_600_000).default(30_000),
  TILE_CACHE_MB: integer(0, 64 * 1024).default(256),
  TILE_CACHE_ENTRIES: integer(0, 100_000_000).default(200_000),
  TILE_CACHE_TTL_S: integer(0, 30 * 86_400).default(900),
  TILE_SYNC_TIMEOUT_MS: integer(0, 600_000).default(2000),
  INSPECTION_FAR_M: integer(10, 100_000).default(300),
  API_WORKERS: integer(1, 256).optional(),
  READ_DATABASE_URLS: z
    .string()
    .transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'must be comma-separated postgres:// URLs of hot standbys')).max(16))
    .default([]),
  READ_REPLICA_MAX_LAG_MS: integer(0, 3_600_000).default(2000),
  READ_REPLICA_PROBE_MS: integer(50, 600_000).default(500),
});

export interface Config {
  /** PostgreSQL + PostGIS server; unset → the embedded database in dataDir. */
  databaseUrl?: string;
  /** Folder of the embedded database (ignored with databaseUrl). */
  dataDir: string;
  port: number;
  host: string;
  /** Built web app to serve at /; absent in API-only runs. */
  webDist: string;
  /**
   * The demo: generate the demo region into an empty database and keep the demo accounts (password 'demo',
   * tokens 'demo-<username>') active. On by default only for the embedded database.
   */
  seedDemo: boolean;
  demoSize: string;
  demoSeed: number;
  /**
   * A basemap under our layers (BASEMAP…, see basemap/plan.ts): a raster XYZ service or PMTiles archive, or a vector
   * PMTiles archive with its generated or own style, checked at start. Absent → own data only.
   */
  basemap?: BasemapPlan;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (TRUST_PROXY); nobody by default. */
  trustedProxies: TrustedProxies;
  /** Session cookie `Secure`: 'auto' when the request came over HTTPS (directly or via a trusted proxy). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** The console's public origin; state-changing requests from any other Origin are refused. Unset → the Host. */
  publicOrigin?: string;
  /** Largest JSON request body, in bytes (refused with 413 before it is read). */
  jsonBodyLimit: number;
  /** Largest uploaded file (lab imports), in bytes. */
  importMaxBytes: number;
  /** Hot standbys of databaseUrl that take the reads (db/replicated.ts); empty: the primary serves everything. */
  readDatabaseUrls: string[];
  /** A replica further behind than maxLagMs leaves the read pool; every server is probed each probeIntervalMs. */
  readReplicas: { maxLagMs: number; probeIntervalMs: number };
  /** PostgreSQL connection pool (per server): size, bounded wait queue, wait and statement timeouts (see db/postgres.ts). */
  pool: { max: number; maxWaiting: number; waitMs: number; statementTimeoutMs: number };
  /** In-process tile cache bounds, and how long a write waits for other processes to drop its tiles (tiles/). */
  tileCache: { maxBytes: number; maxEntries: number; ttlMs: number; syncTimeoutMs: number };
  /** Processes started by `pnpm start:cluster` (cluster.ts); the number of cores unless API_WORKERS says. */
  workers: number;
  /** Check-in: an inspection recorded farther than this from its site is flagged for the office (not refused). */
  inspection: { farFromSiteM: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string; value?: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}${p.value === undefined ? '' : ` (got '${p.value}')`}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (SEED_DEMO= in a compose file) means unset.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const variable = String(i.path[0] ?? '?');
        // Connection URLs carry passwords: the message shows them without.
        const value = /_URLS?$/.test(variable) ? env[variable]?.replace(/\/\/[^@/,]*@/g, '//…@') : env[variable];
        return { variable, message: i.message, value };
      }),
    );
  }
  const e = parsed.data;
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(e.TRUST_PROXY);
  } catch (err) {
    throw new ConfigError([{ variable: 'TRUST_PROXY', message: (err as Error).message, value: e.TRUST_PROXY }]);
  }
  let basemap: BasemapPlan | undefined;
  if (!e.BASEMAP && e.BASEMAP_STYLE) throw new ConfigError([{ variable: 'BASEMAP_STYLE', message: 'needs BASEMAP (a vector PMTiles archive, pmtiles:/path)' }]);
  try {
    basemap = e.BASEMAP ? planBasemap({ source: e.BASEMAP, datum: e.BASEMAP_DATUM, attribution: e.BASEMAP_ATTRIBUTION, maxzoom: e.BASEMAP_MAXZOOM, stylePath: e.BASEMAP_STYLE }) : undefined;
  } catch (err) {
    if (!(err instanceof BasemapConfigError)) throw err;
    throw new ConfigError([{ variable: err.variable, message: err.message, value: env[err.variable] }]);
  }
  if (e.READ_DATABASE_URLS.length && !e.DATABASE_URL) {
    throw new ConfigError([{ variable: 'READ_DATABASE_URLS', message: 'needs DATABASE_URL (the primary); the embedded database has no replicas' }]);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ? resolve(e.DATA_DIR) : resolve(APP_ROOT, '.data/pglite'),
    port: e.PORT,
    host: e.HOST,
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : resolve(APP_ROOT, 'web/dist'),
    // Secure default: a server gets the demo only when asked; the zero-install embedded start gets it unasked.
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    demoSize: e.DEMO_SIZE,
    demoSeed: e.DEMO_SEED,
    basemap,
    trustedProxies,
    cookieSecure: e.COOKIE_SECURE === '1' ? 'always' : e.COOKIE_SECURE === '0' ? 'never' : 'auto',
    publicOrigin: e.PUBLIC_ORIGIN,
    jsonBodyLimit: e.JSON_BODY_LIMIT,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    readDatabaseUrls: e.READ_DATABASE_URLS,
    readReplicas: { maxLagMs: e.READ_REPLICA_MAX_LAG_MS, probeIntervalMs: e.READ_REPLICA_PROBE_MS },
    pool: { max: e.DB_POOL_MAX, maxWaiting: e.DB_POOL_QUEUE, waitMs: e.DB_POOL_WAIT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
    tileCache: { maxBytes: e.TILE_CACHE_MB * MIB, maxEntries: e.TILE_CACHE_ENTRIES, ttlMs: e.TILE_CACHE_TTL_S * 1000, syncTimeoutMs: e.TILE_SYNC_TIMEOUT_MS },
    workers: e.API_WORKERS ?? availableParallelism(),
    inspection: { farFromSiteM: e.INSPECTION_FAR_M },
  };
}

/** The configuration of a command or server process, or exit 2 with the problems named (tag: `[api]`, `[migrate]`). */
export function loadConfigOrExit(tag: string, env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`[${tag}] ${err.message}`);
    process.exit(2);
  }
}
