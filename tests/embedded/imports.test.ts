/**
 * Imports on the embedded database (PGlite + PostGIS in WASM), the zero-install demo an office may first try:
 * the same staging, checks, diff and history-keeping write run there. The tiny region's villages go out as a
 * zipped Shapefile in Gauss–Krüger zone 38 and come back unchanged; a renamed village writes a new version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openEmbedded } from 'db/embedded';
import { migrate } from 'db/migrate';
import { authHeader, testApp } from '../support/test-app.js';
import { seedDemo } from 'api/src/seeding/seed-demo.js';

let db: Database;
let app: Awaited<ReturnType<typeof testApp>>['app'];

beforeAll(async () => {
  db = await openEmbedded('memory://');
  await migrate(db);
  // The server's seeding: the region and the demo accounts the requests below sign in with.
  await seedDemo(db, { seed: 4304, size: 'tiny', asOf: '2026-11-01' });
  ({ app } = await testApp(db));
});

afterAll(async () => {
  await db?.close();
});

async function roundTrip(query: string, edit?: (fc: any) => void) {
  const res = await app.request('/api/exports/villages.geojson?datum=EPSG:4526', { headers: authHeader('county_office') });
  expect(res.status).toBe(200);
  const fc = (await res.json()) as any;
  edit?.(fc);
  const form = new FormData();
  form.set('file', new Blob([JSON.stringify(fc)]), 'villages.geojson');
  const r = await app.request(`/api/imports?layer=villages&${query}`, { method: 'POST', headers: authHeader('county_office'), body: form });
  return { status: r.status, json: (await r.json()) as any, n: fc.features.length as number, fc };
}

describe('imports on the embedded database', () => {
  it('reads back its own Gauss–Krüger export as unchanged', async () => {
    const r = await roundTrip('dry_run=1');
    expect(r.status).toBe(200);
    expect(r.json.datum).toMatchObject({ id: 'EPSG:4526', source: 'file' });
    expect(r.json.counts).toMatchObject({ new: 0, changed: 0, unchanged: r.n });
  });

  it('writes a renamed village as a new version and keeps the old one', async () => {
    let code = '';
    const r = await roundTrip('valid_from=2026-11-02', (fc) => {
      code = fc.features[0].properties.code;
      fc.features[0].properties.name = '改名村';
    });
    expect(r.status, JSON.stringify(r.json.problems ?? r.json)).toBe(201);
    expect(r.json.counts).toMatchObject({ changed: 1, unchanged: r.n - 1 });
    const versions = await db.query<{ name: string; valid_to: string | null }>(`SELECT name, valid_to FROM admin_area WHERE code = $1 ORDER BY valid_from`, [code]);
    expect(versions.map((v) => v.valid_to)).toEqual(['2026-11-02', null]);
    expect(versions[1]!.name).toBe('改名村');
  });
});
