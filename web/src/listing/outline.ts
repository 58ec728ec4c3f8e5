/**
 * A small SVG of an area for the printed report: GeoJSON (Polygon/MultiPolygon, WGS84) to one SVG path, in an
 * equirectangular projection scaled by cos(latitude) so that the shape is not stretched at Hunan's latitude.
 */
type Ring = [number, number][];

export interface OutlineSvg {
  path: string;
  width: number;
  height: number;
}

function rings(geometry: { type: string; coordinates: unknown }): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

export function outlinePath(geometry: { type: string; coordinates: unknown }, size = 240, pad = 8): OutlineSvg | null {
  const rs = rings(geometry);
  const pts = rs.flat();
  if (!pts.length) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = Math.max((e - w) * k, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const scale = (size - 2 * pad) / Math.max(spanX, spanY);
  const width = Math.round(spanX * scale + 2 * pad);
  const height = Math.round(spanY * scale + 2 * pad);
  const fmt = (v: number) => v.toFixed(1);
  const path = rs
    .map((r) => r.map(([x, y], i) => `${i ? 'L' : 'M'}${fmt(pad + (x - w) * k * scale)} ${fmt(pad + (n - y) * scale)}`).join('') + 'Z')
    .join('');
  return { path, width, height };
}
