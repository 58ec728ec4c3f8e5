/**
 * Source geometry → WGS84, with the checks that need the raw numbers: coordinates that are not numbers or out of
 * range, longitude/latitude (or a surveyor's X/Y) swapped, places outside China. Also the representative point
 * under each web-map datum, from which the checks detect a wrong datum choice (checks.ts). Pure.
 */
import type { Geometry, Position } from 'geojson';
import { crsFromEpsg, toWgs84, type PointFn, type SourceCrs } from 'domain/crs';
import type { Problem } from './problems.js';

/** China's extent, generously (Hainan's reefs aside): outside it the datum is surely wrong. */
const CHINA = { w: 73, s: 3, e: 136, n: 54 };
const inChina = (x: number, y: number) => x >= CHINA.w && x <= CHINA.e && y >= CHINA.s && y <= CHINA.n;

export type DatumCandidate = 'wgs84' | 'gcj02' | 'bd09';
export const DATUM_CANDIDATES: readonly DatumCandidate[] = ['wgs84', 'gcj02', 'bd09'];

export interface Converted {
  geometry: Geometry;
  /** The source bbox centre read as WGS84, GCJ-02 and BD-09 (geographic sources only). */
  candidates: Record<DatumCandidate, [number, number]> | null;
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

export function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

const ACCEPTS: Record<'Polygon' | 'Point', string[]> = { Polygon: ['Polygon', 'MultiPolygon'], Point: ['Point', 'MultiPoint'] };

/** Whether raw numbers fit the system, or fit it once swapped. */
function fitOf(crs: SourceCrs, x: number, y: number): 'ok' | 'swapped' | 'out' {
  if (crs.kind !== 'projected') {
    const ok = (a: number, b: number) => Math.abs(a) <= 180 && Math.abs(b) <= 90;
    if (ok(x, y)) return inChina(x, y) || !inChina(y, x) ? 'ok' : 'swapped';
    return ok(y, x) ? 'swapped' : 'out';
  }
  const zone = crs.gk!.zone;
  const eastingOk = (v: number) => (zone === null ? v > -500_000 && v < 1_500_000 : v >= zone * 1_000_000 && v < (zone + 1) * 1_000_000);
  const northingOk = (v: number) => v >= 0 && v <= 6_500_000;
  if (eastingOk(x) && northingOk(y)) return 'ok';
  return eastingOk(y) && northingOk(x) ? 'swapped' : 'out';
}

const fmt = (p: Position) => `${p[0]}, ${p[1]}`;

export function makeConverter(crs: SourceCrs) {
  const fns = new Map<string, PointFn>();
  const fnFor = (c: SourceCrs) => {
    let f = fns.get(c.id);
    if (!f) fns.set(c.id, (f = toWgs84(c)));
    return f;
  };
  const candidateFns = crs.kind === 'projected' ? null : DATUM_CANDIDATES.map((d) => [d, toWgs84({ id: d, kind: d === 'wgs84' ? 'geographic' : 'offset', name: d })] as const);

  /** Null when a problem was reported instead. */
  return function convert(
    geometry: Geometry,
    expected: 'Polygon' | 'Point',
    ctx: { feature: number; code: string | null; srid: number | null },
    report: (p: Problem) => void,
  ): Converted | null {
    const problem = (rule: string, params: Record<string, string | number>, field = 'geometry') =>
      report({ feature: ctx.feature, code: ctx.code, field, rule, params });
    if (!ACCEPTS[expected].includes(geometry.type) || (geometry.type === 'MultiPoint' && geometry.coordinates.length !== 1)) {
      problem('wrong_geometry_type', { got: geometry.type, expected });
      return null;
    }
    const source = ctx.srid !== null ? crsFromEpsg(ctx.srid) ?? crs : crs;
    const pts = positions(geometry);
    if (!pts.length) {
      problem('missing_geometry', {});
      return null;
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of pts) {
      const [x, y] = p as [number, number];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        problem('bad_coordinates', { value: fmt(p) });
        return null;
      }
      const fit = fitOf(source, x, y);
      if (fit !== 'ok') {
        problem(fit === 'swapped' ? 'lonlat_swapped' : 'coordinates_out_of_range', { value: fmt(p) });
        return null;
      }
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
    const to = fnFor(source);
    let converted = mapPositions(geometry.type === 'MultiPoint' ? { type: 'Point', coordinates: geometry.coordinates[0]! } : geometry, (p) => to([p[0]!, p[1]!]));
    const [cx, cy] = to([(x0 + x1) / 2, (y0 + y1) / 2]);
    if (!inChina(cx, cy)) {
      problem('outside_china', { value: `${cx.toFixed(5)}, ${cy.toFixed(5)}` });
      return null;
    }
    if (converted.type === 'Polygon') converted = { type: 'MultiPolygon', coordinates: [converted.coordinates] };
    const centre: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const candidates = candidateFns && source.kind !== 'projected'
      ? (Object.fromEntries(candidateFns.map(([d, f]) => [d, f(centre)])) as Record<DatumCandidate, [number, number]>)
      : null;
    return { geometry: converted, candidates };
  };
}
