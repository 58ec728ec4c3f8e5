/** Key figures for the wall display: right numbers, scoped, and people aggregates only where allowed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Overview = {
  listings: Record<string, number>;
  checkpoints: { checkpoints: number; vehicles: number; days: number };
  inspections: Record<string, number>;
  signals: { townshipsByTrend: Record<string, number>; topRising: { trend: string }[] };
  people: null | { controlRate: number | null; counts?: { registered: number } };
};
const get = async (user: DemoUser) => (await (await t.app.request('/api/overview?as_of=2026-11-01', { headers: authHeader(user) })).json()) as Overview;

describe('overview', () => {
  it('counts active listings by grade as of the date, as the listing history says', async () => {
    const o = await get('city_office');
    const rows = await t.db.query<{ grade: string; n: number }>(
      `SELECT ls.grade, count(*)::int n FROM (SELECT DISTINCT area_code FROM listing) a
       CROSS JOIN LATERAL listing_state_at(a.area_code, '2026-11-01') ls WHERE ls.status <> 'delisted' GROUP BY ls.grade`,
    );
    for (const r of rows) expect(o.listings[r.grade]).toBe(r.n);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBeGreaterThan(0);
  });

  it("sums the last 7 days of every checkpoint's figures", async () => {
    const o = await get('city_office');
    const [{ v }] = (await t.db.query<{ v: number }>("SELECT sum(vehicles)::int v FROM checkpoint_day WHERE day > DATE '2026-11-01' - 7 AND day <= DATE '2026-11-01'")) as [{ v: number }];
    expect(o.checkpoints.days).toBe(7);
    expect(o.checkpoints.vehicles).toBe(v);
    expect(o.checkpoints.vehicles).toBeGreaterThan(0);
  });

  it('is scoped: a county office sees fewer checkpoints than the city', async () => {
    const [city, county] = [await get('city_office'), await get('county_office')];
    expect(county.checkpoints.checkpoints).toBeLessThan(city.checkpoints.checkpoints);
    expect(county.checkpoints.checkpoints).toBeGreaterThan(0);
  });

  it('shows people counts to the office, only rates to the wall display, and nothing to inspectors', async () => {
    const office = await get('city_office');
    expect(office.people!.counts!.registered).toBeGreaterThan(0);
    expect(office.people!.controlRate).toBeGreaterThan(0.5);
    expect(office.people!.controlRate).toBeLessThanOrEqual(1);
    const wall = await get('wall');
    expect(wall.people!.controlRate).toBeCloseTo(office.people!.controlRate!, 10);
    expect(wall.people!.counts).toBeUndefined();
    expect((await get('inspector')).people).toBeNull();
  });
});
