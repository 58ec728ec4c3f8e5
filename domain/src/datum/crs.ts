/**
 * Source coordinate reference systems of imported data, and their conversion to WGS84 (what the database stores).
 *
 *  - wgs84, cgcs2000: geographic longitude/latitude. CGCS2000 and WGS84 (G1762) agree to within a few centimetres
 *    at the CGCS2000 epoch and well under a metre today: stored as they are.
 *  - gcj02 (AMap, Tencent), bd09 (Baidu): the obfuscated web-map datums, converted by datum.ts (gcoord).
 *  - CGCS2000 Gauss–Krüger (transverse Mercator on the CGCS2000 ellipsoid, scale 1, false northing 0), converted
 *    by proj4:
 *      3° zones 25–45, zone number in the easting (x_0 = zone·10⁶ + 500 000): EPSG:4513–4533 (Hunan: 4524–4526,
 *        central meridians 108°, 111°, 114° E = zones 36, 37, 38);
 *      3° zones without the zone number (x_0 = 500 000): EPSG:4534–4554 (Hunan: 4545–4547);
 *      6° zones 13–23 with and without the zone number: EPSG:4491–4501 and 4502–4512.
 *    The CGCS2000 ellipsoid's flattening differs from GRS80's in the 10th digit (sub-millimetre here), so GRS80
 *    parameters stand for it, as in the EPSG definitions.
 *  - A Shapefile's .prj (ESRI or OGC WKT, read by proj4) picks one of the above when it describes it; a .prj on
 *    Beijing 1954 or Xian 1980 is refused, since those need local transformation parameters we do not have.
 */
import proj4 from 'proj4';
import { convertPoint, type LonLat } from './datum.js';

/**
 * A coordinate system we cannot read, as a rule id (the API's message catalogue words it in zh-CN and English) and
 * the values for its message. Same shape as the file readers' FormatError, so the API reports both alike.
 */
