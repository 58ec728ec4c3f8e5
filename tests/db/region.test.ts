/**
 * The seeded demo region (TEST_REGION on PostGIS) is a believable, consistent place: every level tiles its
 * parent, codes nest, populations add up, sites lie where they say they are, and the monthly counts obey the
 * rules a grid officer would check.
 *
 * Areas are measured in a local equirectangular projection (an affine map of lon/lat, metres at the parent's
 * latitude). It keeps the stored straight edges straight, so it measures the tiling as stored; a non-affine
 * projection such as UTM bends long edges and turns collinear vertices into ~0.3 m slivers that exist only in
 * the measurement. Distances likewise: planar degrees × 111,320 m (an upper bound), because a geodesic
 * (geography) reading of a long straight boundary edge bows a few metres away from where the edge is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { regionSize } from 'geodata/demo';
import { TEST_DATABASE_URL, TEST_REGION } from '../support/env.js';

let db: Database;
beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
});
afterAll(() => db?.close());

const size = regionSize(TEST_REGION.size);
/** m² per square degree at the parent's latitude. */
const M2 = `(111320.0 ^ 2) * cos(radians(ST_Y(ST_Centroid(p.geom))))`;

async function tilingErrors(children: string) {
  return db.query<{ code: string; n: number; gap: number; outside: number; overlap: number }>(`
    WITH kids AS (${children}),
    agg AS (SELECT parent_code, count(*)::int AS n, ST_Union(geom) AS u, sum(ST_Area(geom)) AS s FROM kids GROUP BY parent_code)
    SELECT p.code, a.n,
           ST_Area(ST_Difference(p.geom, a.u)) * ${M2} AS gap,
           ST_Area(ST_Difference(a.u, p.geom)) * ${M2} AS outside,
           (a.s - ST_Area(a.u)) * ${M2} AS overlap
    FROM agg a JOIN admin_area p ON p.code = a.parent_code AND p.valid_to IS NULL`);
}

