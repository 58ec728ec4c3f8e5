/**
 * Datum conversion for Chinese web-map coordinates, wrapping the `gcoord` package.
 *
 * When to use which:
 *  - WGS84 (EPSG:4326): what the database stores and what GPS, OpenStreetMap and official CGCS2000 data are in
 *    (CGCS2000 differs from WGS84 by under a metre: treat it as WGS84).
 *  - GCJ-02 ("Mars coordinates"): AMap/高德, Tencent/腾讯 and most Chinese apps and web maps. Offset from WGS84 by
 *    a few hundred metres by a deliberate, non-linear obfuscation. Convert on import (GCJ02 → WGS84) and, if a
 *    GCJ-02 basemap is shown, convert our data to it on display — never store GCJ-02.
 *  - BD-09: Baidu maps (百度), a further offset on top of GCJ-02. Same rule: convert on import.
 * The offsets only apply inside China; gcoord leaves points outside China unchanged. GCJ-02 → WGS84 has no
 * closed form; gcoord inverts it iteratively to well under a metre.
 */
import gcoord from 'gcoord';

export type Datum = 'WGS84' | 'GCJ02' | 'BD09';
export type LonLat = [number, number];

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

export function isDatum(s: string): s is Datum {
  return s === 'WGS84' || s === 'GCJ02' || s === 'BD09';
}

/** Convert one [lon, lat] point. */
export function convertPoint(p: LonLat, from: Datum, to: Datum): LonLat {
  if (from === to) return [p[0], p[1]];
  const [lon, lat] = gcoord.transform([p[0], p[1]], CRS[from], CRS[to]) as number[];
  return [lon!, lat!];
}

/** Convert every coordinate of a GeoJSON geometry, feature or collection (a converted copy). */
export function convertGeoJSON<T extends object>(geojson: T, from: Datum, to: Datum): T {
  // gcoord.transform converts GeoJSON in place; work on a copy so callers keep their input. GeoJSON is plain JSON,
  // so a JSON round trip copies it exactly (and needs no runtime-specific clone).
  const copy = JSON.parse(JSON.stringify(geojson)) as T;
  if (from === to) return copy;
  return gcoord.transform(copy as never, CRS[from], CRS[to]) as unknown as T;
}
