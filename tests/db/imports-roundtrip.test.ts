/**
 * The round trip of issue #9: export the demo region (every importable layer, through GET /api/exports as a city
 * office would), import it into an empty database (through POST /api/imports as that database's admin) and get
 * the same features back; and the same export converted to GCJ-02, imported with datum=gcj02, reads as unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from 'api/src/auth/password.js';
import type { Database } from 'db';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { quoteIdent } from 'db';
import { ADMIN_DATABASE_URL, TEST_DATABASE_URL } from '../support/env.js';
import { authHeader, testApp } from '../support/test-app.js';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let source: Awaited<ReturnType<typeof testApp>>;
let target: Awaited<ReturnType<typeof testApp>>;
let targetDb: Database;
const emptyUrl = TEST_DATABASE_URL.replace(/\/([^/?]+)(\?|$)/, '/$1_roundtrip$2');
const emptyName = decodeURIComponent(new URL(emptyUrl).pathname.slice(1));
const TARGET_TOKEN = 'roundtrip-admin-token';

/** Layers in the order their parents need, and the format each travels in (all three formats get used). */
const LAYERS: [string, 'shp.zip' | 'geojson' | 'csv'][] = [
  ['counties', 'shp.zip'], ['townships', 'shp.zip'], ['villages', 'shp.zip'], ['grids', 'geojson'],
  ['wastewater_sites', 'csv'], ['catchments', 'geojson'], ['checkpoints', 'csv'], ['firms', 'csv'], ['venues', 'shp.zip'],
];

async function download(app: App, path: string, headers: Record<string, string>): Promise<Uint8Array> {
  const res = await app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function upload(app: App, bytes: Uint8Array, name: string, query: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const res = await app.request(`/api/imports?${query}`, { method: 'POST', headers, body: form });
  return { status: res.status, json: (await res.json()) as any };
}

const geojsonOf = async (app: App, layer: string, headers: Record<string, string>) =>
  JSON.parse(new TextDecoder().decode(await download(app, `/api/exports/${layer}.geojson`, headers))) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };

beforeAll(async () => {
  source = await testApp();
  const admin = await openPostgres(ADMIN_DATABASE_URL, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(emptyName)} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${quoteIdent(emptyName)}`);
  await admin.close();
  targetDb = await openPostgres(emptyUrl, { max: 4 });
  await migrate(targetDb);
  const [city] = await source.db.query<{ code: string }>(`SELECT jurisdiction_code AS code FROM app_user WHERE username = 'city_office'`);
  await targetDb.query(
    `WITH u AS (INSERT INTO app_user (username, display_name, role, jurisdiction_code) VALUES ('office_admin', '数据管理员', 'admin', $1) RETURNING id)
     INSERT INTO api_token (user_id, token_sha256, label, read_only) SELECT id, $2, 'test', false FROM u`,
    [city!.code, sha256Hex(TARGET_TOKEN)],
  );
  target = await testApp(targetDb);
}, 300_000);

afterAll(async () => {
  await source?.close();
  await targetDb?.close();
  const admin = await openPostgres(ADMIN_DATABASE_URL, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(emptyName)} WITH (FORCE)`);
  await admin.close();
});

describe('export the demo region, import it into an empty database', () => {
  it('imports every layer and gets the same features back', async () => {
    const office = authHeader('city_office');
    const targetAuth = { Authorization: `Bearer ${TARGET_TOKEN}` };
    for (const [layer, format] of LAYERS) {
      const bytes = await download(source.app, `/api/exports/${layer}.${format}`, office);
      // The demo region's own small gaps between villages travel with it: the office accepts them knowingly.
      const r = await upload(target.app, bytes, `${layer}.${format}`, `layer=${layer}&accept=gap,outside_parent&valid_from=2026-01-01${format === 'csv' ? '&datum=wgs84' : ''}`, targetAuth);
      expect(r.status, `${layer}: ${JSON.stringify(r.json.report?.problems?.slice(0, 3) ?? r.json.problems?.slice(0, 3) ?? r.json)}`).toBe(201);
      expect(r.json.counts.changed, layer).toBe(0);
      expect(r.json.counts.unchanged, layer).toBe(0);

      const before = await geojsonOf(source.app, layer, office);
      const after = await geojsonOf(target.app, layer, targetAuth);
      expect(after.features.length, layer).toBe(before.features.length);
      const strip = (p: Record<string, unknown>) => {
        const { valid_from: _f, valid_to: _t, ...rest } = p;
        return rest;
      };
      const key = layer === 'firms' ? 'credit_code' : 'code';
      const sort = (fs: typeof before.features) => [...fs].sort((a, b) => String(a.properties[key]).localeCompare(String(b.properties[key])));
      expect(sort(after.features).map((f) => strip(f.properties)), layer).toEqual(sort(before.features).map((f) => strip(f.properties)));
      // Geometry: the same within a centimetre (GeoJSON carries 7 decimals; rings may start elsewhere or turn the other way).
      const [worst] = await targetDb.query<{ d: number }>(
        `SELECT max(ST_HausdorffDistance(ST_GeomFromGeoJSON(a), ST_GeomFromGeoJSON(b))) AS d FROM unnest($1::text[], $2::text[]) AS x(a, b)`,
        [sort(before.features).map((f) => JSON.stringify(f.geometry)), sort(after.features).map((f) => JSON.stringify(f.geometry))],
      );
      expect(worst!.d, layer).toBeLessThan(1e-6);
    }
  });

  it('the same export converted to GCJ-02 and imported with datum=gcj02 reads as unchanged', async () => {
    const office = authHeader('city_office');
    for (const [layer, format] of [['villages', 'geojson'], ['grids', 'shp.zip'], ['firms', 'csv']] as const) {
      const bytes = await download(source.app, `/api/exports/${layer}.${format}?datum=gcj02`, office);
      const r = await upload(source.app, bytes, `${layer}-gcj02.${format}`, `layer=${layer}&datum=gcj02&dry_run=1`, office);
      const [n] = await source.db.query<{ n: number }>(
        layer === 'villages' ? `SELECT count(*)::int AS n FROM admin_area WHERE level = 'village' AND valid_to IS NULL` : `SELECT count(*)::int AS n FROM ${layer === 'grids' ? 'grid_cell' : 'firm'}`);
      expect(r.json.counts, layer).toMatchObject({ new: 0, changed: 0, unchanged: n!.n });
      expect(r.json.problems.filter((p: any) => p.rule !== 'gap'), layer).toEqual([]);
    }
  });
});
