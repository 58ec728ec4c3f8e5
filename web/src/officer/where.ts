/**
 * Pure answers for "am I in my grid?": the banner's verdict from the API's answer, the same verdict computed on the
 * phone from cached boundaries when the network is down, distances for people, and which due items are overdue.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { LocateAnswer, MyGrid } from './api';

export type Verdict =
  | { inside: true; gridName: string; gridCode: string; offline: boolean }
  | { inside: false; nearest: { name: string; code: string; metres: number } | null; hereName: string | null; offline: boolean };

export function verdictFromApi(a: LocateAnswer): Verdict {
  const inMine = a.myGrids.find((g) => g.metres === 0);
  if (inMine) return { inside: true, gridName: inMine.name, gridCode: inMine.code, offline: false };
  const nearest = a.myGrids[0] ?? null;
  return { inside: false, nearest, hereName: a.grid?.name ?? null, offline: false };
}

/** The same verdict from the cached boundaries (no network); distances are geodesic, as PostGIS's geography. */
export function verdictLocal(grids: MyGrid[], lon: number, lat: number): Verdict {
  const pt: [number, number] = [lon, lat];
  const hit = grids.find((g) => booleanPointInPolygon(pt, g.boundary));
  if (hit) return { inside: true, gridName: hit.name, gridCode: hit.code, offline: true };
  const ranked = grids
    .map((g) => ({ name: g.name, code: g.code, metres: Math.abs(pointToPolygonDistance(pt, g.boundary, { units: 'meters' })) }))
    .sort((a, b) => a.metres - b.metres);
  return { inside: false, nearest: ranked[0] ?? null, hereName: null, offline: true };
}

/** Metres for people: "850 m" under a kilometre, "1.2 km" under 10 km, whole kilometres beyond. */
export function formatDistance(metres: number, lang: string): string {
  const nf = (d: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: d });
  if (metres < 1000) return `${nf(0).format(Math.round(metres / 10) * 10 || Math.round(metres))} m`;
  if (metres < 10_000) return `${nf(1).format(metres / 1000)} km`;
  return `${nf(0).format(metres / 1000)} km`;
}

/** Whole days from `today` to `due` (negative: overdue); both ISO dates, compared in UTC so no time zone shifts them. */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(due.slice(0, 10)) - Date.parse(today.slice(0, 10))) / 86_400_000);
}

/** The union of the grids' bounding boxes, or null without grids. */
export function unionBbox(grids: Pick<MyGrid, 'bbox'>[]): [number, number, number, number] | null {
  if (!grids.length) return null;
  return grids.reduce<[number, number, number, number]>(
    (b, g) => [Math.min(b[0], g.bbox[0]), Math.min(b[1], g.bbox[1]), Math.max(b[2], g.bbox[2]), Math.max(b[3], g.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