export class CrsError extends Error {
  readonly index = null;
  constructor(
    readonly rule: 'unreadable_prj' | 'unsupported_datum' | 'unknown_projection',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${rule} ${JSON.stringify(params)}`);
  }
}

export type CrsId = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09' | `EPSG:${number}`;

export interface SourceCrs {
  id: CrsId;
  kind: 'geographic' | 'offset' | 'projected';
  /** proj4 definition of projected systems. */
  proj4?: string;
  /** ESRI-style name, used in .prj files we write. */
  name: string;
  /** Gauss–Krüger: central meridian, and the zone number carried in the easting (null when not). */
  gk?: { lon0: number; zone: number | null; width: 3 | 6 };
}

const WGS84: SourceCrs = { id: 'wgs84', kind: 'geographic', name: 'GCS_WGS_1984' };
const CGCS2000: SourceCrs = { id: 'cgcs2000', kind: 'geographic', name: 'GCS_China_Geodetic_Coordinate_System_2000' };
const GCJ02: SourceCrs = { id: 'gcj02', kind: 'offset', name: 'GCJ-02' };
const BD09: SourceCrs = { id: 'bd09', kind: 'offset', name: 'BD-09' };

function gaussKruger(epsg: number, width: 3 | 6, zone: number, withZone: boolean): SourceCrs {
  const lon0 = width === 3 ? zone * 3 : zone * 6 - 3;
  const x0 = withZone ? zone * 1_000_000 + 500_000 : 500_000;
  const name = width === 3
    ? withZone ? `CGCS2000_3_Degree_GK_Zone_${zone}` : `CGCS2000_3_Degree_GK_CM_${lon0}E`
    : withZone ? `CGCS2000_GK_Zone_${zone}` : `CGCS2000_GK_CM_${lon0}E`;
  return {
    id: `EPSG:${epsg}`,
    kind: 'projected',
    name,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    gk: { lon0, zone: withZone ? zone : null, width },
  };
}

/** EPSG codes we know: 4326, 4490 and the CGCS2000 Gauss–Krüger zones. */
export function crsFromEpsg(code: number): SourceCrs | null {
  if (code === 4326) return WGS84;
  if (code === 4490) return CGCS2000;
  if (code >= 4513 && code <= 4533) return gaussKruger(code, 3, code - 4513 + 25, true);
  if (code >= 4534 && code <= 4554) return gaussKruger(code, 3, code - 4534 + 25, false);
  if (code >= 4491 && code <= 4501) return gaussKruger(code, 6, code - 4491 + 13, true);
  if (code >= 4502 && code <= 4512) return gaussKruger(code, 6, code - 4502 + 13, false);
  return null;
}

/** The `datum` parameter: wgs84 | cgcs2000 | gcj02 | bd09 | EPSG:n (also epsg:n, EPSG::n). Null when unknown. */
export function parseCrsParam(s: string): SourceCrs | null {
  const v = s.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (v === 'wgs84' || v === 'crs84') return WGS84;
  if (v === 'cgcs2000') return CGCS2000;
  if (v === 'gcj02') return GCJ02;
  if (v === 'bd09') return BD09;
  const m = /^epsg:{1,2}(\d{4,5})$/.exec(v);
  return m ? crsFromEpsg(Number(m[1])) : null;
}

/** A GeoJSON `crs` name: urn:ogc:def:crs:EPSG::4526, EPSG:4490, urn:ogc:def:crs:OGC:1.3:CRS84. */
export function crsFromUrn(name: string): SourceCrs | null {
  if (/CRS84$/i.test(name)) return WGS84;
  const m = /EPSG:{1,2}(?:[\d.]*:)?(\d{4,5})$/i.exec(name.trim());
  return m ? crsFromEpsg(Number(m[1])) : null;
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** What a .prj describes, as one of our systems; CrsError when it is unreadable or on another datum. */
export function crsFromPrj(wkt: string): SourceCrs {
  const epsg = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"(\d+)"\s*\]\s*\]\s*$/i.exec(wkt.trim());
  if (epsg) {
    const known = crsFromEpsg(Number(epsg[1]));
    if (known) return known;
  }
  let p: { projName?: string; long0?: number; x0?: number; y0?: number; k0?: number; a?: number; rf?: number; lat0?: number; datumCode?: string };
  try {
    p = new proj4.Proj(wkt) as unknown as typeof p;
  } catch {
    throw new CrsError('unreadable_prj');
  }
  const a = p.a ?? 0;
  const rf = p.rf ?? 0;
  // GRS80 / CGCS2000 (298.257222101) and WGS84 (298.257223563) share a = 6378137 and differ by 0.1 mm in b.
  const modernEllipsoid = near(a, 6378137, 0.5) && near(rf, 298.2572, 0.0001);
  if (!modernEllipsoid) throw new CrsError('unsupported_datum', { datum: String(p.datumCode ?? 'unknown'), a, rf });
  if (p.projName === 'longlat') return /2000|china/i.test(wkt) ? CGCS2000 : WGS84;
  const isTm = p.projName && /tmerc|transverse|gauss|kruger/i.test(p.projName);
  if (!isTm || !near(p.k0 ?? 0, 1, 1e-9) || !near(p.y0 ?? 0, 0, 1e-3) || !near(p.lat0 ?? 0, 0, 1e-9)) {
    throw new CrsError('unknown_projection', { name: String(p.projName ?? 'unknown') });
  }
  const lon0 = Math.round(((p.long0 ?? 0) * 180) / Math.PI * 1e6) / 1e6;
  const x0 = p.x0 ?? 0;
  const zoneInEasting = Math.floor(x0 / 1_000_000);
  if (Number.isInteger(lon0) && lon0 % 3 === 0 && lon0 >= 75 && lon0 <= 135) {
    const zone = lon0 / 3;
    if (near(x0, 500_000, 1e-3)) return crsFromEpsg(4534 + zone - 25)!;
    if (zoneInEasting === zone && near(x0 % 1_000_000, 500_000, 1e-3)) return crsFromEpsg(4513 + zone - 25)!;
  }
  if (Number.isInteger(lon0) && (lon0 + 3) % 6 === 0 && lon0 >= 75 && lon0 <= 135) {
    const zone = (lon0 + 3) / 6;
    if (near(x0, 500_000, 1e-3)) return crsFromEpsg(4502 + zone - 13)!;
    if (zoneInEasting === zone && near(x0 % 1_000_000, 500_000, 1e-3)) return crsFromEpsg(4491 + zone - 13)!;
  }
  throw new CrsError('unknown_projection', { name: `tmerc lon_0=${lon0} x_0=${x0}` });
}

export type PointFn = (p: LonLat) => LonLat;

/** A function from the system's coordinates to WGS84 longitude/latitude. */
export function toWgs84(crs: SourceCrs): PointFn {
  if (crs.kind === 'geographic') return (p) => [p[0], p[1]];
  if (crs.kind === 'offset') {
    const from = crs.id === 'gcj02' ? 'GCJ02' : 'BD09';
    return (p) => convertPoint(p, from, 'WGS84');
  }
  const conv = proj4(crs.proj4!, 'WGS84');
  return (p) => conv.forward([p[0], p[1]]) as LonLat;
}

/** A function from WGS84 to the system (exports in a chosen datum). */
export function fromWgs84(crs: SourceCrs): PointFn {
  if (crs.kind === 'geographic') return (p) => [p[0], p[1]];
  if (crs.kind === 'offset') {
    const to = crs.id === 'gcj02' ? 'GCJ02' : 'BD09';
    return (p) => convertPoint(p, 'WGS84', to);
  }
  const conv = proj4('WGS84', crs.proj4!);
  return (p) => conv.forward([p[0], p[1]]) as LonLat;
}

const ESRI_GCS = {
  wgs84: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  cgcs2000: 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};

/** The .prj text (ESRI WKT, which ArcGIS, QGIS and GDAL all read) for a system; null for GCJ-02/BD-09, which have none. */
export function prjText(crs: SourceCrs): string | null {
  if (crs.kind === 'offset') return null;
  if (crs.kind === 'geographic') return crs.id === 'cgcs2000' ? ESRI_GCS.cgcs2000 : ESRI_GCS.wgs84;
  const gk = crs.gk!;
  const x0 = gk.zone === null ? 500000 : gk.zone * 1_000_000 + 500_000;
  return `PROJCS["${crs.name}",${ESRI_GCS.cgcs2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0.toFixed(1)}],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${gk.lon0.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}

/**
 * A guess from coordinate values alone, for the preview when a file says nothing: longitude/latitude-sized values
 * are geographic (the datum stays the user's choice: WGS84, GCJ-02 and BD-09 look alike); an easting with a zone
 * number in it names its 3° zone; an easting near 500 000 m fits the 3° zone nearest to `hintLon` (the user's
 * jurisdiction). Null when the values fit nothing.
 */
export function guessCrs(samples: readonly LonLat[], hintLon: number | null): { crs: SourceCrs; certain: boolean } | null {
  if (!samples.length) return null;
  const xs = samples.map((p) => p[0]);
  const ys = samples.map((p) => p[1]);
  const all = (a: number[], lo: number, hi: number) => a.every((v) => v >= lo && v <= hi);
  if (all(xs, -180, 180) && all(ys, -90, 90)) return { crs: WGS84, certain: false };
  if (all(ys, 0, 10_000_000)) {
    const zones = new Set(xs.map((x) => Math.floor(x / 1_000_000)));
    if (zones.size === 1) {
      const zone = [...zones][0]!;
      if (zone >= 25 && zone <= 45) return { crs: crsFromEpsg(4513 + zone - 25)!, certain: true };
      if (zone === 0 && hintLon !== null) {
        const z3 = Math.min(45, Math.max(25, Math.round(hintLon / 3)));
        return { crs: crsFromEpsg(4534 + z3 - 25)!, certain: false };
      }
    }
  }
  return null;
}

/** The system's identifier as the API and CLI spell it. */
export const crsLabel = (crs: SourceCrs) => crs.id;
