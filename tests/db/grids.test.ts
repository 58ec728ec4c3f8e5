/** "Am I inside my grid?" and a grid officer's own grids, on PostGIS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertPoint } from 'domain/datum';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
let mine: { code: string; lon: number; lat: number }[];
beforeAll(async () => {
  t = await testApp();
  mine = await t.db.query(
    `SELECT g.code, ST_X(g.label_point) lon, ST_Y(g.label_point) lat FROM grid_assignment a
     JOIN app_user u ON u.id = a.user_id JOIN grid_cell g ON g.code = a.grid_code WHERE u.username = 'grid_officer' ORDER BY g.code`,
  );
});
afterAll(() => t.close());

const get = (url: string, user: DemoUser = 'grid_officer') => t.app.request(url, { headers: authHeader(user) });
type Located = { grid: { code: string; townshipName: string } | null; insideMyGrid: boolean | null; myGrids: { code: string; metres: number }[] };

describe('grids', () => {
  it('tells a grid officer standing in their grid that they are inside it', async () => {
    expect(mine.length).toBeGreaterThan(0);
    const p = mine[0]!;
    const res = (await (await get(`/api/grids/locate?lon=${p.lon}&lat=${p.lat}`)).json()) as Located;
    expect(res.grid!.code).toBe(p.code);
    expect(res.grid!.townshipName.length).toBeGreaterThan(0);
    expect(res.insideMyGrid).toBe(true);
  });

  it('converts a GCJ-02 position (AMap/Tencent apps) before testing it', async () => {
    const p = mine[0]!;
    const [glon, glat] = convertPoint([p.lon, p.lat], 'WGS84', 'GCJ02');
    const raw = (await (await get(`/api/grids/locate?lon=${glon}&lat=${glat}`)).json()) as Located;
    const converted = (await (await get(`/api/grids/locate?lon=${glon}&lat=${glat}&datum=gcj02`)).json()) as Located;
    expect(converted.grid!.code).toBe(p.code);
    // Taken as WGS84, the same numbers land hundreds of metres away: outside the grid.
    expect(raw.grid?.code).not.toBe(p.code);
  });

  it('says how far away their grids are when they are outside', async () => {
    const [far] = await t.db.query<{ lon: number; lat: number }>(
      'SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM grid_cell WHERE NOT (code = ANY($1)) ORDER BY code DESC LIMIT 1',
      [mine.map((m) => m.code)],
    );
    const res = (await (await get(`/api/grids/locate?lon=${far!.lon}&lat=${far!.lat}`, 'grid_officer')).json()) as Located;
    expect(res.insideMyGrid).toBe(false);
    expect(res.myGrids[0]!.metres).toBeGreaterThan(100);
  });

  it("lists the officer's grids with boundary and due work, and refuses other roles", async () => {
    const res = (await (await get('/api/grids/mine?as_of=2026-11-01')).json()) as { grids: { code: string; boundary: { type: string }; due: unknown[] }[] };
    expect(res.grids.map((g) => g.code)).toEqual(mine.map((m) => m.code));
    expect(res.grids[0]!.boundary.type).toBe('MultiPolygon');
    expect(Array.isArray(res.grids[0]!.due)).toBe(true);
    expect((await get('/api/grids/mine', 'inspector')).status).toBe(403);
  });

  it('refuses malformed positions naming the parameter', async () => {
    for (const [q, param] of [['lon=abc&lat=27', 'lon'], ['lon=112&lat=95', 'lat'], ['lon=112&lat=27&datum=wgs', 'datum'], ['lat=27', 'lon']] as const) {
      const res = await get(`/api/grids/locate?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { param: string }).param, q).toBe(param);
    }
  });
});
