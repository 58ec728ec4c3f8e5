/**
 * /api/wastewater reads on the seeded region: sites with their latest loads, site and area series with LOQ
 * flags and trend lines, rising signals (significant first) with tracing sites, scope, bad parameters, and the
 * recompute trigger (office/admin only, audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
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

describe('sites', () => {
  it('lists every site in scope with its latest weekly load', async () => {
    const r = await get('/api/wastewater/sites?substance=methamphetamine');
    expect(r.status).toBe(200);
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM wastewater_site')) as [{ n: number }];
    expect(r.json.sites).toHaveLength(n);
    const plant = r.json.sites.find((s: any) => s.kind === 'plant_inlet');
    expect(plant.latestNormalised).toBeGreaterThan(0);
    expect(plant.latestWeek <= TEST_REGION.asOf).toBe(true);
    const tracing = r.json.sites.find((s: any) => s.kind === 'tracing');
    expect(tracing.parentCode).toMatch(/^WW-/);
  });

  it("shows a county office only its county's sites", async () => {
    const r = await get('/api/wastewater/sites', 'county_office');
    expect(r.json.sites.length).toBeGreaterThan(0);
    expect(r.json.sites.every((s: any) => s.townshipCode.startsWith('438002'))).toBe(true);
    expect((await get('/api/wastewater/sites/WW-438003001/series', 'county_office')).status).toBe(404);
  });

  it('refuses an unknown substance with a problem naming the parameter', async () => {
    const r = await get('/api/wastewater/sites?substance=caffeine');
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.json.param).toBe('substance');
  });
});

describe('series', () => {
  it('gives a site series with below-LOQ points marked and a Sen trend line', async () => {
    // A site with some censored weeks but mostly detections: one that fades below detection gets no line at all.
    const [site] = await db.query<{ code: string }>(
      `SELECT w.code FROM wastewater_sample s JOIN wastewater_site w ON w.id = s.site_id
       WHERE s.substance = 'benzoylecgonine' GROUP BY w.code
       HAVING bool_or(s.below_loq) AND avg(s.below_loq::int) < 0.2 ORDER BY w.code LIMIT 1`);
    const r = await get(`/api/wastewater/sites/${site!.code}/series?substance=benzoylecgonine&period=week`);
    expect(r.status).toBe(200);
    expect(r.json.unit).toBe('mg/day/1000 inhabitants');
    expect(r.json.points.length).toBeGreaterThan(90);
    expect(r.json.points.some((p: any) => p.censored)).toBe(true);
    expect(r.json.trend.line.from.period < r.json.trend.line.to.period).toBe(true);
    expect(r.json.trend.points).toBe(26);
    const monthly = await get(`/api/wastewater/sites/${site!.code}/series?substance=benzoylecgonine&period=month`);
    expect(monthly.json.points.length).toBeGreaterThanOrEqual(23);
    expect(monthly.json.points.length).toBeLessThanOrEqual(26);
  });

  it("an area's weekly index series ends with the value area_signal holds", async () => {
    const [sig] = await db.query<{ area_code: string; latest_load: number; trend: string }>(
      `SELECT area_code, latest_load, trend FROM area_signal s JOIN admin_area a ON a.code = s.area_code
       WHERE substance = 'index' AND a.level = 'county' ORDER BY area_code LIMIT 1`);
    const r = await get(`/api/wastewater/areas/${sig!.area_code}/series?substance=index&period=week&to=${TEST_REGION.asOf}`);
    expect(r.status).toBe(200);
    const last = r.json.points.at(-1);
    expect(last.normalised).toBeCloseTo(sig!.latest_load, 6);
    expect(r.json.signal.trend).toBe(sig!.trend);
    expect(r.json.trend.category).toBe(sig!.trend);
  });

  it('refuses a reversed range', async () => {
    const r = await get('/api/wastewater/areas/438002000000/series?from=2026-10-01&to=2026-01-01');
    expect(r.status).toBe(400);
    expect(r.json.param).toBe('from');
  });
});

describe('rising signals', () => {
  it('lists rising signals in scope, significant ones first, with upstream tracing sites', async () => {
    const r = await get('/api/wastewater/rising?level=township&limit=200');
    expect(r.status).toBe(200);
    const list = r.json.signals as any[];
    expect(list.length).toBeGreaterThan(0);
    const firstLikely = list.findIndex((s) => s.trend === 'rising');
    const lastSignificant = list.map((s) => s.trend).lastIndexOf('rising_significant');
    if (firstLikely >= 0) expect(lastSignificant).toBeLessThan(firstLikely);
    expect(list.every((s) => s.level === 'township' && ['rising', 'rising_significant'].includes(s.trend))).toBe(true);
    const traced = list.find((s) => s.tracingSites.length > 0);
    expect(traced?.tracingSites[0].code).toMatch(/^WW-\d{9}-T\d$/);
  });
});

describe('recompute', () => {
  it('is for office and admin only, audited, and reproduces the same signals', async () => {
    const denied = await app.request('/api/wastewater/recompute', { method: 'POST', headers: authHeader('inspector') });
    expect(denied.status).toBe(403);
    const before = await db.query('SELECT area_code, substance, trend, latest_load, n_samples FROM area_signal ORDER BY 1, 2');
    const res = await app.request('/api/wastewater/recompute', {
      method: 'POST',
      headers: { ...authHeader('admin'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ as_of: TEST_REGION.asOf }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.asOf).toBe(TEST_REGION.asOf);
    const after = await db.query('SELECT area_code, substance, trend, latest_load, n_samples FROM area_signal ORDER BY 1, 2');
    // Same categories and counts; loads equal up to the order floating-point sums were taken in.
    const round = (rows: any[]) => rows.map((r) => ({ ...r, latest_load: r.latest_load === null ? null : Number(r.latest_load.toPrecision(10)) }));
    expect(round(after)).toEqual(round(before));
    const [audit] = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'area_signal' ORDER BY id DESC LIMIT 1`);
    expect(audit!.action).toBe('recompute');
  });
});
