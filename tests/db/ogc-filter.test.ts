/** OGC API – Features Part 3 (filter, CQL2 text) on items and on tiles, checked against SQL written by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp } from '../support/test-app.js';
import { decodeTile, tilesCovering } from '../support/tiles.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.request(`http://console.test${url}`, { headers: authHeader('city_office') });
type Fc = { features: { id: number; properties: Record<string, unknown> }[]; numberMatched: number };
const items = async (collection: string, filter: string, extra = '') => {
  const res = await get(`/api/ogc/collections/${collection}/items?limit=10000&filter=${encodeURIComponent(filter)}${extra}`);
  expect(res.status, filter).toBe(200);
  return (await res.json()) as Fc;
};
const count = async (sql: string) => Number((await t.db.query<{ n: number }>(sql))[0]!.n);
const IN_CITY = "township_code LIKE '4380%'";

describe('OGC filter (CQL2 text)', () => {
  it('declares Part 3 and CQL2 conformance and lists each collection’s queryables', async () => {
    const conf = (await (await get('/api/ogc/conformance')).json()) as { conformsTo: string[] };
    for (const c of ['ogcapi-features-3/1.0/conf/filter', 'ogcapi-features-3/1.0/conf/features-filter', 'ogcapi-features-3/1.0/conf/queryables', 'cql2/1.0/conf/cql2-text', 'cql2/1.0/conf/basic-cql2', 'cql2/1.0/conf/advanced-comparison-operators']) {
      expect(conf.conformsTo).toContain(`http://www.opengis.net/spec/${c}`);
    }
    const res = await get('/api/ogc/collections/firms/queryables');
    expect(res.headers.get('content-type')).toMatch(/schema\+json/);
    const q = (await res.json()) as { properties: Record<string, { type: string; format?: string }> };
    expect(q.properties.category).toMatchObject({ type: 'number' });
    expect(q.properties.licence_expiry).toMatchObject({ type: 'string', format: 'date' });
  });

  it('filters items by comparisons, IN, LIKE, BETWEEN, IS NULL, NOT, AND/OR — the same rows as SQL', async () => {
    const cases: [string, string, string][] = [
      ['venues', "kind = 'ktv'", `SELECT count(*) n FROM venue WHERE ${IN_CITY} AND kind = 'ktv'`],
      ['venues', "kind IN ('ktv', 'bar') AND risk <> 'low'", `SELECT count(*) n FROM venue WHERE ${IN_CITY} AND kind IN ('ktv', 'bar') AND risk <> 'low'`],
      ['venues', "NOT (kind = 'hotel' OR kind = 'bar')", `SELECT count(*) n FROM venue WHERE ${IN_CITY} AND NOT (kind = 'hotel' OR kind = 'bar')`],
      ['firms', 'category = 1 OR category = 3', `SELECT count(*) n FROM firm WHERE ${IN_CITY} AND category IN (1, 3)`],
      ['firms', "licence_expiry < DATE('2027-06-01')", `SELECT count(*) n FROM firm WHERE ${IN_CITY} AND licence_expiry < DATE '2027-06-01'`],
      ['townships', 'population BETWEEN 20000 AND 40000', "SELECT count(*) n FROM admin_area WHERE level = 'township' AND valid_to IS NULL AND code LIKE '4380%' AND population BETWEEN 20000 AND 40000"],
      ['townships', "name LIKE '%镇'", "SELECT count(*) n FROM admin_area WHERE level = 'township' AND valid_to IS NULL AND code LIKE '4380%' AND name LIKE '%镇'"],
      ['checkpoints', 'road_ref IS NULL', "SELECT count(*) n FROM checkpoint WHERE county_code LIKE '4380%' AND road_ref IS NULL"],
    ];
    for (const [collection, filter, sql] of cases) {
      const expected = await count(sql);
      const fc = await items(collection, filter);
      expect(fc.numberMatched, `${collection}: ${filter}`).toBe(expected);
      expect(fc.features.length).toBe(Math.min(expected, 10000));
    }
    // Something to find, so the comparisons above are not all 0 = 0.
    expect((await items('venues', "kind = 'ktv'")).numberMatched).toBeGreaterThan(0);
  });

  it('reads a value meant to break out of the SQL as a value', async () => {
    const fc = await items('venues', "name = 'x'' OR ''1''=''1'");
    expect(fc.numberMatched).toBe(0);
  });

  it('answers 400 naming filter for a bad expression, and filter-lang for another language', async () => {
    for (const bad of ['nope = 1', "category = 'one'", 'name =', "name = 'open", 'S_INTERSECTS(geom, POINT(1 2))']) {
      const res = await get(`/api/ogc/collections/firms/items?filter=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { param: string }).param, bad).toBe('filter');
    }
    const res = await get(`/api/ogc/collections/firms/items?filter-lang=cql2-json&filter=${encodeURIComponent('category = 1')}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { param: string }).param).toBe('filter-lang');
  });
});

describe('tiles with a filter', () => {
  it('draws only the matching features, in clusters and single points alike', async () => {
    const [b] = await t.db.query<{ w: number; s: number; e: number; n: number }>(
      "SELECT ST_XMin(geom) w, ST_YMin(geom) s, ST_XMax(geom) e, ST_YMax(geom) n FROM admin_area WHERE level = 'city' AND valid_to IS NULL LIMIT 1",
    );
    const bbox = [b!.w, b!.s, b!.e, b!.n] as [number, number, number, number];
    const filter = encodeURIComponent('category = 2');
    // Clusters at z8: their point counts add up to the matching firms.
    let clustered = 0;
    for (const tile of tilesCovering(bbox, 8)) {
      const res = await get(`/api/tiles/firms/${tile.z}/${tile.x}/${tile.y}.mvt?filter=${filter}`);
      if (res.status === 200) clustered += decodeTile(await res.arrayBuffer()).firms!.reduce((s, f) => s + Number(f.properties.point_count), 0);
    }
    expect(clustered).toBe(await count(`SELECT count(*) n FROM firm WHERE ${IN_CITY} AND category = 2`));
    expect(clustered).toBeGreaterThan(0);
    // Single features at z11: every one matches.
    let seen = 0;
    for (const tile of tilesCovering(bbox, 11).slice(0, 60)) {
      const res = await get(`/api/tiles/firms/${tile.z}/${tile.x}/${tile.y}.mvt?filter=${filter}`);
      if (res.status !== 200) continue;
      for (const f of decodeTile(await res.arrayBuffer()).firms!) (expect(f.properties.category).toBe(2), seen++);
    }
    expect(seen).toBeGreaterThan(0);
    const bad = await get(`/api/tiles/firms/11/1/1.mvt?filter=${encodeURIComponent('category > ')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { param: string }).param).toBe('filter');
  });
});
