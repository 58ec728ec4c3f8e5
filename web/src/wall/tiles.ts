/**
 * Periodic tile reload that can never blank the map: MapLibre drops a tile whose reload fails, so the wall first
 * fetches one real tile and reloads the sources only when that answers. An outage therefore leaves the last good
 * tiles on screen.
 */
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';

/** The XYZ tile containing lon/lat at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

export function tileUrl(template: string, t: { z: number; x: number; y: number }): string {
  return template.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
}

/** Probes the tile under the map's centre, then reloads every vector source in place. Resolves whether it did. */
export async function reloadTilesIfReachable(map: MapLibreMap, probeSource = 'counties'): Promise<boolean> {
  const source = map.getSource(probeSource) as VectorTileSource | undefined;
  const template = source?.tiles?.[0];
  if (!template) return false;
  const c = map.getCenter();
  try {
    const res = await fetch(tileUrl(template, tileAt(c.lng, c.lat, Math.max(4, Math.floor(map.getZoom())))), { cache: 'no-store', credentials: 'same-origin' });
    if (!res.ok) return false;
  } catch {
    return false;
  }
  for (const [id, spec] of Object.entries(map.getStyle().sources)) {
    if (spec.type !== 'vector') continue;
    const s = map.getSource(id) as VectorTileSource | undefined;
    // setTiles with the same URLs reloads the tiles as "expired": the old ones stay drawn until the new arrive.
    if (s?.tiles) s.setTiles([...s.tiles]);
  }
  return true;
}
