/**
 * Issue 12 on the seeded demo region (real PostGIS): censored stretches, an LOQ change and late-joining plants are
 * in the data, and none of them paints a false trend; panel changes and divergence are found and explained; two
 * imports at once are serialised. The checks recompute what they check from the raw samples in SQL, apart from
 * the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { INDEX_WEIGHTS, MAX_CENSORED_SHARE, RECENT_WEEKS, SUBSTANCES, windowOf } from 'domain/wastewater';
import { recomputeAll } from 'api/src/wastewater/repository.js';
import { TEST_REGION } from '../support/env.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let db: Database;
let close: () => Promise<void>;

async function get(url: string, user: DemoUser = 'city_office') {
  const res = await app.request(url, { headers: authHeader(user) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as any };
}

beforeAll(async () => {
  ({ app, db, close } = await testApp());
});
afterAll(async () => close());

const w = windowOf(TEST_REGION.asOf, 26);
/** First Monday of the recent weeks the below-detection rule looks at. */
const recentFrom = new Date(Date.parse(w.to + 'T00:00:00Z') - (RECENT_WEEKS - 1) * 7 * 86400e3).toISOString().slice(0, 10);

/**
 * Per township and recent week, straight from the samples: the share of the index (weights × upper-bound loads of
 * the township's plants, people-weighted) that lies under a limit. A week is "mostly below the LOQ" above one half.
 */
const RECENT_CENSORED_SQL = `
  WITH s AS (
    SELECT sh.area_code, sh.people, x.site_id, x.substance,
           (date_trunc('week', x.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS week,
           CASE WHEN x.below_loq THEN coalesce(x.loq_ng_l, x.concentration_ng_l) ELSE x.concentration_ng_l END::float8
             * x.flow_m3_day::float8 / p.population_served AS hi,
           x.below_loq
    FROM wastewater_sample x
    JOIN wastewater_site p ON p.id = x.site_id AND p.kind = 'plant_inlet'
    JOIN wastewater_catchment_share sh ON sh.site_id = x.site_id
    JOIN admin_area a ON a.code = sh.area_code AND a.level = 'township'
    WHERE x.sampled_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND x.sampled_at < (($2::date + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')
  ),
  wk AS (
    SELECT s.area_code, s.week,
           sum(s.people * iw.weight * s.hi) FILTER (WHERE s.below_loq) / nullif(sum(s.people * iw.weight * s.hi), 0) AS censored_part,
           bool_and(s.below_loq) FILTER (WHERE s.substance = 'methamphetamine') AS meth_censored
    FROM s JOIN unnest($3::text[], $4::float8[]) AS iw (substance, weight) ON iw.substance = s.substance
    GROUP BY 1, 2
  )
  SELECT area_code, count(*)::int AS weeks, count(*) FILTER (WHERE censored_part > 0.5)::int AS mostly_censored,
         count(*) FILTER (WHERE meth_censored)::int AS meth_censored
  FROM wk GROUP BY area_code`;

describe('the demo region holds what real surveillance data holds', () => {
  it('has censored stretches, an LOQ change and plants that joined late', async () => {
    const [r] = await db.query<{ loqs: number; late: number; late_first: string; censored_sites: number }>(`
      SELECT (SELECT count(DISTINCT loq_ng_l)::int FROM wastewater_sample WHERE substance = 'methamphetamine') AS loqs,
             (SELECT count(*)::int FROM wastewater_site WHERE code LIKE '%-2') AS late,
             (SELECT min(x.sampled_at)::date::text FROM wastewater_sample x JOIN wastewater_site p ON p.id = x.site_id WHERE p.code LIKE '%-2') AS late_first,
             (SELECT count(*)::int FROM (SELECT site_id FROM wastewater_sample WHERE substance = 'methamphetamine' AND sampled_at >= $1::date
                GROUP BY site_id HAVING avg(below_loq::int) > 0.5) c) AS censored_sites`,
      [w.from]);
    expect(r!.loqs).toBeGreaterThanOrEqual(3); // 1 ng/L, and the changing lab's 2 then 0.5
    expect(r!.late).toBeGreaterThan(0);
    expect(r!.late_first > w.from).toBe(true); // joined inside the trend window
    expect(r!.censored_sites).toBeGreaterThan(0);
  });
});

