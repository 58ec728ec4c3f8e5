/** OGC API – Features, Part 1 Core: what GDAL's OGCAPI driver and QGIS rely on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.request(`http://console.test${url}`, { headers: authHeader('city_office') });
type Fc = { type: string; features: { id: number; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]; numberMatched: number; numberReturned: number; links: { rel: string; href: string }[] };

describe('OGC API Features', () => {
  it('has a landing page linking conformance, data and the API description', async () => {
    const body = (await (await get('/api/ogc')).json()) as { links: { rel: string; href: string }[] };
    const rels = body.links.map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'conformance', 'data', 'service-desc']));
    const conf = (await (await get('/api/ogc/conformance')).json()) as { conformsTo: string[] };
    expect(conf.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conf.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
  });

  it('lists one collection per layer, each with an items link and an extent', async () => {
    const body = (await (await get('/api/ogc/collections')).json()) as { collections: { id: string; links: { rel: string }[]; extent: { spatial: { bbox: number[][] } } }[] };
    expect(body.collections.map((c) => c.id)).toContain('firms');
    for (const c of body.collections) {
      expect(c.links.some((l) => l.rel === 'items')).toBe(true);
      expect(c.extent.spatial.bbox[0]).toHaveLength(4);
    }
  });

  it('pages items with next links that walk the whole collection exactly once', async () => {
    const seen = new Set<number>();
    let url: string | undefined = '/api/ogc/collections/firms/items?limit=40';
    let matched = 0;
    while (url) {
      const res = await get(url.replace('http://console.test', ''));
      expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
      const fc = (await res.json()) as Fc;
      matched = fc.numberMatched;
      for (const f of fc.features) {
        expect(seen.has(f.id)).toBe(false);
        seen.add(f.id);
        expect(f.geometry.type).toBe('Point');
      }
      url = fc.links.find((l) => l.rel === 'next')?.href;
    }
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int n FROM firm')) as [{ n: number }];
    expect(seen.size).toBe(n);
    expect(matched).toBe(n);
  });

  it('filters by bbox: every returned point lies inside it', async () => {
    const all = (await (await get('/api/ogc/collections/venues/items?limit=10000')).json()) as Fc;
    const xs = all.features.map((f) => (f.geometry.coordinates as number[])[0]!).sort((a, b) => a - b);
    const ys = all.features.map((f) => (f.geometry.coordinates as number[])[1]!).sort((a, b) => a - b);
    const bbox = [xs[0]!, ys[0]!, xs[Math.floor(xs.length / 2)]!, ys[Math.floor(ys.length / 2)]!];
    const some = (await (await get(`/api/ogc/collections/venues/items?limit=10000&bbox=${bbox.join(',')}`)).json()) as Fc;
    expect(some.numberReturned).toBeGreaterThan(0);
    expect(some.numberReturned).toBeLessThan(all.numberReturned);
    for (const f of some.features) {
      const [x, y] = f.geometry.coordinates as number[];
      expect(x! >= bbox[0]! && x! <= bbox[2]! && y! >= bbox[1]! && y! <= bbox[3]!).toBe(true);
    }
  });

  it('applies datetime to areas by their validity interval', async () => {
    const now = (await (await get('/api/ogc/collections/townships/items?limit=1&datetime=2026-01-01')).json()) as Fc;
    expect(now.numberMatched).toBeGreaterThan(0);
    const before = (await (await get('/api/ogc/collections/townships/items?limit=1&datetime=1990-01-01')).json()) as Fc;
    expect(before.numberMatched).toBe(0);
  });

  it('returns single items and 404 for unknown ones', async () => {
    const fc = (await (await get('/api/ogc/collections/checkpoints/items?limit=1')).json()) as Fc;
    const id = fc.features[0]!.id;
    const one = (await (await get(`/api/ogc/collections/checkpoints/items/${id}`)).json()) as { id: number; properties: { name: string } };
    expect(one.id).toBe(id);
    expect(one.properties.name).toBe(fc.features[0]!.properties.name);
    expect((await get('/api/ogc/collections/checkpoints/items/999999999')).status).toBe(404);
    expect((await get('/api/ogc/collections/nope/items')).status).toBe(404);
  });

  it('refuses malformed parameters naming them', async () => {
    const cases: [string, string][] = [
      ['/api/ogc/collections/firms/items?bbox=113,27,112,26', 'bbox'],
      ['/api/ogc/collections/firms/items?bbox=1,2,3', 'bbox'],
      ['/api/ogc/collections/firms/items?bbox=a,b,c,d', 'bbox'],
      ['/api/ogc/collections/firms/items?limit=10001', 'limit'],
      ['/api/ogc/collections/firms/items?limit=0', 'limit'],
      ['/api/ogc/collections/firms/items?datetime=2026-13-01', 'datetime'],
      ['/api/ogc/collections/firms/items?datetime=2026-02-01/2026-01-01', 'datetime'],
      ["/api/ogc/collections/firms/items?limit=1;DROP TABLE firm", 'limit'],
    ];
    for (const [url, param] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { param: string }).param, url).toBe(param);
    }
    expect((await t.db.query('SELECT 1 FROM firm LIMIT 1')).length).toBe(1);
  });
});
