/**
 * The same region in the embedded database (PGlite, tiles encoded in JS) and on the PostGIS server (ST_AsMVT):
 * every tile decodes to the same features — ids, geometry types, properties, and geometry within a tile unit or
 * two (the two paths make polygons valid in slightly different ways after snapping to the 4096 grid).
 * Geometry is compared that closely where a layer draws its full-resolution geometry. Below that zoom it draws the
 * generalised column, which each database computes with its own GEOS (PGlite 3.14, Debian 3.11): those shapes may
 * differ by the simplification tolerance, so there only ids, types and properties are compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from 'api/src/app.js';
import { loadConfig } from 'api/src/config.js';
import type { Database } from 'db';
import { openEmbedded } from 'db/embedded';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { LAYERS } from 'api/src/layers/registry.js';
import { seedDemo } from 'api/src/seeding/seed-demo.js';
import { ADMIN_DATABASE_URL } from '../support/env.js';
import { decodeTile, tilesCovering, type DecodedFeature } from '../support/tiles.js';

const REGION = { seed: 7, size: 'tiny', asOf: '2026-11-01' };
const SERVER_DB = 'grid_console_equiv_test';
const serverUrl = ADMIN_DATABASE_URL.replace(/\/postgres(\?|$)/, `/${SERVER_DB}$1`);

let embedded: Database;
let server: Database;
let apps: { embedded: ReturnType<typeof createApp>; server: ReturnType<typeof createApp> };
let bbox: [number, number, number, number];

async function prepare(db: Database) {
  await migrate(db);
  await seedDemo(db, REGION);
}

beforeAll(async () => {
  const admin = await openPostgres(ADMIN_DATABASE_URL, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${SERVER_DB} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${SERVER_DB}`);
  await admin.close();
  server = await openPostgres(serverUrl, { max: 2 });
  embedded = await openEmbedded('memory://');
  await Promise.all([prepare(server), prepare(embedded)]);
  const config = loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent' });
  apps = {
    embedded: createApp({ db: embedded, config, startup: { phase: 'ready' } }),
    server: createApp({ db: server, config, startup: { phase: 'ready' } }),
  };
  const [row] = await server.query<{ w: number; s: number; e: number; n: number }>(
    "SELECT ST_XMin(geom) w, ST_YMin(geom) s, ST_XMax(geom) e, ST_YMax(geom) n FROM admin_area WHERE level = 'county' LIMIT 1",
  );
  bbox = [row!.w, row!.s, row!.e, row!.n];
}, 600_000);

afterAll(async () => {
  await embedded?.close();
  await server?.close();
});

const headers = { Authorization: 'Bearer demo-admin' };

async function features(which: 'embedded' | 'server', url: string): Promise<DecodedFeature[]> {
  const res = await apps[which].app.request(url, { headers });
  expect([200, 204], `${which} ${url}`).toContain(res.status);
  if (res.status === 204) return [];
  return Object.values(decodeTile(await res.arrayBuffer())).flat();
}

describe('embedded and server databases', () => {
  it('are seeded with the same region', async () => {
    const count = (db: Database) => db.query<{ n: number }>('SELECT count(*)::int n FROM grid_cell');
    expect(await count(embedded)).toEqual(await count(server));
  });

  it('serve every layer as tiles that decode to the same features', async () => {
    // The two paths under comparison: ST_AsMVT on the server, the JS encoder on PGlite.
    expect(await server.supportsMvt()).toBe(true);
    expect(await embedded.supportsMvt()).toBe(false);
    let compared = 0;
    let geometryCompared = 0;
    for (const def of LAYERS) {
      const zooms = [Math.max(def.minzoom, 8), Math.max(def.minzoom, 12), 14];
      for (const z of [...new Set(zooms)]) {
        for (const { x, y } of tilesCovering(bbox, z).slice(0, 6)) {
          const url = `/api/tiles/${def.id}/${z}/${x}/${y}.mvt?as_of=2026-06-01`;
          const [a, b] = [await features('embedded', url), await features('server', url)];
          const byId = (fs: DecodedFeature[]) => new Map(fs.map((f) => [f.id, f]));
          const [ma, mb] = [byId(a), byId(b)];
          expect([...ma.keys()].sort(), url).toEqual([...mb.keys()].sort());
          for (const [id, fa] of ma) {
            const fb = mb.get(id)!;
            expect(fa.type, `${url} #${id}`).toBe(fb.type);
            expect(fa.properties, `${url} #${id}`).toEqual(fb.properties);
            if (!def.tileGeometry(z).includes('_lo')) {
              fa.bbox.forEach((v, i) => expect(Math.abs(v - fb.bbox[i]!), `${url} #${id} bbox`).toBeLessThanOrEqual(2));
              geometryCompared++;
            }
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(geometryCompared).toBeGreaterThan(50);
  });

  it('answer the catalogue, OGC items and search the same way', async () => {
    for (const url of ['/api/layers', '/api/ogc/collections/checkpoints/items?limit=5', '/api/search?q=%E6%9D%91']) {
      const [a, b] = await Promise.all([apps.embedded.app.request(url, { headers }), apps.server.app.request(url, { headers })]);
      expect(a.status).toBe(200);
      const strip = (j: Record<string, unknown>) => ({ ...j, timeStamp: undefined });
      expect(strip((await a.json()) as Record<string, unknown>), url).toEqual(strip((await b.json()) as Record<string, unknown>));
    }
  });
});
