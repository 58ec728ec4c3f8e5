/** Area details and search: names, parent chains, listings, counts, scope, and hostile input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string, user: DemoUser = 'city_office') => t.app.request(url, { headers: authHeader(user) });

describe('areas', () => {
  it('gives a township its parent chain up to the province, population, counts and listing', async () => {
    const [tw] = await t.db.query<{ code: string; name: string; population: number }>(
      "SELECT code, name, population FROM admin_area WHERE level = 'township' AND valid_to IS NULL ORDER BY code LIMIT 1",
    );
    const res = await get(`/api/areas/${tw!.code}`);
    expect(res.status).toBe(200);
    const a = (await res.json()) as { name: string; level: string; population: number; parents: { level: string }[]; counts: { villages: number; grids: number }; people: unknown[] | null };
    expect(a.name).toBe(tw!.name);
    expect(a.level).toBe('township');
    expect(a.population).toBe(tw!.population);
    expect(a.parents.map((p) => p.level)).toEqual(['province', 'city', 'county']);
    expect(a.counts.villages).toBeGreaterThan(0);
    expect(a.counts.grids).toBeGreaterThanOrEqual(a.counts.villages);
    expect(Array.isArray(a.people)).toBe(true);
  });

  it('accepts short codes, hides people counts from inspectors and areas outside the jurisdiction', async () => {
    const [county] = await t.db.query<{ code: string }>("SELECT code FROM admin_area WHERE level = 'county' ORDER BY code LIMIT 1");
    const short = county!.code.slice(0, 6);
    expect((await get(`/api/areas/${short}`)).status).toBe(200);
    const insp = (await (await get(`/api/areas/${short}`, 'inspector')).json()) as { people: unknown };
    expect(insp.people).toBeNull();
    const [other] = await t.db.query<{ code: string }>(
      "SELECT code FROM admin_area WHERE level = 'county' AND code <> $1 ORDER BY code LIMIT 1",
      [county!.code],
    );
    const [{ jurisdiction_code }] = (await t.db.query<{ jurisdiction_code: string }>("SELECT jurisdiction_code FROM app_user WHERE username = 'county_office'")) as [{ jurisdiction_code: string }];
    const outside = other!.code === jurisdiction_code ? county!.code : other!.code;
    expect((await get(`/api/areas/${outside}`, 'county_office')).status).toBe(404);
  });

  it('answers 400 for malformed codes and 404 for unknown ones', async () => {
    for (const bad of ['43x', '4', "430000' OR '1'='1", '1234567']) {
      const res = await get(`/api/areas/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { param: string }).param).toBe('code');
    }
    expect((await get('/api/areas/439999999999')).status).toBe(404);
  });
});

describe('search', () => {
  it('finds a village by part of its Chinese name and gives a bbox around it', async () => {
    const [v] = await t.db.query<{ name: string; code: string; w: number; e: number }>(
      "SELECT name, code, ST_XMin(geom) w, ST_XMax(geom) e FROM admin_area WHERE level = 'village' ORDER BY code LIMIT 1",
    );
    const res = await get(`/api/search?q=${encodeURIComponent(v!.name)}`);
    const body = (await res.json()) as { results: { code: string; name: string; kind: string; bbox: number[] }[] };
    const hit = body.results.find((r) => r.code === v!.code)!;
    expect(hit).toBeTruthy();
    expect(body.results[0]!.name).toBe(v!.name);
    expect(hit.bbox[0]).toBeCloseTo(v!.w, 5);
    expect(hit.bbox[2]).toBeCloseTo(v!.e, 5);
  });

  it('finds areas by code prefix and firms by name', async () => {
    const [f] = await t.db.query<{ name: string }>('SELECT name FROM firm ORDER BY id LIMIT 1');
    const firms = (await (await get(`/api/search?q=${encodeURIComponent(f!.name)}`)).json()) as { results: { kind: string }[] };
    expect(firms.results.some((r) => r.kind === 'firm')).toBe(true);
    const [tw] = await t.db.query<{ code: string }>("SELECT code FROM admin_area WHERE level = 'township' ORDER BY code LIMIT 1");
    const byCode = (await (await get(`/api/search?q=${tw!.code.slice(0, 9)}`)).json()) as { results: { code: string }[] };
    expect(byCode.results[0]!.code.startsWith(tw!.code.slice(0, 9))).toBe(true);
  });

  it('misses no name that contains the query, for queries of one, two and more characters', async () => {
    // The index finds candidates by characters and pairs of characters (migration 165); every name the plain
    // substring test finds must be among them, for parts taken from the start, middle and end of real names.
    const names = await t.db.query<{ name: string }>(
      `SELECT name FROM (SELECT name FROM admin_area UNION ALL SELECT name FROM grid_cell UNION ALL SELECT name FROM firm) n
       WHERE length(name) >= 4 ORDER BY md5(name) LIMIT 12`,
    );
    const queries = new Set<string>();
    for (const { name } of names) {
      const chars = Array.from(name);
      queries.add(chars[0]!).add(chars.slice(1, 3).join('')).add(chars.slice(-3).join('')).add(chars.join(''));
    }
    for (const q of queries) {
      for (const table of ['admin_area', 'grid_cell', 'firm']) {
        const [r] = await t.db.query<{ indexed: number; scanned: number }>(
          `SELECT count(*) FILTER (WHERE name_grams(name) @> query_grams($1) AND position($1 in name) > 0)::int AS indexed,
                  count(*) FILTER (WHERE position($1 in name) > 0)::int AS scanned FROM ${table}`,
          [q],
        );
        expect({ q, table, found: r!.indexed }).toEqual({ q, table, found: r!.scanned });
      }
    }
    const res = await get(`/api/search?q=${encodeURIComponent(Array.from(names[0]!.name).slice(1, 3).join(''))}`);
    expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('treats wildcards and quotes as text and refuses empty queries', async () => {
    for (const q of ['%', '_', "'; DROP TABLE admin_area; --"]) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { results: unknown[] }).results).toEqual([]);
    }
    const empty = await get('/api/search?q=');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { param: string }).param).toBe('q');
  });
});

describe('sites', () => {
  it('shows a checkpoint with its last 30 days and a firm with its inspections', async () => {
    const [cp] = await t.db.query<{ id: number }>('SELECT id FROM checkpoint ORDER BY id LIMIT 1');
    const days = (await (await get(`/api/checkpoints/${cp!.id}/days?days=30`)).json()) as { days: { day: string; vehicles: number }[] };
    expect(days.days.length).toBeGreaterThan(20);
    expect(days.days.length).toBeLessThanOrEqual(30);
    const [firm] = await t.db.query<{ id: number }>('SELECT firm_id AS id FROM inspection WHERE firm_id IS NOT NULL LIMIT 1');
    const f = (await (await get(`/api/firms/${firm!.id}`)).json()) as { lastInspection: { inspectedOn: string }; nextDue: string; category: number };
    expect(f.lastInspection.inspectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(f.nextDue > f.lastInspection.inspectedOn).toBe(true);
    expect([1, 2, 3]).toContain(f.category);
    expect((await get('/api/firms/abc')).status).toBe(400);
    expect((await get('/api/venues/999999')).status).toBe(404);
  });
});
