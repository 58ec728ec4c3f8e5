/**
 * The small route map of the printed patrol sheet: the start and stops projected into an SVG box (equirectangular
 * with the longitude scaled by cos(latitude), which keeps shapes true at county scale), with a margin.
 */
export interface SvgPoint { x: number; y: number }

export function projectRoute(coords: [number, number][], width: number, height: number, margin = 16): SvgPoint[] {
  if (!coords.length) return [];
  const midLat = coords.reduce((s, c) => s + c[1], 0) / coords.length;
  const k = Math.cos((midLat * Math.PI) / 180);
  const xs = coords.map((c) => c[0] * k);
  const ys = coords.map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(x1 - x0, y1 - y0, 1e-9);
  const scale = Math.min((width - 2 * margin) / Math.max(x1 - x0, span * 1e-3), (height - 2 * margin) / Math.max(y1 - y0, span * 1e-3));
  // Centre the drawing in the box.
  const ox = (width - (x1 - x0) * scale) / 2;
  const oy = (height - (y1 - y0) * scale) / 2;
  return coords.map((_, i) => ({ x: ox + (xs[i]! - x0) * scale, y: height - (oy + (ys[i]! - y0) * scale) }));
}
