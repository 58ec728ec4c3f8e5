/** Vector tiles from the API on PostGIS, decoded with a real MVT decoder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from 'api/src/layers/registry.js';
import { authHeader, testApp } from '../support/test-app.js';
import { decodeTile, lonLatToTile, tilesCovering } from '../support/tiles.js';
import { chinaToday } from 'domain/time';
import { buildTileSql } from 'api/src/tiles/tile-sql.js';
import { bindNamed } from 'api/src/tiles/named-params.js';

let t: Awaited<ReturnType<typeof testApp>>;
let cityBBox: [number, number, number, number];

beforeAll(async () => {
  t = await testApp();
  const [row] = await t.db.query<{ w: number; s: number; e: number; n: number }>(
    "SELECT ST_XMin(geom) w, ST_YMin(geom) s, ST_XMax(geom) e, ST_YMax(geom) n FROM admin_area WHERE level = 'city' AND valid_to IS NULL LIMIT 1",
  );
  cityBBox = [row!.w, row!.s, row!.e, row!.n];
});
afterAll(() => t.close());

const get = (url: string, user: Parameters<typeof authHeader>[0] = 'city_office', headers: Record<string, string> = {}) =>
  t.app.request(url, { headers: { ...authHeader(user), ...headers } });

async function featuresIn(layer: string, tiles: { z: number; x: number; y: number }[], user: Parameters<typeof authHeader>[0] = 'city_office', query = '') {
  const all = [];
  for (const { z, x, y } of tiles) {
    const res = await get(`/api/tiles/${layer}/${z}/${x}/${y}.mvt${query}`, user);
    expect([200, 204]).toContain(res.status);
    if (res.status === 200) {
      expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      const decoded = decodeTile(await res.arrayBuffer());
      expect(Object.keys(decoded)).toEqual([layer]);
      all.push(...decoded[layer]!);
    }
  }
  return all;
}

describe('tiles', () => {
  it('every layer yields features with ids and its catalogue properties somewhere in the demo city', async () => {
    for (const def of LAYERS) {
      const z = Math.max(def.minzoom, def.clusterBelowZoom ?? 0, 9);
      const centre = [(cityBBox[0] + cityBBox[2]) / 2, (cityBBox[1] + cityBBox[3]) / 2] as const;
      // Grids and venues are small: look at a block of tiles around the centre at their zoom.
      const c = lonLatToTile(centre[0], centre[1], z);
      const span = z >= 12 ? 2 : 1;
      const tiles = [];
      for (let dx = -span; dx <= span; dx++) for (let dy = -span; dy <= span; dy++) tiles.push({ z, x: c.x + dx, y: c.y + dy });
      const features = await featuresIn(def.id, z <= 10 ? tilesCovering(cityBBox, z) : tiles);
      expect(features.length, `${def.id} at z${z}`).toBeGreaterThan(0);
      const f = features[0]!;
      expect(typeof f.id).toBe('number');
      const expectedType = def.geometryType === 'Point' ? 1 : def.geometryType === 'LineString' ? 2 : 3;
      expect(f.type).toBe(expectedType);
      // Every non-null catalogue field is a property; the name is always there for named layers.
      if (def.fields.some((x) => x.name === 'name')) expect(typeof f.properties.name).toBe('string');
      for (const key of Object.keys(f.properties)) expect(def.fields.map((x) => x.name)).toContain(key);
    }
  });

  it('townships carry their listing class, and the class follows as_of', async () => {
    const [listed] = await t.db.query<{ area_code: string; listed_on: string }>(
      "SELECT l.area_code, l.listed_on FROM listing l JOIN admin_area a ON a.code = l.area_code AND a.level = 'township' ORDER BY l.listed_on LIMIT 1",
    );
    expect(listed).toBeTruthy();
    const [pt] = await t.db.query<{ lon: number; lat: number }>('SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE code = $1', [listed!.area_code]);
    const tile = lonLatToTile(pt!.lon, pt!.lat, 11);
    const before = new Date(new Date(listed!.listed_on).getTime() - 86_400_000).toISOString().slice(0, 10);
    const at = (features: Awaited<ReturnType<typeof featuresIn>>) => features.find((f) => f.properties.code === listed!.area_code)!;
    const early = at(await featuresIn('townships', [tile], 'city_office', `?as_of=${before}`));
    const onDay = at(await featuresIn('townships', [tile], 'city_office', `?as_of=${listed!.listed_on}`));
    expect(early.properties.listing_class).toBe('none');
    expect(['key_rectification', 'key_supervision', 'key_attention']).toContain(onDay.properties.listing_class);
  });

  it('points cluster below their cluster zoom and are single features above it', async () => {
    const low = await featuresIn('firms', tilesCovering(cityBBox, 8));
    expect(low.every((f) => f.properties.cluster === true && Number(f.properties.point_count) >= 1)).toBe(true);
    const total = low.reduce((s, f) => s + Number(f.properties.point_count), 0);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int n FROM firm')) as [{ n: number }];
    expect(total).toBe(n);
  });

  it('a county office sees only its own county', async () => {
    const features = await featuresIn('townships', tilesCovering(cityBBox, 9), 'county_office');
    const [{ jurisdiction_code }] = (await t.db.query<{ jurisdiction_code: string }>("SELECT jurisdiction_code FROM app_user WHERE username = 'county_office'")) as [{ jurisdiction_code: string }];
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) expect(String(f.properties.code).startsWith(jurisdiction_code.slice(0, 6))).toBe(true);
    const cityWide = await featuresIn('townships', tilesCovering(cityBBox, 9), 'city_office');
    expect(new Set(cityWide.map((f) => f.properties.code)).size).toBeGreaterThan(new Set(features.map((f) => f.properties.code)).size);
  });

  it('answers 304 to a matching If-None-Match and 204 to an empty tile', async () => {
    const [c] = tilesCovering(cityBBox, 9);
    const first = await get(`/api/tiles/townships/${c!.z}/${c!.x}/${c!.y}.mvt`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`/api/tiles/townships/${c!.z}/${c!.x}/${c!.y}.mvt`, 'city_office', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    // The middle of the Pacific has no township; zoom 2 is below the layer's range.
    expect((await get('/api/tiles/townships/9/10/200.mvt')).status).toBe(204);
    expect((await get('/api/tiles/townships/2/3/1.mvt')).status).toBe(204);
  });

  it('refuses bad addresses with a problem naming the parameter', async () => {
    const cases: [string, number, string][] = [
      ['/api/tiles/nope/1/0/0.mvt', 404, 'layer'],
      ['/api/tiles/townships/23/0/0.mvt', 400, 'z'],
      ['/api/tiles/townships/-1/0/0.mvt', 400, 'z'],
      ['/api/tiles/townships/3/8/0.mvt', 400, 'x'],
      ['/api/tiles/townships/3/0/8.mvt', 400, 'y'],
      ['/api/tiles/townships/a/0/0.mvt', 400, 'z'],
      ['/api/tiles/townships/3/1e1/0.mvt', 400, 'x'],
      ["/api/tiles/townships/9/420/220.mvt?as_of=2024-01-01'%20OR%201=1--", 400, 'as_of'],
      ['/api/tiles/townships/9/420/220.mvt?as_of=2025-02-30', 400, 'as_of'],
    ];
    for (const [url, status, param] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { param?: string; status: number; title: string };
      expect(body.param, url).toBe(param);
      expect(body.status).toBe(status);
    }
  });

  it('shows a listing made through the API at once, not a cached tile from before it', async () => {
    const [tw] = await t.db.query<{ code: string; lon: number; lat: number }>(
      `SELECT a.code, ST_X(a.label_point) lon, ST_Y(a.label_point) lat FROM admin_area a
       WHERE a.level = 'township' AND a.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.area_code = a.code)
       ORDER BY a.code LIMIT 1`,
    );
    const today = chinaToday(); // the API's today (China's date)
    const tile = [lonLatToTile(tw!.lon, tw!.lat, 11)];
    const classOf = async () => (await featuresIn('townships', tile, 'city_office', `?as_of=${today}`)).find((f) => f.properties.code === tw!.code)!.properties.listing_class;
    expect(await classOf()).toBe('none'); // now cached
    const res = await t.app.request('/api/listings', {
      method: 'POST',
      headers: { ...authHeader('city_office'), 'content-type': 'application/json' },
      body: JSON.stringify({ area_code: tw!.code, grade: 'key_attention', categories: ['drug_abuse'], listed_on: today }),
    });
    expect(res.status).toBe(201);
    try {
      expect(await classOf()).toBe('key_attention');
    } finally {
      await t.db.query('DELETE FROM listing WHERE area_code = $1', [tw!.code]);
    }
  });

  it("every tile statement's generic plan reads its table through the spatial index, whatever the jurisdiction", async () => {
    // The API prepares tile statements; after five runs PostgreSQL may keep one plan for every tile that does not
    // know the prefix. That plan must still find a tile's rows by the tile's box, not by walking the code index
    // over the whole jurisdiction (at province scale: every row of the table for each tile).
    const indexConds: string[] = [];
    const walk = (n: Record<string, unknown>) => {
      if (typeof n['Index Cond'] === 'string') indexConds.push(`${n['Index Name']}: ${n['Index Cond']}`);
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    await t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
      for (const def of LAYERS) {
        const sql = buildTileSql(def);
        for (const z of new Set([def.minzoom, def.clusterBelowZoom ?? def.minzoom, 12, 14].filter((z) => z >= def.minzoom))) {
          const q = sql.mvt(z);
          const name = `plan_${def.id}_${z}`;
          await tx.exec(`PREPARE ${name} AS ${q.text}`);
          const args = bindNamed(q, { z, x: 0, y: 0, prefix: '43', asOf: '2026-11-01' }).map((v) => (typeof v === 'number' ? String(v) : `'${String(v)}'`));
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${args.join(', ')})`);
          indexConds.length = 0;
          walk(row!['QUERY PLAN'][0].Plan);
          // Index names start with their table's; grid_cell_dated is a view over grid_cell and grid_cell_version.
          const onTable = indexConds.filter((c) => c.startsWith((def.asOf?.table ?? def.table).replace(/_dated$/, '')));
          expect(onTable.length, `${def.id} z${z}: ${indexConds.join(' | ')}`).toBeGreaterThan(0);
          for (const c of onTable) expect(c, `${def.id} z${z}`).toMatch(/&&/);
          await tx.exec(`DEALLOCATE ${name}`);
        }
      }
    });
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.request('/api/tiles/townships/9/420/220.mvt');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
