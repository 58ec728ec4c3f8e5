import { describe, expect, it } from 'vitest';
import { convertGeoJSON, convertPoint, type LonLat } from './datum.js';

/** Metres between two nearby points (equirectangular). */
const metres = (a: LonLat, b: LonLat) =>
  Math.hypot((a[0] - b[0]) * 111320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110574);

describe('datum conversion', () => {
  // Reference pairs from the widely used coordtransform implementation (Tiananmen, 116.404 E 39.915 N).
  it('matches published WGS84 → GCJ-02 and GCJ-02 ↔ BD-09 pairs', () => {
    const gcj = convertPoint([116.404, 39.915], 'WGS84', 'GCJ02');
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 7);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 7);
    const bd = convertPoint([116.404, 39.915], 'GCJ02', 'BD09');
    expect(bd[0]).toBeCloseTo(116.41036949371029, 6);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 6);
    const back = convertPoint([116.404, 39.915], 'BD09', 'GCJ02');
    expect(back[0]).toBeCloseTo(116.39762729119315, 6);
    expect(back[1]).toBeCloseTo(39.90865673957631, 6);
  });

  it('inverts GCJ-02 to WGS84 to within a few metres of the one-step formula, and round-trips to a decimetre', () => {
    const wgs = convertPoint([116.404, 39.915], 'GCJ02', 'WGS84');
    expect(metres(wgs, [116.39775550083061, 39.91359571849836])).toBeLessThan(5);
    const hengyang: LonLat = [112.572, 26.894];
    for (const via of ['GCJ02', 'BD09'] as const) {
      const there = convertPoint(hengyang, 'WGS84', via);
      expect(metres(there, hengyang)).toBeGreaterThan(100); // Chinese web maps are hundreds of metres off
      expect(metres(convertPoint(there, via, 'WGS84'), hengyang)).toBeLessThan(0.1);
    }
  });

  it('leaves points outside China alone and converts whole GeoJSON without touching the input', () => {
    expect(convertPoint([2.35, 48.85], 'WGS84', 'GCJ02')).toEqual([2.35, 48.85]);
    const line = { type: 'LineString', coordinates: [[112.5, 26.9], [112.6, 27.0]] };
    const out = convertGeoJSON(line, 'WGS84', 'GCJ02');
    expect(line.coordinates[0]).toEqual([112.5, 26.9]);
    expect(out.coordinates[0]).toEqual(convertPoint([112.5, 26.9], 'WGS84', 'GCJ02'));
  });
});
