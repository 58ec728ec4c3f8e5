import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTile } from './encode-mvt.js';

const decode = (bytes: Uint8Array) => new VectorTile(new Pbf(bytes));

describe('encodeTile', () => {
  it('writes ids, properties (dropping nulls) and points', () => {
    const bytes = encodeTile('sites', [{ id: 7, geometry: { type: 'Point', coordinates: [100, 200] }, properties: { name: '站', n: 3, ok: true, gone: null } }])!;
    const layer = decode(bytes).layers.sites!;
    expect(layer.extent).toBe(4096);
    const f = layer.feature(0);
    expect(f.id).toBe(7);
    expect(f.properties).toEqual({ name: '站', n: 3, ok: true });
    expect(f.loadGeometry()).toEqual([[{ x: 100, y: 200 }]]);
  });

  it('rewinds rings to the MVT rule (exterior positive area in tile coordinates, holes negative)', () => {
    const outer: [number, number][] = [[0, 0], [0, 100], [100, 100], [100, 0], [0, 0]];
    const hole: [number, number][] = [[20, 20], [20, 80], [80, 80], [80, 20], [20, 20]];
    const area = (ring: { x: number; y: number }[]) => ring.reduce((s, p, i) => { const q = ring[(i + 1) % ring.length]!; return s + p.x * q.y - q.x * p.y; }, 0) / 2;
    // Every combination of input windings, including both rings wound the same way (which only rewinding fixes).
    for (const [o, h] of [[outer, hole], [[...outer].reverse(), hole], [outer, [...hole].reverse()], [[...outer].reverse(), [...hole].reverse()]]) {
      const bytes = encodeTile('areas', [{ id: 1, geometry: { type: 'Polygon', coordinates: [o!, h!] }, properties: {} }])!;
      const f = decode(bytes).layers.areas!.feature(0);
      const [ext, inner] = f.loadGeometry();
      expect(area(ext!)).toBeGreaterThan(0);
      expect(area(inner!)).toBeLessThan(0);
      expect((f.toGeoJSON(0, 0, 0).geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    }
  });

  it('keeps the polygons of a multipolygon apart and returns null when nothing is left to draw', () => {
    const square = (x: number): [number, number][] => [[x, 0], [x + 10, 0], [x + 10, 10], [x, 10], [x, 0]];
    const bytes = encodeTile('areas', [{ id: 2, geometry: { type: 'MultiPolygon', coordinates: [[square(0)], [square(50)]] }, properties: {} }])!;
    expect(decode(bytes).layers.areas!.feature(0).toGeoJSON(0, 0, 0).geometry.type).toBe('MultiPolygon');
    expect(encodeTile('areas', [{ id: 3, geometry: { type: 'LineString', coordinates: [[1, 1]] }, properties: {} }])).toBeNull();
    expect(encodeTile('areas', [])).toBeNull();
  });
});
