import { describe, expect, it } from 'vitest';
import { CrsError, crsFromPrj, crsFromUrn, fromWgs84, guessCrs, parseCrsParam, prjText, toWgs84, type SourceCrs } from './crs.js';
import { convertPoint } from './datum.js';

/** Distance in metres between two lon/lat points (equirectangular: exact enough below a kilometre). */
const metres = (a: [number, number], b: [number, number]) => {
  const k = 111_320;
  const dx = (a[0] - b[0]) * k * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dy = (a[1] - b[1]) * 110_574;
  return Math.hypot(dx, dy);
};

const crs = (s: string) => parseCrsParam(s) as SourceCrs;

describe('CGCS2000 Gauss–Krüger against published test points', () => {
  // PROJ's own test suite, test/gie/builtins.gie ("Transverse Mercator", operation +proj=tmerc +ellps=GRS80):
  //   accept 2 1 → expect 222650.796795778 110642.229411927, i.e. 2° east of the central meridian at 1° N.
  // A transverse Mercator depends on longitude only through the distance from its central meridian, so the same
  // numbers hold 2° east of 111° E (EPSG:4546, x_0 = 500 000) and of 114° E in zone 38 (EPSG:4526, x_0 = 38 500 000).
  it('EPSG:4546 (central meridian 111° E, no zone number)', () => {
    const [lon, lat] = toWgs84(crs('EPSG:4546'))([500_000 + 222650.796795778, 110642.229411927]);
    expect(metres([lon, lat], [113, 1])).toBeLessThan(0.01);
    const [x, y] = fromWgs84(crs('EPSG:4546'))([113, 1]);
    expect(x).toBeCloseTo(500_000 + 222650.797, 2);
    expect(y).toBeCloseTo(110642.229, 2);
  });

  it('EPSG:4526 (zone 38, the zone number in the easting) and the other Hunan zones', () => {
    const [x, y] = fromWgs84(crs('EPSG:4526'))([116, -1]);
    expect(x).toBeCloseTo(38_500_000 + 222650.797, 2);
    expect(y).toBeCloseTo(-110642.229, 2);
    // builtins.gie, inverse: accept 200 100 → expect 0.001796631 0.000904369 (degrees from the origin).
    const back = toWgs84(crs('EPSG:4524'))([36_500_000 + 200, 100]);
    expect(back[0]).toBeCloseTo(108.001796631, 8);
    expect(back[1]).toBeCloseTo(0.000904369, 8);
    expect(crs('EPSG:4525').gk).toEqual({ lon0: 111, zone: 37, width: 3 });
    expect(crs('EPSG:4545').gk).toEqual({ lon0: 108, zone: null, width: 3 });
    expect(crs('EPSG:4547').gk).toEqual({ lon0: 114, zone: null, width: 3 });
  });

  it('round-trips a Hunan point to the millimetre', () => {
    const p: [number, number] = [112.5712, 26.8931];
    for (const id of ['EPSG:4525', 'EPSG:4546', 'EPSG:4526', 'EPSG:4547']) {
      expect(metres(toWgs84(crs(id))(fromWgs84(crs(id))(p)), p)).toBeLessThan(0.001);
    }
  });
});

describe('GCJ-02 and BD-09 against published test points', () => {
  // wandergis/coordtransform README (the widely used reference implementation of the public GCJ-02/BD-09
  // formulas), "result" block for the input (116.404, 39.915):
  //   wgs84togcj02 → [116.41024449916938, 39.91640428150164]
  //   gcj02towgs84 → [116.39775550083061, 39.91359571849836]   (a one-step inverse, good to a couple of metres)
  //   bd09togcj02  → [116.39762729119315, 39.90865673957631]
  //   gcj02tobd09  → [116.41036949371029, 39.92133699351021]
  const p: [number, number] = [116.404, 39.915];
  it('WGS84 → GCJ-02 and back', () => {
    expect(metres(fromWgs84(crs('gcj02'))(p), [116.41024449916938, 39.91640428150164])).toBeLessThan(0.5);
    expect(metres(toWgs84(crs('gcj02'))(p), [116.39775550083061, 39.91359571849836])).toBeLessThan(3);
  });
  it('BD-09 ↔ GCJ-02', () => {
    expect(metres(convertPoint(p, 'BD09', 'GCJ02'), [116.39762729119315, 39.90865673957631])).toBeLessThan(0.5);
    expect(metres(convertPoint(p, 'GCJ02', 'BD09'), [116.41036949371029, 39.92133699351021])).toBeLessThan(0.5);
  });
  it('WGS84 and CGCS2000 geographic are stored as given', () => {
    expect(toWgs84(crs('cgcs2000'))(p)).toEqual(p);
    expect(toWgs84(crs('EPSG:4490'))(p)).toEqual(p);
  });
});

describe('reading .prj files and CRS names', () => {
  const zone38 = prjText(crs('EPSG:4526'))!;
  it('recognises what it writes and what ArcGIS writes', () => {
    expect(crsFromPrj(zone38).id).toBe('EPSG:4526');
    expect(crsFromPrj(prjText(crs('EPSG:4546'))!).id).toBe('EPSG:4546');
    expect(crsFromPrj(prjText(crs('wgs84'))!).id).toBe('wgs84');
    expect(crsFromPrj(prjText(crs('cgcs2000'))!).id).toBe('cgcs2000');
  });
  it('refuses Xian 1980 and Beijing 1954, which need local parameters', () => {
    const xian = zone38.replace('6378137.0,298.257222101', '6378140.0,298.257').replace('China_2000', 'Xian_1980');
    expect(() => crsFromPrj(xian)).toThrowError(CrsError);
    try {
      crsFromPrj(xian);
    } catch (e) {
      expect((e as CrsError).rule).toBe('unsupported_datum');
    }
    expect(() => crsFromPrj('not a prj')).toThrowError(/unreadable_prj/);
  });
  it('reads GeoJSON crs names', () => {
    expect(crsFromUrn('urn:ogc:def:crs:EPSG::4526')?.id).toBe('EPSG:4526');
    expect(crsFromUrn('urn:ogc:def:crs:OGC:1.3:CRS84')?.id).toBe('wgs84');
    expect(crsFromUrn('EPSG:3857')).toBeNull();
  });
  it('parses the datum parameter', () => {
    expect(parseCrsParam('GCJ-02')?.id).toBe('gcj02');
    expect(parseCrsParam('epsg:4547')?.id).toBe('EPSG:4547');
    expect(parseCrsParam('EPSG:3857')).toBeNull();
    expect(parseCrsParam('mars')).toBeNull();
  });
});

describe('guessing from coordinate values', () => {
  it('names the zone from the easting, and suggests a zone near the jurisdiction otherwise', () => {
    expect(guessCrs([[38_400_000, 2_980_000]], null)).toMatchObject({ crs: { id: 'EPSG:4526' }, certain: true });
    expect(guessCrs([[450_000, 2_980_000]], 111.2)).toMatchObject({ crs: { id: 'EPSG:4546' }, certain: false });
    expect(guessCrs([[112.6, 26.9]], null)).toMatchObject({ crs: { id: 'wgs84' }, certain: false });
    expect(guessCrs([[1e9, 1e9]], null)).toBeNull();
  });
});
