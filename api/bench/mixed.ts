/**
 * A realistic mix on the province region, as the console and its users make it: map tiles (most of the traffic,
 * half of them already cached), OGC features of a small area, details of an area or a firm, and search — with
 * 1, 4, 16 and 64 clients; then each kind alone with one client, so that a slow kind shows by name. Requests are
 * fixed (seeded choice), so runs compare. Part of `pnpm bench`; alone: `tsx api/bench/mixed.ts [size] [seconds]`.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Database } from 'db';
import { LAYERS } from '../src/layers/registry.js';
import { load, type LoadResult } from './clients.js';
import { AS_OF, benchDbUrl, benchUser, ensureRegion, tileSet } from './region.js';
import { startApi } from './servers.js';

/** Deterministic choice (mulberry32), so every run sends the same requests. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'tile' | 'features' | 'details' | 'search';

export interface MixedRequests {
  paths: string[];
  mix: Record<Kind, number>;
  /** The same requests by kind. */
  byKind: Record<Kind, string[]>;
}

/** 2000 requests in the proportions of real use, chosen with a fixed seed from the region in `db`. */
export async function mixedRequests(db: Database): Promise<MixedRequests> {
  const tiles = await tileSet(db);
  const areas = await db.query<{ code: string; lon: number; lat: number }>(
    "SELECT code, ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE level IN ('township', 'village') AND valid_to IS NULL ORDER BY md5(code) LIMIT 400",
  );
  const firms = await db.query<{ id: number }>('SELECT id FROM firm ORDER BY md5(id::text) LIMIT 200');
  const names = await db.query<{ name: string }>("SELECT DISTINCT left(name, 2) AS name FROM admin_area WHERE level = 'township' LIMIT 100");
  const r = rng(4304);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const paths: string[] = [];
  const byKind: Record<Kind, string[]> = { tile: [], features: [], details: [], search: [] };
  const add = (kind: Kind, path: string) => (paths.push(path), byKind[kind].push(path));
  for (let i = 0; i < 2000; i++) {
    const u = r();
    if (u < 0.6) {
      const def = pick(LAYERS.filter((l) => l.visible));
      const t = pick(tiles.filter((x) => x.z >= def.minzoom));
      // Half the tiles at another date: not yet cached on the first pass.
      add('tile', `/api/tiles/${def.id}/${t.z}/${t.x}/${t.y}.mvt?as_of=${r() < 0.5 ? AS_OF : '2026-06-01'}`);
    } else if (u < 0.7) {
      const a = pick(areas);
      const d = 0.02;
      add('features', `/api/ogc/collections/${pick(['firms', 'venues', 'checkpoints', 'grids'])}/items?limit=50&bbox=${(a.lon - d).toFixed(4)},${(a.lat - d).toFixed(4)},${(a.lon + d).toFixed(4)},${(a.lat + d).toFixed(4)}`);
    } else if (u < 0.85) {
      add('details', r() < 0.6 ? `/api/areas/${pick(areas).code}?as_of=${AS_OF}` : `/api/firms/${pick(firms).id}`);
    } else {
      add('search', `/api/search?q=${encodeURIComponent(pick(names).name)}`);
    }
  }
  const mix = Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v.length])) as Record<Kind, number>;
  return { paths, mix, byKind };
}

const show = (label: string, res: LoadResult) =>
  `${label}: ${res.rps.toFixed(0).padStart(6)} req/s   latency ms p50 ${res.p50.toFixed(2)}  p95 ${res.p95.toFixed(2)}  p99 ${res.p99.toFixed(2)}   ${res.non2xx} non-2xx, ${res.errors} errors   (load average ${loadavg()[0]!.toFixed(2)})`;

export async function mixedLoad(size: string, seconds: number): Promise<Record<string, LoadResult>> {
  const db = await ensureRegion(size);
  const { token } = await benchUser(db);
  const auth = { Authorization: `Bearer ${token}` };
  const { paths, mix, byKind } = await mixedRequests(db);
  await db.close();
  console.log(`\n== mixed load, ${size}: ${mix.tile} tiles, ${mix.features} feature queries, ${mix.details} details, ${mix.search} searches, cycled; ${seconds} s per level ==`);
  const api = await startApi(benchDbUrl(size));
  const out: Record<string, LoadResult> = {};
  try {
    for (const clients of [1, 4, 16, 64]) {
      const res = await load(api.url, paths, clients, seconds, auth);
      out[clients] = res;
      console.log(show(`${String(clients).padStart(3)} clients`, res));
    }
    // Tiles and features alone are mostly cached by now; details and search are not cached by the API.
    for (const kind of ['details', 'search', 'features', 'tile'] as const) {
      const res = await load(api.url, byKind[kind], 1, seconds, auth);
      out[kind] = res;
      console.log(show(`${kind.padStart(8)}, 1 client`, res));
    }
  } finally {
    await api.stop();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await mixedLoad(process.argv[2] ?? 'province', Number(process.argv[3] ?? 5));