describe('the demo region on PostGIS', () => {
  const levels = [
    ['city', 'county'],
    ['county', 'township'],
    ['township', 'village'],
  ] as const;

  for (const [parent, child] of levels) {
    it(`tiles every ${parent} with its ${child}s: no gap, overlap or spill over 1 m²`, async () => {
      const rows = await tilingErrors(`SELECT parent_code, geom FROM admin_area WHERE level = '${child}' AND valid_to IS NULL`);
      const [{ parents }] = (await db.query<{ parents: number }>(`SELECT count(*)::int AS parents FROM admin_area WHERE level = '${parent}'`)) as [{ parents: number }];
      expect(rows).toHaveLength(parents); // every parent has children
      const bad = rows.filter((r) => r.gap > 1 || r.outside > 1 || r.overlap > 1);
      expect(bad).toEqual([]);
    });
  }

  it('tiles every village with its grid cells', async () => {
    const rows = await tilingErrors(`SELECT village_code AS parent_code, geom FROM grid_cell`);
    const [{ villages }] = (await db.query<{ villages: number }>(`SELECT count(*)::int AS villages FROM admin_area WHERE level = 'village'`)) as [{ villages: number }];
    expect(rows).toHaveLength(villages);
    expect(rows.filter((r) => r.gap > 1 || r.outside > 1 || r.overlap > 1)).toEqual([]);
  });

  it('stores valid WGS84 multipolygons only', async () => {
    const [row] = await db.query<{ bad: number }>(`
      SELECT count(*)::int AS bad FROM (
        SELECT geom FROM admin_area UNION ALL SELECT geom FROM grid_cell) g
      WHERE NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4326 OR GeometryType(geom) <> 'MULTIPOLYGON'`);
    expect(row!.bad).toBe(0);
  });

  it('nests codes: a child starts with its parent’s significant prefix, a grid with its village', async () => {
    const [row] = await db.query<{ bad: number; orphans: number }>(`
      SELECT count(*) FILTER (WHERE c.code NOT LIKE left(p.code, CASE p.level WHEN 'province' THEN 2 WHEN 'city' THEN 4 WHEN 'county' THEN 6 ELSE 9 END) || '%'
                                OR p.level <> CASE c.level WHEN 'city' THEN 'province' WHEN 'county' THEN 'city' WHEN 'township' THEN 'county' ELSE 'township' END)::int AS bad,
             count(*) FILTER (WHERE p.code IS NULL)::int AS orphans
      FROM admin_area c LEFT JOIN admin_area p ON p.code = c.parent_code
      WHERE c.level <> 'province'`);
    expect(row).toEqual({ bad: 0, orphans: 0 });
    const [grids] = await db.query<{ orphans: number }>(`
      SELECT count(*)::int AS orphans FROM grid_cell g LEFT JOIN admin_area v ON v.code = g.village_code AND v.level = 'village'
      WHERE v.code IS NULL OR g.code NOT LIKE g.village_code || '___'`);
    expect(grids!.orphans).toBe(0);
  });

  it('adds populations up: every parent holds the sum of its children, every village the sum of its grids', async () => {
    const [row] = await db.query<{ bad: number }>(`
      SELECT count(*)::int AS bad FROM admin_area p
      WHERE p.population <> COALESCE((SELECT sum(c.population) FROM admin_area c WHERE c.parent_code = p.code),
                                     (SELECT sum(g.population) FROM grid_cell g WHERE g.village_code = p.code))`);
    expect(row!.bad).toBe(0);
    const [g] = await db.query<{ urban_hh: number; rural_hh: number; per_household: number }>(`
      SELECT avg(g.households) FILTER (WHERE v.kind = 'community') AS urban_hh, avg(g.households) FILTER (WHERE v.kind = 'village') AS rural_hh,
             sum(g.population)::float8 / sum(g.households) AS per_household
      FROM grid_cell g JOIN admin_area v ON v.code = g.village_code`);
    expect(g!.urban_hh).toBeGreaterThan(250); // an urban grid is about 300 households
    expect(g!.urban_hh).toBeLessThan(350);
    expect(g!.rural_hh).toBeLessThan(g!.urban_hh);
    expect(g!.per_household).toBeGreaterThan(2.6);
    expect(g!.per_household).toBeLessThan(3.4);
  });

  it('has about the number of areas, sites and figures its size promises', async () => {
    const counts = Object.fromEntries((await db.query<{ k: string; n: number }>(`
      SELECT level AS k, count(*)::int AS n FROM admin_area GROUP BY level
      UNION ALL SELECT 'grid', count(*)::int FROM grid_cell
      UNION ALL SELECT 'firm', count(*)::int FROM firm
      UNION ALL SELECT 'venue', count(*)::int FROM venue
      UNION ALL SELECT 'site', count(*)::int FROM wastewater_site
      UNION ALL SELECT 'plant', count(*)::int FROM wastewater_site WHERE kind = 'plant_inlet'
      UNION ALL SELECT 'grid_month', count(*)::int FROM grid_month
      UNION ALL SELECT 'checkpoint', count(*)::int FROM checkpoint
      UNION ALL SELECT 'checkpoint_day', count(*)::int FROM checkpoint_day`)).map((r) => [r.k, r.n]));
    const near = (actual: number, target: number, tolerance = 0.1) => expect(Math.abs(actual - target)).toBeLessThanOrEqual(target * tolerance);
    near(counts.city, size.cities);
    near(counts.county, size.counties);
    near(counts.township, size.townships);
    near(counts.village, size.villages);
    near(counts.grid, size.grids);
    near(counts.firm, size.townships * size.firmsPerTownship);
    near(counts.venue, size.townships * size.venuesPerTownship);
    // One plant inlet per township, and in a few rural townships a second that joined the programme late.
    expect(counts.plant).toBeGreaterThan(counts.township!);
    expect(counts.plant).toBeLessThan(counts.township! * 1.2);
    expect(counts.site).toBeGreaterThan(counts.plant!);
    expect(counts.grid_month).toBe(counts.grid! * 24);
    expect(counts.checkpoint_day).toBe(counts.checkpoint! * 730);
  });

  it('puts every border checkpoint on a border of its kind (within 3 m), and the others inside the region', async () => {
    const rows = await db.query<{ code: string; border_of: string | null; metres: number; inside: boolean }>(`
      SELECT c.code, c.border_of,
             (SELECT min(ST_Distance(c.geom, ST_Boundary(a.geom))) * 111320 FROM admin_area a
               WHERE a.level = COALESCE(c.border_of, 'county') AND ST_DWithin(a.geom, c.geom, 0.01)) AS metres,
             EXISTS (SELECT 1 FROM admin_area k WHERE k.code = c.county_code AND ST_DWithin(k.geom, c.geom, 3 / 111320.0)) AS inside
      FROM checkpoint c ORDER BY c.code`);
    expect(rows.filter((r) => r.border_of !== null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.border_of === null).length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.inside, `${r.code} lies in its county`).toBe(true);
      if (r.border_of) expect(r.metres, `${r.code} on a ${r.border_of} border`).toBeLessThan(3);
    }
    // "Every way in is covered": each road crossing the outer boundary has a checkpoint there.
    const [outer] = await db.query<{ missing: number }>(`
      WITH ends AS (
        SELECT r.ref, (ST_Dump(ST_CollectionExtract(ST_Intersection(r.geom, ST_Boundary(a.geom)), 1))).geom AS pt
        FROM road r, admin_area a WHERE a.level = $1)
      SELECT count(*)::int AS missing FROM ends e
      WHERE NOT EXISTS (SELECT 1 FROM checkpoint c WHERE c.road_ref = e.ref AND ST_DWithin(c.geom, e.pt, 3 / 111320.0))`, [size.root]);
    expect(outer!.missing).toBe(0);
  });

  it('places firms, venues and wastewater sites inside their township, and catchments too', async () => {
    const [row] = await db.query<{ firms: number; venues: number; sites: number; catchments: number; tracing: number }>(`
      SELECT
        (SELECT count(*) FROM firm s JOIN admin_area t ON t.code = s.township_code WHERE NOT ST_Covers(t.geom, s.geom))::int AS firms,
        (SELECT count(*) FROM venue s JOIN admin_area t ON t.code = s.township_code WHERE NOT ST_Covers(t.geom, s.geom))::int AS venues,
        (SELECT count(*) FROM wastewater_site s JOIN admin_area t ON t.code = s.township_code WHERE NOT ST_Covers(t.geom, s.geom))::int AS sites,
        (SELECT count(*) FROM wastewater_site s JOIN admin_area t ON t.code = s.township_code
          WHERE ST_Area(ST_Difference(s.catchment, t.geom)) * 111320.0 ^ 2 > 1)::int AS catchments,
        (SELECT count(*) FROM wastewater_site s JOIN wastewater_site p ON p.id = s.parent_site_id
          WHERE s.kind = 'tracing' AND (p.kind <> 'plant_inlet' OR NOT ST_Covers(p.catchment, s.geom)))::int AS tracing`);
    expect(row).toEqual({ firms: 0, venues: 0, sites: 0, catchments: 0, tracing: 0 });
    // Each township's township_code really is a township, and a plant serves fewer people than live there.
    const [served] = await db.query<{ bad: number }>(`
      SELECT count(*)::int AS bad FROM wastewater_site s JOIN admin_area t ON t.code = s.township_code
      WHERE t.level <> 'township' OR s.population_served > t.population`);
    expect(served!.bad).toBe(0);
  });

  it('keeps the monthly grid figures consistent and plausible', async () => {
    const [row] = await db.query<{ months: number; first: string; last: string; bad: number; zero_share: number; control: number; execution: number; per_1000: number }>(`
      SELECT count(DISTINCT month)::int AS months, min(month)::text AS first, max(month)::text AS last,
             count(*) FILTER (WHERE under_control > registered OR risk_low + risk_medium + risk_high <> registered
                               OR rehab_done > rehab_due OR rehab_due > registered)::int AS bad,
             avg((registered = 0)::int)::float8 AS zero_share,
             sum(under_control)::float8 / nullif(sum(registered), 0) AS control,
             sum(rehab_done)::float8 / nullif(sum(rehab_due), 0) AS execution,
             sum(registered) FILTER (WHERE month = date_trunc('month', $1::date))::float8
               / (SELECT sum(population) FROM grid_cell) * 1000 AS per_1000
      FROM grid_month`, [TEST_REGION.asOf]);
    expect(row!.months).toBe(24);
    expect(row!.last).toBe(TEST_REGION.asOf.slice(0, 8) + '01');
    expect(row!.bad).toBe(0);
    expect(row!.zero_share).toBeGreaterThan(0.2); // many grids have nobody registered
    expect(row!.zero_share).toBeLessThan(0.95);
    expect(row!.control).toBeGreaterThan(0.95); // control rate (管控率) near Yanfeng's 98.63 %
    expect(row!.execution).toBeGreaterThan(0.95);
    expect(row!.per_1000).toBeGreaterThan(0.3); // registered users of drugs per 1,000 inhabitants
    expect(row!.per_1000).toBeLessThan(5);
  });

  it('records what was seeded, and the demo users with their jurisdictions and grids', async () => {
    const [info] = await db.query<{ value: { seed: number; size: string; asOf: string; counts: Record<string, number> } }>(`SELECT value FROM dataset_info WHERE key = 'region'`);
    expect(info!.value).toMatchObject({ seed: TEST_REGION.seed, size: TEST_REGION.size, asOf: TEST_REGION.asOf });
    expect(info!.value.counts.grid_cell).toBe(size.grids);
    const users = await db.query<{ username: string; role: string; jurisdiction_code: string; grids: number }>(`
      SELECT u.username, u.role, u.jurisdiction_code, (SELECT count(*)::int FROM grid_assignment a WHERE a.user_id = u.id) AS grids
      FROM app_user u ORDER BY u.username`);
    const by = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(by.city_office).toMatchObject({ role: 'office', jurisdiction_code: '438000000000' });
    expect(by.wall!.jurisdiction_code).toBe('438000000000');
    expect(by.county_office!.jurisdiction_code).toMatch(/^438002000000$/);
    for (const u of ['grid_officer', 'community_police', 'social_worker']) {
      expect(by[u]).toMatchObject({ role: 'grid_officer', grids: 2 });
      expect(by[u]!.jurisdiction_code.startsWith('438002')).toBe(true);
    }
  });
});
