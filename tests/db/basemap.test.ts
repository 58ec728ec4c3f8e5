/**
 * A real basemap under our WGS84 data. A GCJ-02 tile service (here a synthetic one on localhost that marks the
 * GCJ-02 position of a known place in red) must come out of /api/basemap with the mark on the place's WGS84 position;
 * a WGS84 basemap passes through unchanged. A vector PMTiles archive (made here from the demo data by the console's
 * own export) is served as MVT with a style generated from its metadata.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from 'api/src/app.js';
import { loadConfig } from 'api/src/config.js';
import { startServer, type RunningServer } from 'api/src/server.js';
import { convertPoint } from 'domain/datum';
import { writePmtiles } from '../support/pmtiles-archive.js';
import { authHeader, testApp } from '../support/test-app.js';
import { decodeTile, lonLatToTile } from '../support/tiles.js';

const PLACE: [number, number] = [112.6, 26.9]; // in the demo city
const Z = 15;

function worldPixel([lon, lat]: [number, number], z: number): [number, number] {
  const n = 256 * 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * n, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n];
}

/** A GCJ-02 tile service: white tiles, with a 5×5 red square centred on the GCJ-02 position of PLACE. */
function gcjTileService() {
  const mark = worldPixel(convertPoint(PLACE, 'WGS84', 'GCJ02'), Z);
  const fetch = (req: Request) => {
    const [z, x, y] = new URL(req.url).pathname.replace('.png', '').split('/').slice(1).map(Number) as [number, number, number];
    const png = new PNG({ width: 256, height: 256 });
    png.data.fill(255);
    if (z === Z) {
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const px = Math.round(mark[0]) + dx - x * 256;
          const py = Math.round(mark[1]) + dy - y * 256;
          if (px < 0 || py < 0 || px >= 256 || py >= 256) continue;
          const i = (py * 256 + px) * 4;
          png.data[i + 1] = 0;
          png.data[i + 2] = 0;
        }
    }
    return new Response(new Uint8Array(PNG.sync.write(png)), { headers: { 'Content-Type': 'image/png' } });
  };
  return { fetch };
}

function redCentroid(bytes: ArrayBuffer): [number, number] | null {
  const png = PNG.sync.read(Buffer.from(bytes));
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! > 200 && png.data[i + 1]! < 60 && png.data[i + 2]! < 60) (sx += x), (sy += y), n++;
    }
  return n ? [sx / n, sy / n] : null;
}

let upstream: RunningServer;
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  upstream = await startServer(gcjTileService(), 0);
  t = await testApp();
});
afterAll(async () => {
  await upstream.close();
  await t.close();
});

const appWith = (datum: string) =>
  createApp({
    db: t.db,
    config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent', BASEMAP: `${upstream.url}/{z}/{x}/{y}.png`, BASEMAP_DATUM: datum, BASEMAP_ATTRIBUTION: '测试底图' }),
    startup: { phase: 'ready' },
  }).app;