describe('censoring on the map', () => {
  it('colours no township whose recent weeks are mostly below the LOQ as rising or falling', async () => {
    const weights = SUBSTANCES.map((s) => INDEX_WEIGHTS[s]);
    const recent = await db.query<{ area_code: string; weeks: number; mostly_censored: number; meth_censored: number }>(
      RECENT_CENSORED_SQL, [recentFrom, w.to, [...SUBSTANCES], weights]);
    const signals = new Map(
      (await db.query<{ area_code: string; substance: string; trend: string }>(
        `SELECT s.area_code, s.substance, s.trend FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.level = 'township'
         WHERE s.substance IN ('index', 'methamphetamine')`)).map((r) => [`${r.area_code}/${r.substance}`, r.trend]),
    );
    const directional = new Set(['rising_significant', 'rising', 'falling', 'falling_significant']);
    const mostlyIndex = recent.filter((r) => r.mostly_censored * 2 > r.weeks);
    const mostlyMeth = recent.filter((r) => r.meth_censored * 2 > r.weeks);
    expect(mostlyIndex.length).toBeGreaterThan(0); // the demo has such townships, so the check bites
    expect(mostlyMeth.length).toBeGreaterThan(0);
    expect(mostlyIndex.filter((r) => directional.has(signals.get(`${r.area_code}/index`)!)).map((r) => r.area_code)).toEqual([]);
    expect(mostlyMeth.filter((r) => directional.has(signals.get(`${r.area_code}/methamphetamine`)!)).map((r) => r.area_code)).toEqual([]);
    // And they are drawn as "below detection", with their censored share beside the trend.
    const [bd] = await db.query<{ n: number; share: number }>(
      `SELECT count(*)::int AS n, min(censored_share) AS share FROM area_signal WHERE substance = 'index' AND trend = 'below_detection' AND area_code = ANY ($1)`,
      [mostlyIndex.map((r) => r.area_code)]);
    expect(bd!.n).toBeGreaterThan(0);
    expect(bd!.share).toBeGreaterThan(0);
  });

  it('stores the censored share beside every trend, and never more than half censored for a rising or falling one', async () => {
    const [r] = await db.query<{ max_directional: number; max_below: number }>(
      `SELECT max(censored_share) FILTER (WHERE trend IN ('rising_significant', 'rising', 'falling', 'falling_significant')) AS max_directional,
              max(censored_share) FILTER (WHERE trend = 'below_detection') AS max_below
       FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.level = 'township'`);
    expect(r!.max_directional).toBeLessThanOrEqual(MAX_CENSORED_SHARE);
    expect(r!.max_below).toBeGreaterThan(MAX_CENSORED_SHARE);
  });
});

