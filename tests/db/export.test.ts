/** PMTiles export of chosen layers, scoped to the user, read back with the pmtiles reader the console uses. */
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp } from '../support/test-app.js';
import { decodeTile } from '../support/tiles.js';

class BufferSource implements Source {
  constructor(private readonly buf: Uint8Array) {}
  getKey = () => 'export';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.buf.slice(offset, offset + length).buffer as ArrayBuffer };
  }
}

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string, user: Parameters<typeof authHeader>[0] = 'county_office') => t.app.request(url, { headers: authHeader(user) });

describe('PMTiles export', () => {
  it('holds every chosen layer of the user’s jurisdiction, tile for tile as the API serves it', async () => {
    const res = await get('/api/exports/tiles.pmtiles?layers=townships,checkpoints&minzoom=8&maxzoom=10&as_of=2026-11-01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.pmtiles');
    const archive = new PMTiles(new BufferSource(new Uint8Array(await res.arrayBuffer())));
    const h = await archive.getHeader();
    expect([h.minZoom, h.maxZoom, h.tileType]).toEqual([8, 10, 1]);
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string }[]; 'gc:style_layers': { source: string }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['townships', 'checkpoints']);
    expect(meta['gc:style_layers'].length).toBeGreaterThan(1);
    // Every z10 tile in the archive equals the API's own tiles of both layers for this user.
    const [c] = await t.db.query<{ lon: number; lat: number }>("SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE code = '438002000000' AND valid_to IS NULL");
    const n = 2 ** 10;
    const x = Math.floor(((c!.lon + 180) / 360) * n);
    const r = (c!.lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    const tile = await archive.getZxy(10, x, y);
    expect(tile).toBeDefined();
    // The reader undoes the archive's gzip tile compression itself.
    const fromFile = decodeTile(new Uint8Array(tile!.data));
    for (const layer of ['townships', 'checkpoints']) {
      const live = await get(`/api/tiles/${layer}/10/${x}/${y}.mvt?as_of=2026-11-01`);
      const expected = live.status === 200 ? decodeTile(await live.arrayBuffer())[layer]! : [];
      expect((fromFile[layer] ?? []).map((f) => f.properties), layer).toEqual(expected.map((f) => f.properties));
    }
    // Scoped: a county office's export has only its county's townships.
    for (const f of fromFile.townships ?? []) expect(String(f.properties.code).startsWith('438002')).toBe(true);
  });

  it('refuses unknown layers and exports too large to send, naming the parameter', async () => {
    const bad = await get('/api/exports/tiles.pmtiles?layers=townships,nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { param: string; detail: string }).param).toBe('layers');
    const big = await get('/api/exports/tiles.pmtiles?layers=roads,townships&maxzoom=16', 'city_office');
    expect(big.status).toBe(400);
    const body = (await big.json()) as { param: string; detail: string };
    expect(body.param).toBe('maxzoom');
    expect(body.detail).toMatch(/more than 20000/);
  });
});
