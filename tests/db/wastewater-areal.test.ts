/**
 * The load formula and the areal weighting on hand-made geometries with known answers, on real PostGIS.
 * Everything is inserted inside one transaction that is rolled back, under codes of a made-up province 99.
 *
 *   Townships A = [100.00, 100.02] × [20.00, 20.02] and B = [100.02, 100.04] × [20.00, 20.02] (county 991101).
 *   Plant P1 (40,000 served), catchment [100.01, 100.03] × [20.00, 20.02]; its populated grid cells: three of 100
 *   people in A, one of 100 in B, so 75 % of its people live in A (a cell of 1,000 in A lies outside it).
 *   Plant P2 (20,000 served), catchment [100.014, 100.034] × [20.000, 20.008], no grid cells: area shares,
 *   0.006 / 0.02 = 30 % in A and 70 % in B (equal latitude span, so geodesic area ∝ longitude width).
 *   Samples in the week of Monday 2026-10-05:
 *     P1 methamphetamine 100 ng/L × 10,000 m³/day → 1,000 mg/day → 25 mg/day/1000 inh.
 *     P2 methamphetamine below LOQ 2 ng/L → somewhere in [0, 2) ng/L × 5,000 m³/day → [0, 10) mg/day → [0, 0.5)
 *       mg/day/1000 inh. (a censored result is an interval, not LOQ/2; charts show its upper bound, marked "<").
 *   Area A: people 30,000 (P1) + 6,000 (P2) → upper bound (30,000·25 + 6,000·0.5) / 36,000 = 20.916…, lower bound
 *     30,000·25 / 36,000 = 20.833…; load 750 + [0, 3).
 *   Area B: people 10,000 + 14,000 → upper (10,000·25 + 14,000·0.5) / 24,000 = 10.7083…; load 250 + [0, 7).
 *   County 991101: upper (40,000·25 + 20,000·0.5) / 60,000 = 16.8333…; load 1,000 + [0, 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from 'db';
import { openPostgres } from 'db/postgres';
import { stepOf, windowOf } from 'domain/wastewater';
import { readStoredPlants } from 'api/src/wastewater/plant-store.js';
import { areaSeries, rebuildShares, recomputeTouched, siteSeries } from 'api/src/wastewater/repository.js';
import { TEST_DATABASE_URL } from '../support/env.js';

let db: Database;
beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
});
afterAll(async () => db?.close());

const box = (x0: number, y0: number, x1: number, y1: number) =>
  `SRID=4326;MULTIPOLYGON(((${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0})))`;

const A = '991101001000';
const B = '991101002000';
const COUNTY = '991101000000';

async function fixture(tx: Queryable) {
  await tx.query(`INSERT INTO admin_area (code, level, parent_code, name, population, geom) VALUES
    ('990000000000', 'province', NULL, '测试省', 60000, $1), ('991100000000', 'city', '990000000000', '测试市', 60000, $1),
    ($4, 'county', '991100000000', '测试县', 60000, $1),
    ($5, 'township', $4, '甲镇', 40000, $2), ($6, 'township', $4, '乙镇', 20000, $3)`,
    [box(100, 20, 100.04, 20.02), box(100, 20, 100.02, 20.02), box(100.02, 20, 100.04, 20.02), COUNTY, A, B]);
  const cell = (n: number, village: string, x: number, y: number, pop: number) =>
    tx.query(`INSERT INTO grid_cell (code, village_code, name, population, geom) VALUES ($1, $2, $3, $4, $5)`,
      [`${village}${String(n).padStart(3, '0')}`, village, `网格${n}`, pop, box(x, y, x + 0.001, y + 0.001)]);
  await cell(1, '991101001001', 100.011, 20.011, 100);
  await cell(2, '991101001001', 100.013, 20.013, 100);
  await cell(3, '991101001001', 100.015, 20.015, 100);
  await cell(4, '991101001001', 100.002, 20.015, 1000); // in A, outside P1's catchment
  await cell(5, '991101002001', 100.025, 20.015, 100);
  const [p1] = await tx.query<{ id: number }>(`INSERT INTO wastewater_site (code, name, kind, township_code, population_served, geom, catchment)
    VALUES ('TEST-P1', '测试一厂', 'plant_inlet', $1, 40000, 'SRID=4326;POINT(100.02 20.01)', $2) RETURNING id`, [A, box(100.01, 20, 100.03, 20.02)]);
  const [p2] = await tx.query<{ id: number }>(`INSERT INTO wastewater_site (code, name, kind, township_code, population_served, geom, catchment)
    VALUES ('TEST-P2', '测试二厂', 'plant_inlet', $1, 20000, 'SRID=4326;POINT(100.03 20.004)', $2) RETURNING id`, [B, box(100.014, 20, 100.034, 20.008)]);
  const at = '2026-10-06T01:00:00Z';
  await tx.query(`INSERT INTO wastewater_sample (site_id, sampled_at, substance, concentration_ng_l, below_loq, loq_ng_l, flow_m3_day, lab) VALUES
    ($1, $3, 'methamphetamine', 100, false, 1, 10000, 'T'), ($2, $3, 'methamphetamine', 2, true, 2, 5000, 'T')`, [p1!.id, p2!.id, at]);
  return { p1: p1!.id, p2: p2!.id, at };
}

class Rollback extends Error {}

/** Run `fn` on the fixture inside a transaction that is always rolled back. */
async function withFixture(fn: (tx: Queryable, ids: Awaited<ReturnType<typeof fixture>>) => Promise<void>) {
  await db
    .transaction(async (tx) => {
      const ids = await fixture(tx);
      await fn(tx, ids);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

const week = { substance: 'methamphetamine' as const, period: 'week' as const, from: '2026-10-01', to: '2026-10-31', windowWeeks: 26 };

describe('areal weighting (PostGIS)', () => {
  it('splits a catchment by the grid-cell population inside each township, else by area', async () => {
    await withFixture(async (tx, { p1, p2 }) => {
      await rebuildShares(tx, [p1, p2]);
      const shares = await tx.query<{ site_id: number; area_code: string; share: number; people: number; method: string }>(
        `SELECT site_id, area_code, share, people, method FROM wastewater_catchment_share WHERE site_id = ANY ($1) ORDER BY site_id, area_code`, [[p1, p2]]);
      const get = (site: number, area: string) => shares.find((s) => s.site_id === site && s.area_code === area)!;
      expect(get(p1, A)).toMatchObject({ method: 'grid' });
      expect(get(p1, A).share).toBeCloseTo(0.75, 9);
      expect(get(p1, B).share).toBeCloseTo(0.25, 9);
      expect(get(p1, A).people).toBeCloseTo(30000, 4);
      expect(get(p2, A)).toMatchObject({ method: 'area' });
      expect(get(p2, A).share).toBeCloseTo(0.3, 6);
      expect(get(p2, B).share).toBeCloseTo(0.7, 6);
      // Roll-up: the whole catchment lies in the county, city and province.
      expect(get(p1, COUNTY).share).toBeCloseTo(1, 9);
      expect(get(p2, '990000000000').people).toBeCloseTo(20000, 3);
    });
  });

  it('computes site loads (censored as intervals) and population-weighted area loads with known answers', async () => {
    await withFixture(async (tx, { p1, p2, at }) => {
      await rebuildShares(tx, [p1, p2]);
      const s1 = await siteSeries(tx, p1, week);
      expect(s1.points).toEqual([expect.objectContaining({ period: '2026-10-05', n: 1, censored: false })]);
      expect(s1.points[0]!.loadMgDay).toBeCloseTo(1000, 9);
      expect(s1.points[0]!.normalised).toBeCloseTo(25, 9);
      const s2 = await siteSeries(tx, p2, week);
      expect(s2.points[0]).toMatchObject({ censored: true, nCensored: 1 });
      expect(s2.points[0]!.loadMgDay).toBeCloseTo(10, 9);
      expect(s2.points[0]!.normalised).toBeCloseTo(0.5, 9);
      expect(s2.points[0]!.normalisedLo).toBe(0);

      const a = (await areaSeries(tx, A, week)).points[0]!;
      expect(a.normalised).toBeCloseTo(20.9166666667, 6);
      expect(a.normalisedLo).toBeCloseTo(20.8333333333, 6);
      expect(a.loadMgDay).toBeCloseTo(753, 6);
      expect(a.coveredPeople).toBeCloseTo(36000, 2);
      const b = (await areaSeries(tx, B, week)).points[0]!;
      expect(b.normalised).toBeCloseTo(10.7083333333, 6);
      expect(b.loadMgDay).toBeCloseTo(257, 6);
      const c = (await areaSeries(tx, COUNTY, week)).points[0]!;
      expect(c.normalised).toBeCloseTo(16.8333333333, 6);
      expect(c.loadMgDay).toBeCloseTo(1010, 6);

      // The stored path (plant weeks → each plant's window → area_signal) gives the same numbers.
      await recomputeTouched(tx, [{ siteId: p1, sampledAt: at }, { siteId: p2, sampledAt: at }], { asOf: '2026-11-01' });
      const w = windowOf('2026-11-01', 26);
      const plants = await readStoredPlants(tx, w, [p1, p2]);
      const weekOf = (id: number) => {
        const a = plants.get(id)!.get('methamphetamine')!;
        const s = stepOf(w, '2026-10-05');
        return [a.lo[s], a.hi[s], a.n[s]];
      };
      expect(weekOf(p1)).toEqual([25, 25, 1]);
      expect(weekOf(p2)).toEqual([0, 0.5, 1]);
      const [sig] = await tx.query<{ trend: string; n_samples: number; coverage: number; latest_load: number; latest_censored: boolean; n_plants: number }>(
        `SELECT trend, n_samples, coverage, latest_load, latest_censored, n_plants FROM area_signal WHERE area_code = $1 AND substance = 'methamphetamine'`, [A]);
      // One week of data: too little for a trend; coverage = 36,000 people over 1 of 26 weeks / 40,000.
      expect(sig).toMatchObject({ trend: 'insufficient', n_plants: 2, latest_censored: false });
      expect(sig!.coverage).toBeCloseTo(36000 / 26 / 40000, 6);
      expect(sig!.latest_load).toBeCloseTo(20.9166666667, 6);
    });
  });
});
