/** Health, sign-in, the layer catalogue and the style: what the console reads before it draws anything. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports the database and the schema version, cheaply and to anyone', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; schemaVersion: number; database: { reachable: boolean; kind: string } };
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ reachable: true, kind: 'postgres' });
    expect(body.schemaVersion).toBeGreaterThanOrEqual(90);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('reports the newest data to signed-in users only', async () => {
    expect((await t.app.request('/api/health/data')).status).toBe(401);
    const res = await t.app.request('/api/health/data', { headers: authHeader('wall') });
    const body = (await res.json()) as { newestData: Record<string, string> };
    expect(body.newestData.checkpoint_day).toMatch(/^2026-1[01]-/);
  });
});

describe('session', () => {
  it('signs in with the demo password, sets an HttpOnly cookie that then authenticates, and signs out', async () => {
    const res = await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'inspector', password: 'demo' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/gc_session=[^;]+;.*HttpOnly/i);
    const token = cookie.split(';')[0]!;
    const me = await t.app.request('/api/session', { headers: { cookie: token } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('inspector');
    expect((await t.app.request('/api/session', { method: 'DELETE', headers: { cookie: token } })).status).toBe(204);
    const after = await t.app.request('/api/session', { headers: { cookie: token } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { user: unknown }).user).toBeNull();
    expect((await t.app.request('/api/layers', { headers: { cookie: token } })).status).toBe(401);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE username = 'inspector' AND action = 'sign_in'");
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password and a malformed body with problems', async () => {
    const wrong = await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'inspector', password: 'nope' }) });
    expect(wrong.status).toBe(401);
    const bad = await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": 3}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { param: string }).param).toBe('username');
  });
});

describe('layers and style', () => {
  it('lists every layer with fields, zoom range, bounds inside Hunan, counts and a legend', async () => {
    const res = await t.app.request('/api/layers', { headers: authHeader('city_office') });
    const { layers } = (await res.json()) as { layers: { id: string; count: number; bounds: number[]; minzoom: number; maxzoom: number; fields: unknown[]; legend: { color: string }[]; geometryType: string }[] };
    const ids = layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['counties', 'townships', 'villages', 'grids', 'checkpoints', 'firms', 'venues', 'wastewater_sites', 'catchments', 'roads']));
    for (const l of layers) {
      expect(l.count, l.id).toBeGreaterThan(0);
      expect(l.bounds[0]).toBeGreaterThan(108);
      expect(l.bounds[2]).toBeLessThan(115);
      expect(l.minzoom).toBeLessThan(l.maxzoom);
      expect(l.legend.length).toBeGreaterThan(0);
      for (const e of l.legend) expect(e.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
    const townships = layers.find((l) => l.id === 'townships')!;
    const [{ n }] = (await t.db.query<{ n: number }>("SELECT count(*)::int n FROM admin_area WHERE level = 'township' AND valid_to IS NULL")) as [{ n: number }];
    expect(townships.count).toBe(n);
  });

  it('serves a style whose sources are only our own tiles, with no glyphs or sprites, and paints what the legend says', async () => {
    const res = await t.app.request('http://console.test/api/style.json', { headers: authHeader('city_office') });
    const style = (await res.json()) as { version: number; sources: Record<string, { tiles: string[] }>; layers: { id: string; paint?: Record<string, unknown> }[]; glyphs?: string; sprite?: string };
    expect(style.version).toBe(8);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const src of Object.values(style.sources)) for (const url of src.tiles) expect(url.startsWith('http://console.test/api/tiles/')).toBe(true);
    const fill = style.layers.find((l) => l.id === 'townships-fill')!;
    const { layers } = (await (await t.app.request('/api/layers', { headers: authHeader('city_office') })).json()) as { layers: { id: string; legend: { color: string }[] }[] };
    const legendColors = layers.find((l) => l.id === 'townships')!.legend.map((e) => e.color);
    const paintColors = JSON.stringify(fill.paint!['fill-color']).match(/#[0-9A-Fa-f]{6}/g)!;
    for (const c of paintColors) expect(legendColors).toContain(c);
  });
});

describe('OpenAPI', () => {
  it('describes every API route group, with the tile parameters taken from the parsers', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; schema: { pattern?: string } }[] }>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/health', '/api/layers', '/api/tiles/{layer}/{z}/{x}/{file}', '/api/ogc/collections/{collectionId}/items', '/api/areas/{code}', '/api/search', '/api/listings', '/api/wastewater/imports']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const asOf = doc.paths['/api/tiles/{layer}/{z}/{x}/{file}']!.get!.parameters.find((p) => p.name === 'as_of')!;
    expect(asOf.in).toBe('query');
    expect(asOf.schema.pattern).toBeTruthy();
  });
});
