/**
 * The tiles' fast path (answered on Node's request objects before Hono) answers exactly as the Hono route does:
 * same status, bytes and headers — the API's security headers and its compression included — for a tile, an empty
 * tile, a 304; and anything it does not handle reaches Hono.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from 'api/src/http/client-address.js';
import { BodyCompressor } from 'api/src/http/compression.js';
import { API_SECURITY_HEADERS } from 'api/src/http/security-headers.js';
import { startServer, type RunningServer } from 'api/src/server.js';
import { tileFastPath } from 'api/src/tiles/fast-path.js';
import { authHeader, testApp } from '../support/test-app.js';
import { lonLatToTile } from '../support/tiles.js';

let t: Awaited<ReturnType<typeof testApp>>;
let server: RunningServer;
let hits = 0;
beforeAll(async () => {
  t = await testApp();
  // Count what the fast path answered itself: everything else reached the Hono app.
  server = await startServer(t.app, 0, '127.0.0.1', { fastPath: (req, res, app) => t.fastPath(req, res, () => (hits--, app())) });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** A GET on its own connection, the body exactly as sent (fetch would decompress it). */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode!, headers: h, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

const decoded = (encoding: string | null, body: Buffer) => (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body);

const HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary', 'strict-transport-security', ...Object.keys(API_SECURITY_HEADERS).map((k) => k.toLowerCase())];
const pickHeaders = (h: Headers) => Object.fromEntries(HEADERS.map((k) => [k, h.get(k)]));

describe('tile fast path', () => {
  it('answers as the Hono route does: 200, 204 and 304, same headers (security, compression) and bytes', async () => {
    const [p] = await t.db.query<{ lon: number; lat: number }>("SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE level = 'township' AND code LIKE '4380%' LIMIT 1");
    const { z, x, y } = lonLatToTile(p!.lon, p!.lat, 11);
    let compressed = 0;
    for (const path of [`/api/tiles/townships/${z}/${x}/${y}.mvt?as_of=2026-11-01`, '/api/tiles/townships/9/10/200.mvt', `/api/tiles/roads/${z}/${x}/${y}.mvt`]) {
      for (const acceptEncoding of ['br', 'gzip', 'identity']) {
        const headers = { ...authHeader('city_office'), 'Accept-Encoding': acceptEncoding };
        const viaHono = await t.app.request(path, { headers });
        const honoBody = Buffer.from(await viaHono.arrayBuffer());
        const before = hits;
        const viaFast = await raw(`${server.url}${path}`, headers);
        hits++; // one request; the wrapper took one off if it went to Hono
        expect(hits - before, `${path} answered by the fast path`).toBe(1);
        expect(viaFast.status, path).toBe(viaHono.status);
        expect(pickHeaders(viaFast.headers), `${path} ${acceptEncoding}`).toEqual(pickHeaders(viaHono.headers));
        expect(viaFast.headers.get('x-frame-options')).toBe('DENY');
        const encoding = viaFast.headers.get('content-encoding');
        if (encoding) compressed++;
        expect(new Uint8Array(decoded(encoding, viaFast.body))).toEqual(new Uint8Array(decoded(encoding, honoBody)));
        const etag = viaFast.headers.get('etag')!;
        const again = await raw(`${server.url}${path}`, { ...headers, 'If-None-Match': etag });
        expect(again.status).toBe(304);
        const notModified = await t.app.request(path, { headers: { ...headers, 'If-None-Match': etag } });
        expect(pickHeaders(again.headers)).toEqual(pickHeaders(notModified.headers));
      }
    }
    // The township tile is big enough to be worth compressing: brotli and gzip were used.
    expect(compressed).toBeGreaterThanOrEqual(2);
  });

  it('sends HSTS only when a trusted proxy says the client came over HTTPS', async () => {
    const fast = tileFastPath(t.tiles, () => true, { trustedProxies: parseTrustedProxies('loopback'), compressor: new BodyCompressor() });
    const untrusting = tileFastPath(t.tiles, () => true, { trustedProxies: parseTrustedProxies(''), compressor: new BodyCompressor() });
    const behindProxy = await startServer(t.app, 0, '127.0.0.1', { fastPath: fast });
    const direct = await startServer(t.app, 0, '127.0.0.1', { fastPath: untrusting });
    try {
      const path = '/api/tiles/townships/9/10/200.mvt';
      const https = { ...authHeader('city_office'), 'X-Forwarded-Proto': 'https' };
      await t.app.request(path, { headers: authHeader('city_office') }); // the token is resolved (the fast path's condition)
      expect((await raw(`${behindProxy.url}${path}`, https)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect((await raw(`${behindProxy.url}${path}`, authHeader('city_office'))).headers.get('strict-transport-security')).toBeNull();
      expect((await raw(`${direct.url}${path}`, https)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindProxy.close();
      await direct.close();
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