describe('basemap', () => {
  const [wx, wy] = worldPixel(PLACE, Z);
  const tile = `/api/basemap/${Z}/${Math.floor(wx / 256)}/${Math.floor(wy / 256)}.png`;
  const expected: [number, number] = [wx - Math.floor(wx / 256) * 256, wy - Math.floor(wy / 256) * 256];

  it('re-aligns a GCJ-02 basemap so that a place is drawn where our WGS84 data puts it (within a pixel)', async () => {
    const res = await appWith('gcj02').request(tile, { headers: authHeader('city_office') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const at = redCentroid(await res.arrayBuffer());
    expect(at).not.toBeNull();
    expect(Math.hypot(at![0] - expected[0], at![1] - expected[1])).toBeLessThan(1.5);
  });

  it('passes a WGS84 basemap through, where the same GCJ-02 mark would sit hundreds of metres off', async () => {
    const res = await appWith('wgs84').request(tile, { headers: authHeader('city_office') });
    const at = redCentroid(await res.arrayBuffer());
    // At zoom 15 a pixel is ~4 m: the GCJ-02 offset here (~500 m) is far more than 50 px, or off this tile.
    if (at) expect(Math.hypot(at[0] - expected[0], at[1] - expected[1])).toBeGreaterThan(50);
  });

  it('puts the basemap under our layers in the style, and leaves it out when none is configured', async () => {
    const style = (await (await appWith('gcj02').request('http://console.test/api/style.json', { headers: authHeader('city_office') })).json()) as {
      metadata: Record<string, string>;
      sources: Record<string, { tiles: string[]; attribution?: string }>;
      layers: { id: string }[];
    };
    expect(style.sources.basemap!.tiles[0]).toBe('http://console.test/api/basemap/{z}/{x}/{y}.png');
    expect(style.sources.basemap!.attribution).toBe('测试底图');
    expect(style.layers.map((l) => l.id).slice(0, 2)).toEqual(['background', 'basemap']);
    expect(style.metadata['gc:datum']).toBe('WGS84');
    expect(style.metadata['gc:basemapSourceDatum']).toBe('gcj02');
    const plain = (await (await t.app.request('/api/style.json', { headers: authHeader('city_office') })).json()) as { sources: Record<string, unknown> };
    expect(plain.sources.basemap).toBeUndefined();
    expect((await t.app.request(tile, { headers: authHeader('city_office') })).status).toBe(404);
  });

  it('serves a local PMTiles archive: its tiles as they are, 204 where it has none, re-aligned when GCJ-02', async () => {
    const [tx, ty] = [Math.floor(wx / 256), Math.floor(wy / 256)];
    const png = new PNG({ width: 256, height: 256 });
    png.data.fill(200);
    const bytes = new Uint8Array(PNG.sync.write(png));
    const path = join(mkdtempSync(join(tmpdir(), 'basemap-')), 'basemap.pmtiles');
    writePmtiles(path, [{ z: Z, x: tx, y: ty, data: bytes }, { z: Z, x: tx + 1, y: ty, data: bytes }]);
    const app = (datum: string) =>
      createApp({ db: t.db, config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent', BASEMAP: `pmtiles:${path}`, BASEMAP_DATUM: datum }), startup: { phase: 'ready' } }).app;
    const same = await app('wgs84').request(tile, { headers: authHeader('city_office') });
    expect(same.status).toBe(200);
    expect(same.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await same.arrayBuffer())).toEqual(bytes);
    expect((await app('wgs84').request(`/api/basemap/${Z}/${tx}/${ty + 5}.png`, { headers: authHeader('city_office') })).status).toBe(204);
    const shifted = await app('gcj02').request(tile, { headers: authHeader('city_office') });
    expect(shifted.status).toBe(200);
    expect(PNG.sync.read(Buffer.from(await shifted.arrayBuffer())).width).toBe(256);
  });

  it('refuses a bad BASEMAP_DATUM at start-up', () => {
    expect(() => loadConfig({ BASEMAP: 'http://x/{z}/{x}/{y}.png', BASEMAP_DATUM: 'bd09' })).toThrow(/BASEMAP_DATUM/);
  });
});

describe('vector basemap', () => {
  let path: string;
  let vectorApp: ReturnType<typeof createApp>['app'];
  const get = (url: string) => vectorApp.request(url, { headers: authHeader('city_office') });
  interface Style {
    glyphs: string;
    sources: Record<string, { type: string; tiles: string[]; maxzoom: number; bounds: number[] }>;
    layers: { id: string; type: string; source?: string; paint?: Record<string, unknown> }[];
  }

  beforeAll(async () => {
    // The console's own PMTiles export of the demo city: areas, roads and checkpoints, as a basemap would hold them.
    const res = await t.app.request('/api/exports/tiles.pmtiles?layers=counties,townships,roads,checkpoints&minzoom=8&maxzoom=11', { headers: authHeader('city_office') });
    expect(res.status).toBe(200);
    path = join(mkdtempSync(join(tmpdir(), 'vector-basemap-')), 'city.pmtiles');
    writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
    vectorApp = createApp({ db: t.db, config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent', BASEMAP: `pmtiles:${path}` }), startup: { phase: 'ready' } }).app;
  }, 120_000);

  it('puts a vector source with layers generated from the archive under ours, in a valid style that names only the console', async () => {
    const style = (await (await get('http://console.test/api/style.json')).json()) as Style;
    expect(validateStyleMin(style as unknown as StyleSpecification)).toEqual([]);
    expect(style.sources.basemap).toMatchObject({ type: 'vector', tiles: ['http://console.test/api/basemap/{z}/{x}/{y}.pbf'], minzoom: 8, maxzoom: 11 });
    expect(style.sources.basemap!.bounds).toHaveLength(4);
    expect(style.glyphs).toBe('http://console.test/glyphs/{fontstack}/{range}.pbf');
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['basemap-counties-boundary', 'basemap-townships-boundary', 'basemap-roads-casing', 'basemap-roads-line', 'basemap-roads-line-label', 'basemap-townships-label', 'basemap-checkpoints-label']));
    // Under everything of ours: every basemap layer comes before the first console layer.
    const lastBasemap = Math.max(...ids.map((id, i) => (id.startsWith('basemap-') ? i : -1)));
    const firstOurs = style.layers.findIndex((l) => l.source && l.source !== 'basemap');
    expect(lastBasemap).toBeLessThan(firstOurs);
    expect(style.layers.filter((l) => l.id.startsWith('basemap-')).every((l) => l.source === 'basemap')).toBe(true);
    // Nothing from outside: every URL in the style is the console's.
    expect(JSON.stringify(style).match(/https?:\/\/[^/"]+/g)!.every((u) => u === 'http://console.test')).toBe(true);
    // The wall's dark scheme gets dark inks.
    const dark = (await (await get('http://console.test/api/style.json?scheme=dark')).json()) as Style;
    const casing = (s: Style) => s.layers.find((l) => l.id === 'basemap-roads-casing')!.paint!['line-color'];
    expect(casing(dark)).not.toBe(casing(style));
  });

  it('serves the archive’s tiles as MVT that decode to the layers it holds', async () => {
    const [c] = await t.db.query<{ lon: number; lat: number }>("SELECT ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE level = 'township' AND valid_to IS NULL ORDER BY code LIMIT 1");
    const { x, y } = lonLatToTile(c!.lon, c!.lat, 10);
    const res = await get(`/api/basemap/10/${x}/${y}.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const layers = decodeTile(await res.arrayBuffer());
    expect(Object.keys(layers)).toEqual(expect.arrayContaining(['counties', 'townships', 'roads']));
    expect(layers.townships!.some((f) => typeof f.properties.name === 'string' && f.properties.name.length > 0)).toBe(true);
    // The same townships as the console's own tile of that place.
    const own = decodeTile(await (await get(`/api/tiles/townships/10/${x}/${y}.mvt`)).arrayBuffer());
    expect(layers.townships!.map((f) => f.properties.code).sort()).toEqual(own.townships!.map((f) => f.properties.code).sort());
    expect((await get('/api/basemap/10/0/0.pbf')).status).toBe(204);
    expect((await get(`/api/basemap/10/${x}/${y}.png`)).status).toBe(400);
  });

  it('uses BASEMAP_STYLE’s layers instead, fitted to the console, and refuses one that does not validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'basemap-style-'));
    const own = join(dir, 'style.json');
    writeFileSync(own, JSON.stringify({ version: 8, sources: { city: { type: 'vector', url: 'pmtiles://city.pmtiles' } }, layers: [{ id: 'roads', type: 'line', source: 'city', 'source-layer': 'roads', paint: { 'line-color': '#888' } }] }));
    const plan = loadConfig({ BASEMAP: `pmtiles:${path}`, BASEMAP_STYLE: own }).basemap!;
    expect(plan.customStyle!.layers).toEqual([{ id: 'basemap-roads', type: 'line', source: 'basemap', 'source-layer': 'roads', metadata: { 'gc:group': 'basemap' }, layout: {}, paint: { 'line-color': '#888' } }]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 8, sources: { city: { type: 'vector', url: 'x' } }, layers: [{ id: 'roads', type: 'line', source: 'city', 'source-layer': 'roads', paint: { 'line-color': 'not a colour' } }] }));
    expect(() => loadConfig({ BASEMAP: `pmtiles:${path}`, BASEMAP_STYLE: bad })).toThrow(/BASEMAP_STYLE: .*not a valid MapLibre style.*line-color/);
  });
});
