/**
 * The tiles' fast path (answered on Node's request objects before Hono) answers exactly as the Hono route does:
 * same status, bytes and headers for a tile, an empty tile, a 304; and anything it does not handle reaches Hono.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from 'api/src/server.js';
import { authHeader, testApp } from '../support/test-app.js';
import { lonLatToTile } from '../support/tiles.js';

let t: Awaited<ReturnType<typeof testApp>>;
let server: RunningServer;
let hits = 0;
beforeAll(async () => {
  t = await testApp();
  const { tileFastPath } = await import('api/src/tiles/fast-path.js');
  const fast = tileFastPath(t.tiles, () => true);
  // Count what the fast path answered itself: everything else reached the Hono app.
  server = await startServer(t.app, 0, '127.0.0.1', { fastPath: (req, res, app) => fast(req, res, () => (hits--, app())) });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const HEADERS = ['content-type', 'etag', 'cache-control', 'vary', 'x-content-type-options'];
const pickHeaders = (h: Headers) => Object.fromEntries(HEADERS.map((k) => [k, h.get(k)]));

describe('tile fast path', () => {
  it('answers as the Hono route does: 200, 204 and 304, same headers and bytes', async () => {
    const [p] = await t.db.query<{ lon: number; lat: number }>("SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE level = 'township' AND code LIKE '4380%' LIMIT 1");
    const { z, x, y } = lonLatToTile(p!.lon, p!.lat, 11);
    for (const path of [`/api/tiles/townships/${z}/${x}/${y}.mvt?as_of=2026-11-01`, '/api/tiles/townships/9/10/200.mvt', `/api/tiles/roads/${z}/${x}/${y}.mvt`]) {
      const viaHono = await t.app.request(path, { headers: authHeader('city_office') });
      const before = hits;
      const viaFast = await fetch(`${server.url}${path}`, { headers: authHeader('city_office') });
      hits++; // one request; the wrapper took one off if it went to Hono
      expect(hits - before, `${path} answered by the fast path`).toBe(1);
      expect(viaFast.status, path).toBe(viaHono.status);
      expect(pickHeaders(viaFast.headers), path).toEqual(pickHeaders(viaHono.headers));
      expect(new Uint8Array(await viaFast.arrayBuffer())).toEqual(new Uint8Array(await viaHono.arrayBuffer()));
      const etag = viaFast.headers.get('etag')!;
      const again = await fetch(`${server.url}${path}`, { headers: { ...authHeader('city_office'), 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(pickHeaders(again.headers)).toEqual({ ...pickHeaders(viaHono.headers), 'content-type': null });
    }
  });

  it('leaves filters, bad addresses and unknown users to the app and its problem answers', async () => {
    for (const [path, headers, status] of [
      [`/api/tiles/firms/11/1700/850.mvt?filter=${encodeURIComponent('category = 1')}`, authHeader('city_office'), [200, 204]],
      ['/api/tiles/townships/3/8/0.mvt', authHeader('city_office'), [400]],
      ['/api/tiles/townships/9/420/220.mvt?as_of=2025-02-30', authHeader('city_office'), [400]],
      ['/api/tiles/townships/9/420/220.mvt', { Authorization: 'Bearer not-a-token' }, [401]],
    ] as const) {
      const before = hits;
      const res = await fetch(`${server.url}${path}`, { headers });
      expect(status as readonly number[], path).toContain(res.status);
      expect(hits - before, `${path} went to the app`).toBe(-1);
    }
  });
});