describe('panels and divergence', () => {
  it('reports the plant that joined as a panel change of its township and explains it', async () => {
    const [row] = await db.query<{ area_code: string }>(
      `SELECT area_code FROM area_signal WHERE substance = 'index' AND panel_joined > 0 AND area_code LIKE '4380%' ORDER BY area_code LIMIT 1`);
    expect(row).toBeDefined();
    const r = await get(`/api/areas/${row!.area_code}/evidence?substance=index`);
    expect(r.status).toBe(200);
    expect(r.json.signal.panel).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'joined', code: expect.stringMatching(/-2$/) })]));
    expect(r.json.signal.trend.category).toBe(r.json.signal.stored.trend); // the evidence recomputes what is stored
    expect(r.json.signal.plants.length).toBeGreaterThanOrEqual(2);
    expect(r.json.signal.changes).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]));
  });

  it('lists divergent areas for the office, each rising significantly with enforcement falling', async () => {
    const r = await get('/api/wastewater/divergent?level=township');
    expect(r.status).toBe(200);
    expect(r.json.signals.length).toBeGreaterThan(0);
    for (const s of r.json.signals) {
      expect(s.trend).toBe('rising_significant');
      expect(['falling', 'falling_significant']).toContain(s.enforcementTrend);
      expect(s.divergent).toBe(true);
    }
    const first = r.json.signals[0];
    const e = await get(`/api/areas/${first.areaCode}/evidence?substance=index`);
    expect(e.json.signal.divergent).toBe(true);
    expect(e.json.signal.enforcement.measures.find((m: any) => m.measure === 'inspections').secondHalf).toBeLessThan(
      e.json.signal.enforcement.measures.find((m: any) => m.measure === 'inspections').firstHalf,
    );
    // A county office sees only its county's.
    const county = await get('/api/wastewater/divergent', 'county_office');
    expect(county.json.signals.every((s: any) => s.areaCode.startsWith('438002'))).toBe(true);
  });

  it('explains a listed area’s colour by its listing events and what comes next', async () => {
    const [l] = await db.query<{ area_code: string }>(
      `SELECT l.area_code FROM listing l JOIN LATERAL listing_state_at(l.area_code, $1::date) ls ON true
       WHERE ls.status <> 'delisted' ORDER BY l.area_code LIMIT 1`, [TEST_REGION.asOf]);
    const r = await get(`/api/areas/${l!.area_code}/evidence?as_of=${TEST_REGION.asOf}`);
    expect(r.status).toBe(200);
    expect(['key_rectification', 'key_supervision', 'key_attention']).toContain(r.json.listing.class);
    expect(r.json.listing.events[0].kind).toBe('listed');
    expect(r.json.listing.changes.map((c: any) => c.code)).toContain('term_ends');
    const bad = await get('/api/areas/438002001000/evidence?substance=caffeine');
    expect(bad.status).toBe(400);
    expect(bad.json.param).toBe('substance');
    expect((await get('/api/areas/438003001000/evidence', 'county_office')).status).toBe(404);
  });
});

describe('concurrent imports', () => {
  afterAll(async () => {
    await db.query(`DELETE FROM wastewater_sample WHERE import_id IN (SELECT id FROM wastewater_import WHERE filename LIKE 'concurrent-%')`);
    await db.query(`DELETE FROM wastewater_import WHERE filename LIKE 'concurrent-%'`);
    await recomputeAll(db, { asOf: TEST_REGION.asOf });
  });

  it('runs two imports at once one after the other: both land, and the signals equal a full recompute', async () => {
    const plants = await db.query<{ code: string; population_served: number }>(
      `SELECT code, population_served FROM wastewater_site WHERE kind = 'plant_inlet' ORDER BY code LIMIT 6`);
    // Two files for a new week (each moves "as of", so each rewrites every area's signals).
    const file = (codes: typeof plants, day: string) =>
      ['site_code,sampled_at,substance,concentration_ng_l,flow_m3_day,below_loq,loq_ng_l,lab',
        ...codes.flatMap((p) => [`${p.code},${day} 09:00,methamphetamine,120,${p.population_served * 0.25},否,1,L`, `${p.code},${day} 09:00,ketamine,30,${p.population_served * 0.25},否,1,L`])].join('\n');
    const post = (body: string, name: string) =>
      app.request(`/api/wastewater/imports?filename=${name}`, { method: 'POST', headers: { ...authHeader('admin'), 'Content-Type': 'text/csv' }, body });
    const [a, b] = await Promise.all([post(file(plants.slice(0, 3), '2026-11-03'), 'concurrent-a.csv'), post(file(plants.slice(3), '2026-11-04'), 'concurrent-b.csv')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const snapshot = () => db.query(`SELECT area_code, substance, trend, round(latest_load::numeric, 6) AS l, round(coalesce(p_value, -1)::numeric, 9) AS p, n_plants
                                     FROM area_signal ORDER BY 1, 2`);
    const incremental = await snapshot();
    await recomputeAll(db, { asOf: '2026-11-04' });
    expect(await snapshot()).toEqual(incremental);
  });
});
